import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { StreamApiError, StreamNetworkError } from "../errors";
import { createStatusPoller } from "../poller";
import type { Video } from "../types";
import { UID_A, UID_B, video } from "./fakeFetch";

const noJitter = () => 0.5;

function setup(answers: (uid: string, n: number) => Video | Error) {
  const cache = new Map<string, Video>();
  const counts = new Map<string, number>();
  const load = vi.fn(async (uid: string, signal: AbortSignal) => {
    const n = (counts.get(uid) ?? 0) + 1;
    counts.set(uid, n);
    await Promise.resolve();
    signal.throwIfAborted();
    const answer = answers(uid, n);
    if (answer instanceof Error) throw answer;
    return answer;
  });
  const poller = createStatusPoller({
    load,
    read: (uid) => cache.get(uid),
    write: (uid, v) => cache.set(uid, v),
    random: noJitter,
  });
  return { poller, load, cache };
}

describe("createStatusPoller", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("runs one loop per uid however many watch it", async () => {
    const { poller, load } = setup((uid) => video(uid, "inprogress") as Video);
    const stops = Array.from({ length: 5 }, () => poller.watch(UID_A, () => {}));
    await vi.advanceTimersByTimeAsync(0);
    expect(load).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(5_000 * 3);
    expect(load).toHaveBeenCalledTimes(4);
    for (const stop of stops) stop();
  });

  it("stops at ready and at error", async () => {
    const { poller, load } = setup(
      (uid, n) =>
        (uid === UID_A
          ? video(uid, n < 3 ? "inprogress" : "ready")
          : video(uid, n < 2 ? "queued" : "error")) as Video,
    );
    poller.watch(UID_A, () => {});
    poller.watch(UID_B, () => {});
    await vi.advanceTimersByTimeAsync(60_000);
    expect(load.mock.calls.filter(([u]) => u === UID_A)).toHaveLength(3);
    expect(load.mock.calls.filter(([u]) => u === UID_B)).toHaveLength(2);
    expect(poller.getState(UID_A).active).toBe(false);
    await vi.advanceTimersByTimeAsync(600_000);
    expect(load).toHaveBeenCalledTimes(5);
  });

  it("does not poll a video already known to be ready", async () => {
    const { poller, load, cache } = setup((uid) => video(uid) as Video);
    cache.set(UID_A, video(UID_A, "ready") as Video);
    poller.watch(UID_A, () => {});
    await vi.advanceTimersByTimeAsync(60_000);
    expect(load).not.toHaveBeenCalled();
  });

  it("backs off after failures and honours retry-after", async () => {
    const times: number[] = [];
    const { poller } = setup((uid, n) => {
      times.push(Date.now());
      if (n === 1) return new StreamNetworkError("fetch", "down");
      if (n === 2) return new StreamNetworkError("fetch", "down");
      if (n === 3) return new StreamApiError(429, [], 20);
      return video(uid, "inprogress") as Video;
    });
    const start = Date.now();
    poller.watch(UID_A, () => {});
    await vi.advanceTimersByTimeAsync(60_000);
    const gaps = times.map((t) => t - start);
    expect(gaps.slice(0, 4)).toEqual([0, 2_000, 6_000, 26_000]);
    expect(poller.getState(UID_A)).toMatchObject({ failures: 0, error: undefined });
  });

  it("keeps the error in its state and gives up on a 404", async () => {
    const { poller, load } = setup(() => new StreamApiError(404, []));
    const listener = vi.fn();
    poller.watch(UID_A, listener);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(load).toHaveBeenCalledTimes(1);
    expect(poller.getState(UID_A)).toMatchObject({ failures: 1, active: false });
    expect(poller.getState(UID_A).error).toBeInstanceOf(StreamApiError);
    expect(listener).toHaveBeenCalled();
  });

  it("aborts and stays silent once the last watcher leaves", async () => {
    let signal: AbortSignal | undefined;
    const write = vi.fn();
    const poller = createStatusPoller({
      load: (_uid, s) => {
        signal = s;
        return new Promise((_resolve, reject) =>
          s.addEventListener("abort", () => reject(s.reason)),
        );
      },
      write,
    });
    const listener = vi.fn();
    const stop = poller.watch(UID_A, listener);
    await vi.advanceTimersByTimeAsync(0);
    listener.mockClear();
    stop();
    expect(signal?.aborted).toBe(true);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(listener).not.toHaveBeenCalled();
    expect(write).not.toHaveBeenCalled();
    expect(vi.getTimerCount()).toBe(0);
  });

  it("pauses while hidden and polls at once when shown", async () => {
    const { poller, load } = setup((uid) => video(uid, "inprogress") as Video);
    poller.watch(UID_A, () => {});
    await vi.advanceTimersByTimeAsync(0);
    poller.pause();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(load).toHaveBeenCalledTimes(1);
    poller.resume();
    await vi.advanceTimersByTimeAsync(0);
    expect(load).toHaveBeenCalledTimes(2);
  });

  it("re-plans when data arrives from elsewhere", async () => {
    const { poller, load, cache } = setup((uid) => video(uid, "inprogress") as Video);
    poller.watch(UID_A, () => {});
    await vi.advanceTimersByTimeAsync(0);
    cache.set(UID_A, video(UID_A, "ready") as Video);
    poller.notify(UID_A);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(load).toHaveBeenCalledTimes(1);
  });

  it("leaves no timers after dispose", async () => {
    const { poller } = setup((uid) => video(uid, "queued") as Video);
    poller.watch(UID_A, () => {});
    poller.watch(UID_B, () => {});
    await vi.advanceTimersByTimeAsync(10);
    poller.dispose();
    expect(vi.getTimerCount()).toBe(0);
  });

  /** A batch-like load: calls in the same moment share one answer, and one error object. */
  function groupLoad(failAt: (moment: number) => boolean) {
    const moments: number[] = [];
    const errors = new Map<number, Error>();
    const failing = new Map<number, boolean>();
    const load = async (uid: string) => {
      const now = Date.now();
      if (moments.at(-1) !== now) {
        moments.push(now);
        failing.set(now, failAt(moments.length - 1));
      }
      await Promise.resolve();
      if (failing.get(now)) {
        const error = errors.get(now) ?? new StreamNetworkError("fetch", "down");
        errors.set(now, error);
        throw error;
      }
      return video(uid, "inprogress") as Video;
    };
    return { load, moments };
  }

  const lcg = () => {
    let seed = 7;
    return () => {
      seed = (seed * 16807) % 2147483647;
      return seed / 2147483647;
    };
  };

  it("retries the loops of one failed request together, at one jittered moment", async () => {
    const { load, moments } = groupLoad((i) => i === 1 || i === 2);
    const cache = new Map<string, Video>();
    const poller = createStatusPoller({
      load,
      read: (uid) => cache.get(uid),
      write: (uid, v) => cache.set(uid, v),
      random: lcg(),
    });
    const uids = Array.from({ length: 60 }, (_, i) => i.toString(16).padStart(32, "0"));
    for (const uid of uids) poller.watch(uid, () => {});
    await vi.advanceTimersByTimeAsync(30_000);
    // First look, a poll that fails, its retry that fails, the retry that succeeds, then 5 s
    // loops: each one moment for all 60 (their own jitter scattered them into 60 moments).
    const gaps = moments.slice(1).map((t, i) => t - (moments[i] as number));
    expect(gaps[1]).toBeGreaterThanOrEqual(1_600); // backoff 2 s ± 20 %, never sooner
    expect(gaps[2]).toBeGreaterThanOrEqual(3_200); // then 4 s ± 20 %
    expect(moments.length).toBeLessThanOrEqual(3 + Math.ceil(30_000 / 4_000));
    poller.dispose();
  });

  it("stays one group through failures and fresh data: the soak test in miniature", async () => {
    // 80 processing videos for 10 minutes; 1 poll moment in 10 fails (one error for everyone in
    // it, as a failed batch request does), and every 30 s one video's data arrives from
    // elsewhere. One group polls every 4-6 s: about 120 moments, a few more for retries.
    const fail = lcg();
    const { load, moments } = groupLoad(() => fail() < 0.1);
    const cache = new Map<string, Video>();
    const poller = createStatusPoller({
      load,
      read: (uid) => cache.get(uid),
      write: (uid, v) => cache.set(uid, v),
      random: lcg(),
    });
    const uids = Array.from({ length: 80 }, (_, i) => i.toString(16).padStart(32, "0"));
    for (const uid of uids) poller.watch(uid, () => {});
    for (let s = 0; s < 600; s += 30) {
      await vi.advanceTimersByTimeAsync(30_000);
      poller.notify(uids[s % 80] as string);
    }
    // With each loop drawing its own jitter this was ~1,600: a failed moment came back as ~80
    // single retries, and the group stayed in pieces.
    expect(moments.length).toBeLessThanOrEqual(170);
    poller.dispose();
  });

  it("keeps jittered loops together so the batcher can share requests", async () => {
    let seed = 1;
    const random = () => {
      seed = (seed * 16807) % 2147483647;
      return seed / 2147483647;
    };
    const moments = new Set<number>();
    const cache = new Map<string, Video>();
    const poller = createStatusPoller({
      load: async (uid) => {
        moments.add(Date.now());
        return video(uid, "inprogress") as Video;
      },
      read: (uid) => cache.get(uid),
      write: (uid, v) => cache.set(uid, v),
      random,
    });
    const uids = Array.from({ length: 50 }, (_, i) => i.toString(16).padStart(32, "0"));
    for (const uid of uids) poller.watch(uid, () => {});
    await vi.advanceTimersByTimeAsync(120_000);
    // 5 s ± 20 % per loop: without coalescing the 50 loops drift into ~50 moments per interval.
    expect(moments.size).toBeLessThanOrEqual(Math.ceil(120_000 / 4_000) + 1);
    poller.dispose();
  });
});
