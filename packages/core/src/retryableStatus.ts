// Its own module so that `StreamApiError.isRetryable` and the retry policy share it without a cycle.

/**
 * An answer's status that a later attempt may not get: 408, 429 and 5xx. A request that must not
 * happen twice (`idempotent: false`, such as creating a video) retries only the answers that say
 * the request was not carried out: 429, 502, 503 and 504.
 */
export function isRetryableStatus(status: number, idempotent = true): boolean {
  if (!idempotent) return status === 429 || (status >= 502 && status <= 504);
  return status === 408 || status === 429 || status >= 500;
}
