import { describe, expect, it } from "vitest";
import { StreamApiError, StreamNetworkError } from "../errors";
import { DEFAULT_POLLING_POLICY, nextPollDelay } from "../polling";

const mid = () => 0.5; // no jitter

describe("nextPollDelay", () => {
  it("polls quickly while waiting, slower while encoding, never at the end", () => {
    expect(nextPollDelay({ phase: "downloading", failures: 0 }, {}, mid)).toBe(
      DEFAULT_POLLING_POLICY.waitingMs,
    );
    expect(nextPollDelay({ phase: "queued", failures: 0 }, {}, mid)).toBe(
      DEFAULT_POLLING_POLICY.waitingMs,
    );
    expect(nextPollDelay({ phase: undefined, failures: 0 }, {}, mid)).toBe(
      DEFAULT_POLLING_POLICY.waitingMs,
    );
    expect(nextPollDelay({ phase: "processing", failures: 0 }, {}, mid)).toBe(
      DEFAULT_POLLING_POLICY.processingMs,
    );
    expect(nextPollDelay({ phase: "ready", failures: 0 }, {}, mid)).toBe(false);
    expect(nextPollDelay({ phase: "error", failures: 0 }, {}, mid)).toBe(false);
  });

  it("backs off exponentially after failures, up to the ceiling", () => {
    const error = new StreamNetworkError("fetch", "down");
    const delays = [1, 2, 3, 4, 10].map((failures) =>
      nextPollDelay({ phase: "processing", failures, error }, {}, mid),
    );
    expect(delays).toEqual([2000, 4000, 8000, 16000, 60000]);
  });

  it("spreads delays by the jitter fraction", () => {
    expect(nextPollDelay({ phase: "queued", failures: 0 }, { jitter: 0.2 }, () => 0)).toBe(1600);
    expect(nextPollDelay({ phase: "queued", failures: 0 }, { jitter: 0.2 }, () => 1)).toBe(2400);
  });

  it("honours retry-after as a floor", () => {
    const error = new StreamApiError(429, [], 30);
    expect(nextPollDelay({ phase: "processing", failures: 1, error }, {}, mid)).toBe(30_000);
    const huge = new StreamApiError(503, [], 3600);
    expect(nextPollDelay({ phase: "processing", failures: 1, error: huge }, {}, mid)).toBe(60_000);
  });

  it("stops on errors that retrying cannot fix", () => {
    expect(
      nextPollDelay({ phase: "processing", failures: 1, error: new StreamApiError(404, []) }),
    ).toBe(false);
    expect(
      nextPollDelay({ phase: "processing", failures: 1, error: new StreamApiError(403, []) }),
    ).toBe(false);
  });

  it("keeps 100 processing videos, batched, far under 1,200 requests per 5 minutes", () => {
    // With the batcher, all uids share one request per interval.
    const worst =
      (5 * 60 * 1000) / (DEFAULT_POLLING_POLICY.waitingMs * (1 - DEFAULT_POLLING_POLICY.jitter));
    expect(worst).toBeLessThan(1200 / 4);
  });
});
