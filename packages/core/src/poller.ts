import { isAbortError } from "./errors";
import { nextPollDelay, type PollingPolicy } from "./polling";
import { isTerminal, videoPhase } from "./status";
import type { Video } from "./types";

export interface StatusPollerOptions {
  /** Fetches one video; give it the status batcher so polls due together share a request. */
  load(uid: string, signal: AbortSignal): Promise<Video>;
  /** The freshest copy known elsewhere (a cache); polling starts from it. */
  read?(uid: string): Video | undefined;
  /** Receives every polled video (to update a cache). */
  write?(uid: string, video: Video): void;
  policy?: Partial<PollingPolicy>;
  random?: () => number;
  /**
   * A healthy video due within this many ms of another poll is polled with it, so that jittered
   * loops do not drift apart and defeat batching. Videos backing off after a failure are never
   * polled early. Defaults to 2000.
   */
  coalesceMs?: number;
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
  /** Stops the clock (page hidden); requests in flight finish. */
  pause(): void;
  /** Polls every unfinished uid now and resumes the plan (page shown again). */
  resume(): void;
  /** Changes the policy; every healthy loop is re-planned from now with it. */
  setPolicy(policy: Partial<PollingPolicy>): void;
  /** Stops everything; nothing is written or heard afterwards. */
  dispose(): void;
}

interface Entry {
  uid: string;
  listeners: Set<() => void>;
  state: PollerState;
  /** When the next poll is due (ms since epoch), or undefined when none is planned. */
  dueAt: number | undefined;
  inflight: AbortController | undefined;
}

const IDLE: PollerState = Object.freeze({
  error: undefined,
  failures: 0,
  fetching: false,
  active: false,
});

/**
 * One poll loop per uid, however many watchers, all driven by one timer: N components watching
 * one video cost one request per interval, and with a batching `load`, videos due around the same
 * time cost one request together.
 */
export function createStatusPoller(options: StatusPollerOptions): StatusPoller {
  const entries = new Map<string, Entry>();
  const coalesceMs = options.coalesceMs ?? 2_000;
  let policy = options.policy;
  let timer: ReturnType<typeof setTimeout> | undefined;
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

  /** Arms the one timer for the earliest due poll. */
  function arm(): void {
    clearTimeout(timer);
    timer = undefined;
    if (paused || disposed) return;
    let earliest = Number.POSITIVE_INFINITY;
    for (const entry of entries.values()) {
      if (entry.dueAt !== undefined && !entry.inflight) earliest = Math.min(earliest, entry.dueAt);
    }
    if (earliest === Number.POSITIVE_INFINITY) return;
    timer = setTimeout(tick, Math.max(0, earliest - Date.now()));
  }

  function tick(): void {
    timer = undefined;
    const now = Date.now();
    const due = [...entries.values()].filter(
      (e) => e.dueAt !== undefined && !e.inflight && e.dueAt <= now,
    );
    if (due.length > 0) {
      // Healthy loops due soon ride along, so the batcher sends them in the same request.
      for (const entry of entries.values()) {
        if (
          entry.dueAt !== undefined &&
          !entry.inflight &&
          entry.dueAt > now &&
          entry.state.failures === 0 &&
          entry.dueAt - now <= coalesceMs
        ) {
          due.push(entry);
        }
      }
      for (const entry of due) void poll(entry);
    }
    arm();
  }

  function plan(entry: Entry, immediate: boolean): void {
    entry.dueAt = undefined;
    const video = options.read?.(entry.uid);
    if (video && isTerminal(video) && entry.state.failures === 0) {
      setState(entry, { active: false });
      arm();
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
          policy,
          options.random,
        );
    if (delay === false) {
      setState(entry, { active: false });
      arm();
      return;
    }
    entry.dueAt = Date.now() + delay;
    setState(entry, { active: true });
    arm();
  }

  async function poll(entry: Entry): Promise<void> {
    if (entry.inflight || disposed) return;
    entry.dueAt = undefined;
    const controller = new AbortController();
    entry.inflight = controller;
    setState(entry, { fetching: true });
    try {
      const video = await options.load(entry.uid, controller.signal);
      if (controller.signal.aborted) return;
      entry.inflight = undefined;
      options.write?.(entry.uid, video);
      setState(entry, { fetching: false, error: undefined, failures: 0 });
    } catch (error) {
      if (controller.signal.aborted || isAbortError(error)) return;
      entry.inflight = undefined;
      setState(entry, { fetching: false, error, failures: entry.state.failures + 1 });
    }
    if (entries.get(entry.uid) === entry) plan(entry, false);
  }

  return {
    watch(uid, listener) {
      if (disposed) return () => {};
      let entry = entries.get(uid);
      if (!entry) {
        entry = { uid, listeners: new Set(), state: IDLE, dueAt: undefined, inflight: undefined };
        entries.set(uid, entry);
        // Without any copy, ask now; with one, its age is unknown but recent enough to wait a beat.
        plan(entry, options.read?.(uid) === undefined);
      }
      const current = entry;
      current.listeners.add(listener);
      return () => {
        current.listeners.delete(listener);
        if (current.listeners.size > 0 || entries.get(uid) !== current) return;
        current.inflight?.abort();
        entries.delete(uid);
        arm();
      };
    },
    getState(uid) {
      return entries.get(uid)?.state ?? IDLE;
    },
    notify(uid) {
      const entry = entries.get(uid);
      if (entry && !entry.inflight) plan(entry, false);
    },
    refresh(uid) {
      const entry = entries.get(uid);
      if (entry) {
        void poll(entry);
        arm();
      }
    },
    pause() {
      paused = true;
      arm();
    },
    resume() {
      if (!paused) return;
      paused = false;
      const now = Date.now();
      for (const entry of entries.values())
        if (entry.dueAt !== undefined) entry.dueAt = Math.min(entry.dueAt, now);
      arm();
    },
    setPolicy(next) {
      policy = next;
      const now = Date.now();
      for (const entry of entries.values()) {
        // A poll already due (a first look, say) stays due; the others follow the new pace.
        const planned = entry.dueAt !== undefined && entry.dueAt > now;
        if (planned && !entry.inflight && entry.state.failures === 0) plan(entry, false);
      }
    },
    dispose() {
      disposed = true;
      clearTimeout(timer);
      for (const entry of entries.values()) {
        entry.inflight?.abort();
        entry.listeners.clear();
      }
      entries.clear();
    },
  };
}
