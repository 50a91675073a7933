import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { createStreamClient, type StatusPoller } from "@streamkit/core";
import { StreamProvider, useStreamContext, useVideo, useVideoStatus } from "@streamkit/hooks";
import { VideoStatusBadge, VideoTable } from "@streamkit/ui";
import { QueryClient } from "@tanstack/react-query";
import { act, render } from "@testing-library/react";
import { type ReactNode, useState } from "react";
import { vi } from "vitest";
import { BenchModel, benchUid, mulberry32 } from "./model";

/**
 * A dashboard page left open for hours: a VideoTable of every video (rows of processing videos
 * poll through their live badges), a status watcher per video elsewhere on the page, and a detail
 * pane that opens another video every few minutes. The Stream model fails 10% of requests (500s
 * and network errors, from a seeded generator) while processing videos become ready one by one
 * over the whole run. Fake timers, a seeded Math.random (poll jitter) and the seeded failures make
 * every run identical.
 */

export interface SoakOptions {
  /** Simulated minutes in all. */
  minutes: number;
  /** The "first hour" the end is compared with, in simulated minutes. */
  warmupMinutes: number;
  videos?: number;
  /** How many of them are processing at the start (they become ready spread over the run). */
  processing?: number;
  failureRate?: number;
  /** Simulated ms per step of the clock. */
  stepMs?: number;
}

export interface ResourceCounts {
  timers: number;
  /** Observers over every query in the QueryCache. */
  queryObservers: number;
  queries: number;
  /** `poller.watch` subscriptions not yet unsubscribed. */
  pollerWatches: number;
  /** Net listeners on window and document. */
  listeners: number;
  /** Heap after a full garbage collection, in bytes (0 when gc is unavailable). */
  heapBytes: number;
}

export interface SoakFigures {
  requests: number;
  failures: { status500: number; network: number };
  /** Most requests in any 5 minutes (a sliding window over the request log). */
  maxRequestsPer5Min: number;
  /** Requests per 5 minutes on average over the run. */
  meanRequestsPer5Min: number;
  warm: ResourceCounts;
  end: ResourceCounts;
  /** Every video ready, and every row saying so. */
  allReadyInModel: boolean;
  readyBadges: number;
  unhandled: unknown[];
  consoleErrors: unknown[][];
  /** Wall-clock ms the run took. */
  wallMs: number;
}

const FIVE_MINUTES = 5 * 60_000;

/** `global.gc` without --expose-gc: V8 hands it out once the flag is set at runtime. */
function getGc(): (() => void) | undefined {
  try {
    setFlagsFromString("--expose-gc");
    return runInNewContext("gc") as () => void;
  } catch {
    return undefined;
  }
}

/** Counts listeners on window and document: added minus removed, per (type, listener, capture). */
function instrumentListeners() {
  const live = new Map<EventTarget, Set<string>>();
  const ids = new WeakMap<object, number>();
  let next = 0;
  const keyOf = (type: string, listener: unknown, options: unknown) => {
    if (listener === null || (typeof listener !== "function" && typeof listener !== "object"))
      return undefined;
    let id = ids.get(listener as object);
    if (id === undefined) {
      next += 1;
      id = next;
      ids.set(listener as object, id);
    }
    const capture =
      typeof options === "boolean" ? options : Boolean((options as { capture?: boolean })?.capture);
    return `${type}|${id}|${capture}`;
  };
  const proto = EventTarget.prototype;
  const add = proto.addEventListener;
  const remove = proto.removeEventListener;
  const watched = (target: unknown) => target === window || target === document;
  proto.addEventListener = function (type, listener, options) {
    if (watched(this)) {
      const key = keyOf(type, listener, options);
      if (key) {
        const set = live.get(this) ?? new Set();
        set.add(key);
        live.set(this, set);
        // `once` listeners remove themselves; `signal` ones go when it aborts.
        if (typeof options === "object" && options?.once) {
          add.call(this, type, () => live.get(this)?.delete(key), {
            once: true,
            capture: options.capture,
          });
        }
        if (typeof options === "object" && options?.signal) {
          options.signal.addEventListener("abort", () => live.get(this)?.delete(key), {
            once: true,
          });
        }
      }
    }
    return add.call(this, type, listener, options);
  };
  proto.removeEventListener = function (type, listener, options) {
    if (watched(this)) {
      const key = keyOf(type, listener, options);
      if (key) live.get(this)?.delete(key);
    }
    return remove.call(this, type, listener, options);
  };
  return {
    count: () => [...live.values()].reduce((n, set) => n + set.size, 0),
    restore: () => {
      proto.addEventListener = add;
      proto.removeEventListener = remove;
    },
  };
}

/** Wraps the provider's poller once, counting live `watch` subscriptions. */
const pollerWatches = new WeakMap<StatusPoller, { count: number }>();
function PollerProbe({ onCounter }: { onCounter: (count: () => number) => void }) {
  const { poller } = useStreamContext();
  if (!pollerWatches.has(poller)) {
    const counter = { count: 0 };
    pollerWatches.set(poller, counter);
    const watch = poller.watch.bind(poller);
    poller.watch = (uid, listener) => {
      counter.count += 1;
      const unsubscribe = watch(uid, listener);
      let done = false;
      return () => {
        if (!done) counter.count -= 1;
        done = true;
        unsubscribe();
      };
    };
    onCounter(() => counter.count);
  }
  return null;
}

function Watcher({ uid }: { uid: string }) {
  useVideoStatus(uid);
  return null;
}

