import { StreamApiError, StreamNetworkError } from "@streamkit/core";
import type { FaultLogEntry, RunningEmulator } from "@streamkit/emulator";
import { type Stack, startStack, tinyVideo } from "@streamkit/test-utils/stack";
import { renderHook, waitFor } from "@testing-library/react";
import type { ReactNode } from "react";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { StreamProvider, type StreamProviderProps } from "../StreamProvider";
import { useVideo } from "../useVideo";
import { useVideoStatus } from "../useVideoStatus";
import { useVideos } from "../useVideos";

/**
 * The hooks against the real chain while the emulator misbehaves on purpose: React Query → core
 * client → proxy (node:http) → emulator with fault injection. The emulator's request log says
 * how often and when each call really went out.
 */

let stack: Stack;
let emulator: RunningEmulator;
let baseUrl: string;
const rejections: unknown[] = [];
const onRejection = (reason: unknown) => rejections.push(reason);
let consoleError: ReturnType<typeof vi.spyOn>;

beforeAll(async () => {
  process.on("unhandledRejection", onRejection);
  stack = await startStack({
    emulator: { processing: { ladder: [144, 72], preset: "ultrafast" } },
  });
  ({ emulator, baseUrl } = stack);
}, 60_000);

afterAll(async () => {
  process.off("unhandledRejection", onRejection);
  await stack?.stop();
});

beforeEach(() => {
  consoleError = vi.spyOn(console, "error");
});

afterEach(() => {
  emulator.faults.clear();
  // No React error, no error logged by anything else, no promise left rejected.
  expect(consoleError).not.toHaveBeenCalled();
  consoleError.mockRestore();
  expect(rejections).toEqual([]);
});

function wrapper(props: Partial<StreamProviderProps> = {}) {
  return ({ children }: { children: ReactNode }) => (
    <StreamProvider baseUrl={baseUrl} {...props}>
      {children}
    </StreamProvider>
  );
}

/** A video waiting for its bytes, and how to send them. */
async function pendingVideo(): Promise<{ uid: string; send(): Promise<void> }> {
  const { uid, send } = await stack.createUpload();
  return { uid, send: async () => send(await tinyVideo(stack)) };
}

/** The requests the emulator saw for `GET /stream/{uid}` (or the list, for `"list"`). */
function seen(target: string): FaultLogEntry[] {
  const suffix = target === "list" ? "/stream" : `/stream/${target}`;
  return emulator.faults
    .state()
    .recent.filter((r) => r.method === "GET" && r.path.endsWith(suffix));
}

const gaps = (entries: FaultLogEntry[]) =>
  entries.slice(1).map((entry, i) => entry.at - (entries[i] as FaultLogEntry).at);

/** Settled: not loading, not fetching, and either data or an error. */
function expectSettled(query: {
  isLoading: boolean;
  isFetching: boolean;
  data: unknown;
  error: unknown;
}) {
  expect(query.isLoading).toBe(false);
  expect(query.isFetching).toBe(false);
  expect(query.data !== undefined || query.error !== null).toBe(true);
}

