import { StreamApiError, StreamValidationError } from "@streamkit/core";

const MAX_RETRIES = 2;

/**
 * Retry only what retrying can fix: network failures, 408, 429 and 5xx, twice at most.
 * A bad uid or a 404 fails at once instead of spinning for seconds.
 */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  if (error instanceof StreamValidationError) return false;
  if (error instanceof StreamApiError && !error.isRetryable) return false;
  return failureCount < MAX_RETRIES;
}

/** Exponential backoff from 1 s, or the server's `retry-after` when it sent one (30 s at most). */
export function retryDelay(failureCount: number, error: unknown): number {
  if (error instanceof StreamApiError && error.retryAfter !== undefined) {
    return Math.min(30_000, error.retryAfter * 1000);
  }
  return Math.min(30_000, 1000 * 2 ** failureCount);
}
