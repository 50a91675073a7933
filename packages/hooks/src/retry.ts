import {
  backoffDelay,
  DEFAULT_RETRY_POLICY as CORE_RETRY_POLICY,
  type RetryPolicy as CoreRetryPolicy,
  isRetryable,
} from "@streamkit/core";

/**
 * How the hooks' queries retry a failed request: core's one retry policy (`isRetryable`,
 * `backoffDelay`), with a count. Status polling backs off by its own `polling` timings, through
 * the same functions.
 */
export type RetryPolicy = CoreRetryPolicy;

export const DEFAULT_RETRY_POLICY: RetryPolicy = CORE_RETRY_POLICY;

/** TanStack Query's `retry` and `retryDelay` for a policy. */
export interface QueryRetry {
  retry: (failureCount: number, error: unknown) => boolean;
  retryDelay: (failureCount: number, error: unknown) => number;
}

/**
 * Retry only what retrying can fix: network failures, 408, 429 and 5xx, `retries` times at most.
 * A bad uid or a 404 fails at once instead of spinning for seconds. Waits double from
 * `baseDelayMs` with jitter, never below the server's `retry-after`, never above `maxDelayMs`.
 */
export function createQueryRetry(overrides: Partial<RetryPolicy> = {}): QueryRetry {
  const policy = { ...DEFAULT_RETRY_POLICY, ...overrides };
  return {
    retry: (failureCount, error) => isRetryable(error) && failureCount < policy.retries,
    // TanStack passes 0 before the first retry, as `backoffDelay` counts.
    retryDelay: (failureCount, error) => backoffDelay(failureCount, error, policy),
  };
}

const defaults = createQueryRetry();

/** The default policy's `retry`, for query options built outside a provider. */
export const shouldRetry = defaults.retry;
/** The default policy's `retryDelay`. */
export const retryDelay = defaults.retryDelay;
