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
  /** The poll round this loop was last polled in (one round: the loops one tick polls together). */
  round: number;
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
  /**
   * Loops polled in the same round and planned for the same reason (the same phase, or the same
   * failed request) share one jittered due time, so a group stays a group and the batcher keeps
   * sending it as one request. Each drawing its own jitter scattered them: after a failed batch
   * the retries went out one by one (backing-off loops are never polled early), and a group
   * split in two stayed split, about 2 s apart, doubling the requests.
   */
  let round = 0;
  /** Bumped by setPolicy: a due time planned under another policy is not shared. */
  let policyVersion = 0;
  const sharedDue = new Map<number, Map<string, number>>();
  const errorIds = new WeakMap<object, number>();
  let nextErrorId = 0;
  /** `fail:<failures>:<id of the error object>`: loops rejected by one request share the object. */
  function failureReason(failures: number, error: unknown): string {
    if (typeof error !== "object" || error === null) return `fail:${failures}:${String(error)}`;
    let id = errorIds.get(error);
    if (id === undefined) {
      nextErrorId += 1;
      id = nextErrorId;
      errorIds.set(error, id);
    }
    return `fail:${failures}:${id}`;
  }

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
      round += 1;
      for (const entry of due) {
        entry.round = round;
        void poll(entry);
      }
    }
    arm();
  }

  /**
   * The due time of this loop's group, or a new one from `delay` that the group will share.
   * Healthy loops may join a group due sooner (they ride along, as coalescing lets them); a
   * backing-off loop only shares with loops of the same failed request and failure count, so it
   * is never polled before its own backoff.
   */
  function dueTime(entry: Entry, reason: string, delay: number): number {
    const now = Date.now();
    if (entry.round === 0) return now + delay; // first plans come from no poll: nothing to share
    let group = sharedDue.get(entry.round);
    if (!group) {
      group = new Map();
      sharedDue.set(entry.round, group);
      // Answers of older rounds have long arrived; a handful is enough for slow ones.
      for (const old of sharedDue.keys()) if (old < round - 8) sharedDue.delete(old);
    }
    const shared = group.get(reason);
    if (shared !== undefined && shared >= now) return shared;
    group.set(reason, now + delay);
    return now + delay;
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
    const { failures, error } = entry.state;
    const why =
      failures > 0 ? failureReason(failures, error) : `ok:${video ? videoPhase(video) : ""}`;
    entry.dueAt = immediate ? Date.now() : dueTime(entry, `${policyVersion}:${why}`, delay);
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
        entry = {
          uid,
          listeners: new Set(),
          state: IDLE,
          dueAt: undefined,
          inflight: undefined,
          round: 0,
        };
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
        round += 1;
        entry.round = round;
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
      policyVersion += 1;
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
