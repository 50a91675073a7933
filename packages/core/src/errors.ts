import { isRetryableStatus } from "./retryableStatus";
import type { StreamMessage } from "./types";

// `outcomeUnknown` reads plain constants, so the main entry (which leaves the object to
// `@streamkit/core/requests`) does not carry the object.
const TIMEOUT = 9504;
const ANSWER_LOST = 9599;
/**
 * Codes the proxy answers with when it sent a request but cannot tell whether the API carried it
 * out: no answer in time (`timeout`), or the connection broke mid-answer (`answerLost`).
 */
export const UpstreamErrorCode = { timeout: TIMEOUT, answerLost: ANSWER_LOST } as const;

/** Base class of every error streamkit throws; `instanceof StreamError` catches them all. */
export class StreamError extends Error {
  override name = "StreamError";
}

/** The API (or the proxy) answered with a failure envelope or a non-2xx status. */
export class StreamApiError extends StreamError {
  override name = "StreamApiError";
  /** HTTP status of the answer. */
  readonly status: number;
  /** Cloudflare's `errors[]`, as sent. */
  readonly errors: StreamMessage[];
  /** Seconds to wait, from `retry-after`; `undefined` when the answer had none. */
  readonly retryAfter: number | undefined;
  /**
   * The message was written for a person (an expired upload link, …), not built from the status
   * and `errors`, so a UI may show it as it is.
   */
  readonly worded: boolean;

  constructor(
    status: number,
    errors: StreamMessage[],
    retryAfter?: number,
    message?: string,
    worded = false,
  ) {
    super(
      message ??
        (errors.length > 0
          ? `Stream API error ${status}: ${errors.map((e) => `${e.message} (${e.code})`).join("; ")}`
          : `Stream API error ${status}`),
    );
    this.status = status;
    this.errors = errors;
    this.retryAfter = retryAfter;
    this.worded = worded;
  }

  /** Cloudflare error codes, e.g. `[10000]`. */
  get codes(): number[] {
    return this.errors.map((e) => e.code);
  }

  get isNotFound(): boolean {
    return this.status === 404;
  }

  /**
   * The proxy sent the request but cannot tell whether the API carried it out (`UpstreamErrorCode`).
   * Reads may be retried; a creation retried blindly could happen twice.
   */
  get outcomeUnknown(): boolean {
    return this.codes.some((code) => code === TIMEOUT || code === ANSWER_LOST);
  }

  /** 408, 429 and 5xx are worth retrying; other 4xx are the caller's mistake (`isRetryableStatus`). */
  get isRetryable(): boolean {
    return isRetryableStatus(this.status);
  }
}

export type NetworkErrorKind = "fetch" | "timeout" | "body";

/** No usable answer: the request failed, timed out, or the body was not the envelope. */
export class StreamNetworkError extends StreamError {
  override name = "StreamNetworkError";
  readonly kind: NetworkErrorKind;
  /** HTTP status when an answer arrived but could not be read. */
  readonly status: number | undefined;

  constructor(
    kind: NetworkErrorKind,
    message: string,
    options?: { cause?: unknown; status?: number },
  ) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.kind = kind;
    this.status = options?.status;
  }
}

/** Bad input caught before any request was made. */
export class StreamValidationError extends StreamError {
  override name = "StreamValidationError";
  /** The argument or field at fault, e.g. `uid` or `limit`. */
  readonly field: string;

  constructor(field: string, message: string) {
    super(`${field}: ${message}`);
    this.field = field;
  }
}

export function isStreamError(value: unknown): value is StreamError {
  return value instanceof StreamError;
}

/** True for an AbortError from an `AbortSignal`, so callers can tell cancellation from failure. */
export function isAbortError(value: unknown): boolean {
  return (
    typeof value === "object" && value !== null && "name" in value && value.name === "AbortError"
  );
}
