import { describe, expect, it } from "vitest";
import { StreamApiError, StreamNetworkError, StreamValidationError } from "../errors";
import {
  backoffDelay,
  isRetryable,
  isRetryableStatus,
  jittered,
  retryWait,
  sleep,
} from "../retryPolicy";

const api = (status: number, retryAfter?: number, code?: number) =>
  new StreamApiError(status, code ? [{ code, message: "x" }] : [], retryAfter);

describe("which failures are worth retrying", () => {
  it("retries 408, 429 and 5xx of idempotent requests, never other 4xx", () => {
    for (const status of [408, 429, 500, 502, 503, 504])
      expect(isRetryableStatus(status)).toBe(true);
    for (const status of [400, 401, 403, 404, 409, 410, 413]) {
      expect(isRetryableStatus(status)).toBe(false);
    }
  });

  it("retries a creation only when the answer says it was not carried out", () => {
    expect([429, 502, 503, 504].map((s) => isRetryableStatus(s, false))).toEqual([
      true,
      true,
      true,
      true,
    ]);
    expect([408, 500].map((s) => isRetryableStatus(s, false))).toEqual([false, false]);
    // A timeout or a lost answer: the video may exist, a second one would be left behind.
    expect(isRetryable(api(504, undefined, 9504), false)).toBe(false);
    expect(isRetryable(api(502, undefined, 9599), false)).toBe(false);
    expect(isRetryable(api(504, undefined, 9504))).toBe(true);
    expect(isRetryable(new StreamNetworkError("timeout", "late"), false)).toBe(false);
    expect(isRetryable(new StreamNetworkError("fetch", "refused"), false)).toBe(true);
  });

  it("never retries bad input or a cancellation", () => {
    expect(isRetryable(new StreamValidationError("uid", "bad"))).toBe(false);
    expect(isRetryable(new DOMException("stop", "AbortError"))).toBe(false);
    expect(isRetryable(new StreamNetworkError("body", "not JSON"))).toBe(true);
  });
});

describe("how long to wait", () => {
  it("doubles from the base, spread by the jitter", () => {
    const policy = { baseDelayMs: 1_000, maxDelayMs: 60_000, jitter: 0.2 };
    expect([0, 1, 2].map((n) => backoffDelay(n, undefined, policy, () => 0.5))).toEqual([
      1_000, 2_000, 4_000,
    ]);
    expect(backoffDelay(0, undefined, policy, () => 0)).toBe(800);
    expect(backoffDelay(0, undefined, policy, () => 1)).toBe(1_200);
    expect(jittered(1_000, 5, () => 0)).toBe(0); // jitter is clamped to 1
  });

  it("takes retry-after as a floor and maxDelayMs as a ceiling", () => {
    const policy = { baseDelayMs: 1_000, maxDelayMs: 10_000, jitter: 0.5 };
    expect(backoffDelay(0, api(429, 5), policy, () => 0)).toBe(5_000);
    expect(backoffDelay(0, api(429, 120), policy, () => 0)).toBe(10_000);
    expect(backoffDelay(30, undefined, policy, () => 1)).toBe(10_000);
    expect(retryWait(1_000, api(503, 3))).toBe(3_000);
    expect(retryWait(4_000, api(503, 3))).toBe(4_000);
  });

  it("waits abortably: the wait ends the moment the signal aborts", async () => {
    const controller = new AbortController();
    const started = Date.now();
    const waiting = sleep(60_000, controller.signal);
    controller.abort(new DOMException("stop", "AbortError"));
    await expect(waiting).rejects.toMatchObject({ name: "AbortError" });
    expect(Date.now() - started).toBeLessThan(1_000);
    await expect(sleep(10, AbortSignal.abort("gone"))).rejects.toBe("gone");
    await expect(sleep(1)).resolves.toBeUndefined();
  });
});
