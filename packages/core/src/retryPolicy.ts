import { isAbortError, StreamApiError, StreamNetworkError, StreamValidationError } from "./errors";
import { isRetryableStatus } from "./retryableStatus";

export { isRetryableStatus };

/**
 * The one retry policy of streamkit: which failures are worth another attempt, and how long to
 * wait before it. Target creation, tus and basic uploads, the hooks' queries and the status
 * poller's backoff all decide with these functions, so a status code means the same everywhere.
 */
export interface RetryPolicy {
  /** Retries after the first failure. */
  retries: number;
  /** The first wait; each next one doubles. */
  baseDelayMs: number;
  /** No wait is longer, `retry-after` included. */
  maxDelayMs: number;
  /** Fraction of random spread (0..1), so many clients that failed together do not retry together. */
  jitter: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  retries: 2,
  baseDelayMs: 1_000,
  maxDelayMs: 30_000,
  jitter: 0.2,
};

/**
 * Whether `error` is worth retrying. Bad input and aborts never are; a failed connection always
 * is (nothing reached the server); an unread or late answer only for idempotent requests, and
 * so is an answer the proxy lost after sending (`outcomeUnknown`): the request may have happened.
 */
export function isRetryable(error: unknown, idempotent = true): boolean {
  if (error instanceof StreamApiError) {
    return isRetryableStatus(error.status, idempotent) && (idempotent || !error.outcomeUnknown);
  }
  if (error instanceof StreamNetworkError) return idempotent || error.kind === "fetch";
  return idempotent && !(error instanceof StreamValidationError || isAbortError(error));
}

/** The server's `retry-after`, in milliseconds (0 when it sent none). */
export function retryAfterMs(error: unknown): number {
  return error instanceof StreamApiError && error.retryAfter !== undefined
    ? error.retryAfter * 1000
    : 0;
}

/**
 * The wait before retry number `attempt` (0 for the first): `baseDelayMs` doubling, spread by
 * `jitter`, never below the server's `retry-after`, never above `maxDelayMs`.
 */
export function backoffDelay(
  attempt: number,
  error: unknown,
  policy: Partial<RetryPolicy> = {},
  random: () => number = Math.random,
): number {
  const p = { ...DEFAULT_RETRY_POLICY, ...policy };
  const backoff = p.baseDelayMs * 2 ** Math.min(Math.max(0, attempt), 16);
  return retryWait(jittered(backoff, p.jitter, random), error, p.maxDelayMs);
}

/** `ms` spread evenly by ±`jitter` (0..1). */
export function jittered(ms: number, jitter: number, random: () => number = Math.random): number {
  const j = Math.min(1, Math.max(0, jitter));
  return Math.round(ms * (1 - j + 2 * j * random()));
}

/** A planned wait raised to the server's `retry-after` (a floor it asked for) and capped. */
export function retryWait(plannedMs: number, error: unknown, maxMs = Number.POSITIVE_INFINITY) {
  return Math.min(maxMs, Math.max(plannedMs, retryAfterMs(error)));
}

/** Waits `ms`, or rejects with the signal's reason the moment it aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const stop = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", stop);
      resolve();
    }, ms);
    signal?.addEventListener("abort", stop, { once: true });
  });
}