describe("queries retry as packages/hooks/src/retry.ts says", () => {
  it("a 503 that never ends: three requests, 1 s then 2 s apart (±20 % jitter), then a typed error", async () => {
    const { uid } = await pendingVideo();
    emulator.faults.set([{ method: "GET", path: `/stream/${uid}`, type: "error", status: 503 }]);
    const { result } = renderHook(() => useVideo(uid), { wrapper: wrapper() });
    await waitFor(() => expect(result.current.status).toBe("error"), { timeout: 8_000 });
    expect(result.current.error).toBeInstanceOf(StreamApiError);
    expect(result.current.error).toMatchObject({ status: 503, codes: [10002] });
    expectSettled(result.current);
    const requests = seen(uid);
    expect(requests.map((r) => r.faults.join())).toEqual(["error", "error", "error"]);
    const [first, second] = gaps(requests) as [number, number];
    expect(first).toBeGreaterThanOrEqual(790);
    expect(first).toBeLessThan(1_700);
    expect(second).toBeGreaterThanOrEqual(1_590);
    expect(second).toBeLessThan(2_700);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(seen(uid)).toHaveLength(3); // given up: nothing more goes out
  });

  it("a reset and then a truncated body: two retries with typed reasons, then data", async () => {
    const { uid } = await pendingVideo();
    emulator.faults.set([
      { method: "GET", path: `/stream/${uid}`, type: "reset", times: 1 },
      { method: "GET", path: `/stream/${uid}`, type: "malformed", skip: 1, times: 1 },
    ]);
    const reasons: unknown[] = [];
    const { result } = renderHook(
      () => {
        const query = useVideo(uid);
        if (query.failureReason && reasons.at(-1) !== query.failureReason)
          reasons.push(query.failureReason);
        return query;
      },
      { wrapper: wrapper() },
    );
    await waitFor(() => expect(result.current.data?.uid).toBe(uid), { timeout: 8_000 });
    expectSettled(result.current);
    expect(result.current.error).toBeNull();
    // The proxy turned the broken upstream answer into its 502; the truncated body came through.
    expect(reasons[0]).toBeInstanceOf(StreamApiError);
    expect(reasons[0]).toMatchObject({ status: 502, codes: [9599] });
    expect(reasons[1]).toBeInstanceOf(StreamNetworkError);
    expect(reasons[1]).toMatchObject({ kind: "body" });
    expect(seen(uid).map((r) => r.faults.join())).toEqual(["reset", "malformed", ""]);
  });

  it("honours retry-after as a floor: a 429 asking for 2 s waits 2 s, not the 1 s backoff", async () => {
    const { uid } = await pendingVideo();
    emulator.faults.set([
      { method: "GET", path: `/stream/${uid}`, type: "rate-limit", retryAfter: 2, times: 1 },
    ]);
    const { result } = renderHook(() => useVideo(uid), { wrapper: wrapper() });
    await waitFor(() => expect(result.current.data?.uid).toBe(uid), { timeout: 6_000 });
    const requests = seen(uid);
    expect(requests.map((r) => r.faults.join())).toEqual(["rate-limit", ""]);
    expect(gaps(requests)[0]).toBeGreaterThanOrEqual(1_950);
    expect(gaps(requests)[0]).toBeLessThan(2_700);
  });

  it("does not retry what retrying cannot fix: a 404 is one request", async () => {
    const missing = "0123456789abcdef0123456789abcdef";
    const { result } = renderHook(() => useVideo(missing), { wrapper: wrapper() });
    await waitFor(() => expect(result.current.status).toBe("error"));
    expect(result.current.error).toMatchObject({ status: 404 });
    expectSettled(result.current);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(seen(missing)).toHaveLength(1);
  });

  it("lists: a gateway's HTML 502 is retried, and the page arrives", async () => {
    emulator.faults.set([{ method: "GET", path: "/stream", type: "html", times: 1 }]);
    const { result } = renderHook(() => useVideos({ limit: 5 }), { wrapper: wrapper() });
    await waitFor(() => expect(result.current.data).toBeDefined(), { timeout: 5_000 });
    expectSettled(result.current);
    expect(seen("list").map((r) => r.faults.join())).toEqual(["html", ""]);
  });
});

describe("useVideoStatus through a burst of failures", () => {
  it("backs off, keeps polling, honours retry-after, and reaches ready", async () => {
    const { uid, send } = await pendingVideo();
    const { result } = renderHook(() => useVideoStatus(uid), {
      wrapper: wrapper({
        polling: { waitingMs: 100, processingMs: 100, backoffBaseMs: 20, jitter: 0 },
      }),
    });
    await waitFor(() => expect(result.current.phase).toBe("awaiting-upload"));
    const before = seen("list").length;
    // Status polls are batched into `GET /stream?id=…`: five of them fail, in five ways.
    emulator.faults.set([
      { method: "GET", path: "/stream", type: "error", status: 503, times: 1 },
      { method: "GET", path: "/stream", type: "reset", skip: 1, times: 1 },
      { method: "GET", path: "/stream", type: "malformed", skip: 2, times: 1 },
      { method: "GET", path: "/stream", type: "html", skip: 3, times: 1 },
      { method: "GET", path: "/stream", type: "rate-limit", retryAfter: 1, skip: 4, times: 1 },
    ]);
    const errors: unknown[] = [];
    await send();
    await waitFor(
      () => {
        if (result.current.error && errors.at(-1) !== result.current.error)
          errors.push(result.current.error);
        expect(result.current.isReady).toBe(true);
      },
      { timeout: 20_000, interval: 10 },
    );
    expect(result.current.error).toBeUndefined();
    expect(result.current.phase).toBe("ready");
    expect(result.current.progress).toBe(1);
    expect(errors.length).toBeGreaterThan(0);
    for (const error of errors) {
      expect(error instanceof StreamApiError || error instanceof StreamNetworkError).toBe(true);
    }
    const polls = emulator.faults.state().recent.filter((r) => r.path.endsWith("/stream"));
    expect(polls.slice(0, 5).map((r) => r.faults.join())).toEqual([
      "error",
      "reset",
      "malformed",
      "html",
      "rate-limit",
    ]);
    const [b1, b2, b3, b4, afterLimit] = gaps(polls) as number[];
    // Backoff 20, 40, 80, 160 ms… Timers never fire early, so these floors hold on a loaded
    // machine; only the loose ceiling (far below the 1 s retry-after) depends on the load.
    expect(b1).toBeGreaterThanOrEqual(19);
    expect(b2).toBeGreaterThanOrEqual(39);
    expect(b3).toBeGreaterThanOrEqual(79);
    expect(b4).toBeGreaterThanOrEqual(159);
    expect(b4).toBeLessThan(900);
    // …then the 429's retry-after (1 s) is the floor, not the 320 ms backoff.
    expect(afterLimit).toBeGreaterThanOrEqual(990);
    expect(before).toBeGreaterThan(0);
    // Ready is final: polling stops.
    const count = seen("list").length;
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(seen("list")).toHaveLength(count);
    expect(result.current.isFetching).toBe(false);
  });
});