/** The detail pane: the open video, with its live badge. */
function Detail({ uid }: { uid: string }) {
  const { data } = useVideo(uid);
  return (
    <aside aria-label="Detail">
      <h2>{typeof data?.meta?.name === "string" ? data.meta.name : "…"}</h2>
      <VideoStatusBadge uid={uid} />
    </aside>
  );
}

export async function runSoak(options: SoakOptions): Promise<SoakFigures> {
  const {
    minutes,
    warmupMinutes,
    videos = 200,
    processing = 100,
    failureRate = 0.1,
    stepMs = 30_000,
  } = options;
  const started = performance.now();
  const gc = getGc();
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown) => unhandled.push(reason);
  process.on("unhandledRejection", onUnhandled);
  const consoleErrors: unknown[][] = [];
  const realError = console.error;
  console.error = (...args: unknown[]) => {
    consoleErrors.push(args);
  };
  // Replaced, not spied on: a spy keeps a record of every call, itself a growing heap.
  const realRandom = Math.random;
  Math.random = mulberry32(42);
  const listeners = instrumentListeners();
  // setImmediate and queueMicrotask stay real: responses resolve between fake ticks.
  vi.useFakeTimers({
    toFake: ["setTimeout", "clearTimeout", "setInterval", "clearInterval", "Date"],
    now: Date.UTC(2026, 0, 1),
  });
  try {
    const t0 = Date.now();
    const runMs = minutes * 60_000;
    const model = new BenchModel({ failureRate, seed: 7 });
    const uids = Array.from({ length: videos }, (_, i) => benchUid(i));
    uids.forEach((uid, i) => {
      if (i < processing) {
        // Spread over the run, the last one ready 5 minutes before the end.
        model.addProcessing(uid, t0 + Math.round(((i + 1) / processing) * (runMs - FIVE_MINUTES)));
      } else model.add(uid, "ready", "100.000000");
    });

    const queryClient = new QueryClient();
    const client = createStreamClient({ baseUrl: "/api/stream", fetch: model.fetch });
    let watchCount = () => 0;
    let openDetail: (uid: string) => void = () => {};
    function Page(): ReactNode {
      const [detail, setDetail] = useState(uids[0] as string);
      openDetail = setDetail;
      return (
        <StreamProvider client={client} queryClient={queryClient}>
          <PollerProbe
            onCounter={(count) => {
              watchCount = count;
            }}
          />
          {/* Every row mounted, as without windowing: the most polling a page can ask for. */}
          <VideoTable
            filters={{ limit: videos }}
            virtualize={false}
            onSelect={(video) => setDetail(video.uid ?? "")}
          />
          {uids.map((uid) => (
            <Watcher key={uid} uid={uid} />
          ))}
          <Detail key={detail} uid={detail} />
        </StreamProvider>
      );
    }

    const page = render(<Page />);
    const counts = async (): Promise<ResourceCounts> => {
      // Let in-flight answers land first, so requests do not count as leaked timers.
      await settle();
      gc?.();
      gc?.();
      const all = queryClient.getQueryCache().getAll();
      return {
        timers: vi.getTimerCount(),
        queryObservers: all.reduce((n, q) => n + q.getObserversCount(), 0),
        queries: all.length,
        pollerWatches: watchCount(),
        listeners: listeners.count(),
        heapBytes: gc ? process.memoryUsage().heapUsed : 0,
      };
    };

    let warm: ResourceCounts | undefined;
    let opened = 0;
    for (let at = 0; at < runMs; at += stepMs) {
      await act(async () => {
        await vi.advanceTimersByTimeAsync(stepMs);
        await settle();
      });
      const elapsed = at + stepMs;
      // Every 3 minutes the user opens another video: its pane mounts, the old one unmounts.
      if (elapsed % (3 * 60_000) === 0) {
        opened += 1;
        const next = uids[(opened * 37) % uids.length] as string;
        act(() => openDetail(next));
      }
      if (elapsed === warmupMinutes * 60_000) warm = await counts();
    }
    const end = await counts();
    const readyBadges = page.container.querySelectorAll("table .sk-badge[data-state=ready]").length;
    const allReadyInModel = [...model.videos.values()].every((v) => v.status?.state === "ready");
    page.unmount();
    queryClient.clear();

    return {
      requests: model.requests,
      failures: { ...model.failures },
      maxRequestsPer5Min: slidingMax(model.log, FIVE_MINUTES),
      meanRequestsPer5Min: model.requests / Math.max(1, runMs / FIVE_MINUTES),
      warm: warm ?? end,
      end,
      allReadyInModel,
      readyBadges,
      unhandled,
      consoleErrors,
      wallMs: Math.round(performance.now() - started),
    };
  } finally {
    vi.useRealTimers();
    listeners.restore();
    Math.random = realRandom;
    console.error = realError;
    process.off("unhandledRejection", onUnhandled);
  }
}

/** Real I/O turns (the model answers in microtasks), then zero-delay fake timers. */
async function settle(): Promise<void> {
  for (let i = 0; i < 4; i++) {
    await new Promise((resolve) => setImmediate(resolve));
    await vi.advanceTimersByTimeAsync(0);
  }
}

/** The most timestamps within any `windowMs` (two pointers over the sorted log). */
export function slidingMax(log: readonly number[], windowMs: number): number {
  const sorted = [...log].sort((a, b) => a - b);
  let max = 0;
  let start = 0;
  for (let end = 0; end < sorted.length; end++) {
    while ((sorted[end] as number) - (sorted[start] as number) >= windowMs) start += 1;
    max = Math.max(max, end - start + 1);
  }
  return max;
}
