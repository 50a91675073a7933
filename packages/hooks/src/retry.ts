import { StreamApiError, StreamValidationError } from "@streamkit/core";

/** How the hooks' queries retry a failed request (status polling has its own `polling` policy). */
export interface RetryPolicy {
  /** Retries after the first failure. Defaults to 2. */
  retries: number;
  /** The first wait; each next one doubles. Defaults to 1000 ms. */
  baseDelayMs: number;
  /** No wait is longer, `retry-after` included. Defaults to 30000 ms. */
  maxDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  retries: 2,
  baseDelayMs: 1000,
  maxDelayMs: 30_000,
};

/** TanStack Query's `retry` and `retryDelay` for a policy. */
export interface QueryRetry {
  retry: (failureCount: number, error: unknown) => boolean;
  retryDelay: (failureCount: number, error: unknown) => number;
}

/**
 * Retry only what retrying can fix: network failures, 408, 429 and 5xx, `retries` times at most.
 * A bad uid or a 404 fails at once instead of spinning for seconds. Waits double from
 * `baseDelayMs`, or follow the server's `retry-after` when it sent one, up to `maxDelayMs`.
 */
export function createQueryRetry(overrides: Partial<RetryPolicy> = {}): QueryRetry {
  const { retries, baseDelayMs, maxDelayMs } = { ...DEFAULT_RETRY_POLICY, ...overrides };
  return {
    retry: (failureCount, error) => {
      if (error instanceof StreamValidationError) return false;
      if (error instanceof StreamApiError && !error.isRetryable) return false;
      return failureCount < retries;
    },
    retryDelay: (failureCount, error) => {
      if (error instanceof StreamApiError && error.retryAfter !== undefined) {
        return Math.min(maxDelayMs, error.retryAfter * 1000);
      }
      return Math.min(maxDelayMs, baseDelayMs * 2 ** failureCount);
    },
  };
}

const defaults = createQueryRetry();

/** The default policy's `retry`, for query options built outside a provider. */
export const shouldRetry = defaults.retry;
/** The default policy's `retryDelay`. */
export const retryDelay = defaults.retryDelay;
