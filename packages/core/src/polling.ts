import { backoffDelay, isRetryable, jittered } from "./retryPolicy";
import type { VideoPhase } from "./status";

/**
 * When to ask again about a video's status. Defaults keep a dashboard far below the API's
 * 1,200 requests per 5 minutes: with the status batcher, one request per interval carries every
 * watched uid, so even 100 processing videos cost one request every `processingMs`.
 */
export interface PollingPolicy {
  /** While `downloading`, `queued` or `awaiting-upload`: things change quickly. Defaults to 2000. */
  waitingMs: number;
  /** While encoding (`processing`) or `live`. Defaults to 5000. */
  processingMs: number;
  /** First delay after a failed poll; doubles each failure. Defaults to 2000. */
  backoffBaseMs: number;
  /** No delay grows past this, retry-after included. Defaults to 60000. */
  maxDelayMs: number;
  /** Fraction of random spread (0..1) so many clients do not poll in lock-step. Defaults to 0.2. */
  jitter: number;
}

export const DEFAULT_POLLING_POLICY: PollingPolicy = {
  waitingMs: 2_000,
  processingMs: 5_000,
  backoffBaseMs: 2_000,
  maxDelayMs: 60_000,
  jitter: 0.2,
};

export interface PollState {
  /** Phase of the last video seen; `undefined` before the first answer. */
  phase: VideoPhase | undefined;
  /** Consecutive failed polls (0 after a success). */
  failures: number;
  /** The last error, if the last poll failed. */
  error?: unknown;
}

/**
 * Milliseconds until the next poll, or `false` to stop (ready, error, or a failure that retrying
 * cannot fix, such as a 404 or a 403). `random` is injectable so tests are exact.
 */
export function nextPollDelay(
  state: PollState,
  policy: Partial<PollingPolicy> = {},
  random: () => number = Math.random,
): number | false {
  const p = { ...DEFAULT_POLLING_POLICY, ...policy };
  if (state.failures > 0) {
    if (!isRetryable(state.error)) return false;
    // retry-after is a floor the server asked for: the shared policy never jitters below it.
    return backoffDelay(
      state.failures - 1,
      state.error,
      { baseDelayMs: p.backoffBaseMs, maxDelayMs: p.maxDelayMs, jitter: p.jitter },
      random,
    );
  }
  switch (state.phase) {
    case "ready":
    case "error":
      return false;
    case "processing":
    case "live":
      return Math.min(p.maxDelayMs, jittered(p.processingMs, p.jitter, random));
    default:
      return Math.min(p.maxDelayMs, jittered(p.waitingMs, p.jitter, random));
  }
}
