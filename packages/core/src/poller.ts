import { isAbortError } from "./errors";
import { nextPollDelay, type PollingPolicy } from "./polling";
import { isTerminal, videoPhase } from "./status";
import type { Video } from "./types";

export interface StatusPollerOptions {
  /** Fetches one video; give it the status batcher so concurrent polls share a request. */
  load(uid: string, signal: AbortSignal): Promise<Video>;
  /** The freshest copy known elsewhere (a cache); polling starts from it. */
  read?(uid: string): Video | undefined;
  /** Receives every polled video (to update a cache). */
  write?(uid: string, video: Video): void;
  policy?: Partial<PollingPolicy>;
  random?: () => number;
}

/** Polling state of one uid; the same object until something in it changes. */
export interface PollerState {
  /** The last poll's error, cleared by the next success. */
  error: unknown;
  /** Consecutive failed polls. */
  failures: number;
  /** A request for this uid is in flight. */
  fetching: boolean;
  /** More polls are planned (false at ready, error, or after a failure not worth retrying). */
  active: boolean;
}

export interface StatusPoller {
  /** Starts (or joins) polling of `uid`; the listener hears every state change. Returns the unsubscribe. */
  watch(uid: string, listener: () => void): () => void;
  getState(uid: string): PollerState;
  /** Fresh data arrived from elsewhere (a webhook, a mutation): re-plan from `read(uid)`. */
  notify(uid: string): void;
  /** Poll now, whatever the plan. */
  refresh(uid: string): void;
  /** Stops timers (page hidden); requests in flight finish. */
  pause(): void;
  /** Polls every unfinished uid now and resumes the plan (page shown again). */
  resume(): void;
  /** Stops everything; nothing is written or heard afterwards. */
  dispose(): void;
}

interface Entry {
  listeners: Set<() => void>;
  state: PollerState;
  timer: ReturnType<typeof setTimeout> | undefined;
  inflight: AbortController | undefined;
}

const IDLE: PollerState = Object.freeze({
  error: undefined,
  failures: 0,
  fetching: false,
  active: false,
});

/**
 * One poll loop per uid, however many watchers: N components watching one video cost one request
 * per interval, and with a batching `load` M videos cost one request per interval too.
 */
export function createStatusPoller(options: StatusPollerOptions): StatusPoller {
  const entries = new Map<string, Entry>();
  let paused = false;
  let disposed = false;

  function setState(entry: Entry, patch: Partial<PollerState>): void {
    const next = { ...entry.state, ...patch };
    const same = (Object.keys(next) as (keyof PollerState)[]).every((k) =>
      Object.is(next[k], entry.state[k]),
    );
    if (same) return;
    entry.state = next;
    for (const listener of [...entry.listeners]) listener();
  }

  function plan(uid: string, entry: Entry, immediate: boolean): void {
    clearTimeout(entry.timer);
    entry.timer = undefined;
    const video = options.read?.(uid);
    if (video && isTerminal(video) && entry.state.failures === 0) {
      setState(entry, { active: false });
      return;
    }
    const delay = immediate
      ? 0
      : nextPollDelay(
          {
            phase: video ? videoPhase(video) : undefined,
            failures: entry.state.failures,
            error: entry.state.error,
          },
          options.policy,
          options.random,
        );
    if (delay === false) {
      setState(entry, { active: false });
      return;
    }
    setState(entry, { active: true });
    if (paused) return;
    entry.timer = setTimeout(() => poll(uid, entry), delay);
  }

  async function poll(uid: string, entry: Entry): Promise<void> {
    clearTimeout(entry.timer);
    entry.timer = undefined;
    if (entry.inflight || disposed) return;
    const controller = new AbortController();
    entry.inflight = controller;
    setState(entry, { fetching: true });
    try {
      const video = await options.load(uid, controller.signal);
      if (controller.signal.aborted) return;
      entry.inflight = undefined;
      options.write?.(uid, video);
      setState(entry, { fetching: false, error: undefined, failures: 0 });
    } catch (error) {
      if (controller.signal.aborted || isAbortError(error)) return;
      entry.inflight = undefined;
      setState(entry, { fetching: false, error, failures: entry.state.failures + 1 });
    }
    if (entries.get(uid) === entry) plan(uid, entry, false);
  }

  return {
    watch(uid, listener) {
      if (disposed) return () => {};
      let entry = entries.get(uid);
      if (!entry) {
        entry = { listeners: new Set(), state: IDLE, timer: undefined, inflight: undefined };
        entries.set(uid, entry);
        // Without any copy, ask now; with one, its age is unknown but recent enough to wait a beat.
        plan(uid, entry, options.read?.(uid) === undefined);
      }
      const current = entry;
      current.listeners.add(listener);
      return () => {
        current.listeners.delete(listener);
        if (current.listeners.size > 0 || entries.get(uid) !== current) return;
        clearTimeout(current.timer);
        current.inflight?.abort();
        entries.delete(uid);
      };
    },
    getState(uid) {
      return entries.get(uid)?.state ?? IDLE;
    },
    notify(uid) {
      const entry = entries.get(uid);
      if (entry && !entry.inflight) plan(uid, entry, false);
    },
    refresh(uid) {
      const entry = entries.get(uid);
      if (entry) void poll(uid, entry);
    },
    pause() {
      paused = true;
      for (const entry of entries.values()) {
        clearTimeout(entry.timer);
        entry.timer = undefined;
      }
    },
    resume() {
      if (!paused) return;
      paused = false;
      for (const [uid, entry] of entries) {
        if (entry.state.active && !entry.inflight) void poll(uid, entry);
      }
    },
    dispose() {
      disposed = true;
      for (const entry of entries.values()) {
        clearTimeout(entry.timer);
        entry.inflight?.abort();
        entry.listeners.clear();
      }
      entries.clear();
    },
  };
}
