import { parseRetryAfter } from "../envelope";
import { StreamApiError, StreamError, StreamNetworkError } from "../errors";
import type { ErrorReason } from "../status";
import type { StreamMessage, Video } from "../types";

/** The file reached Stream, but processing failed (`status.state` `error`). */
export class VideoProcessingError extends StreamError {
  override name = "VideoProcessingError";
  readonly reason: ErrorReason;
  readonly video: Video;

  constructor(video: Video, reason: ErrorReason) {
    super(`Stream could not process the video: ${reason.text} (${reason.code})`);
    this.video = video;
    this.reason = reason;
  }
}

/** `errors[]` of a JSON envelope body, or none. */
function messagesOf(body: string): StreamMessage[] {
  try {
    const parsed = JSON.parse(body) as { errors?: unknown };
    if (!Array.isArray(parsed.errors)) return [];
    return parsed.errors.flatMap((e): StreamMessage[] =>
      typeof e === "object" && e !== null && "message" in e
        ? [{ code: Number((e as { code?: unknown }).code) || 0, message: String(e.message) }]
        : [],
    );
  } catch {
    return [];
  }
}

const ASK_AGAIN = "Retry the upload to ask for a new link.";

/**
 * A failed answer of the one-time URL (basic) or tus Location. Expired, used or vanished links get
 * a message saying so: retrying asks the proxy for a new one.
 */
export function uploadApiError(
  status: number,
  body: string,
  retryAfter: number | undefined,
  kind: "basic" | "tus",
): StreamApiError {
  const errors = messagesOf(body);
  const detail = errors.length > 0 ? ` (${errors.map((e) => e.message).join("; ")})` : "";
  let message: string | undefined;
  if (status === 410) message = `The upload link expired${detail}. ${ASK_AGAIN}`;
  else if (status === 409 && kind === "basic")
    message = `The one-time upload link was already used${detail}. ${ASK_AGAIN}`;
  else if (status === 404) message = `The upload link is unknown or gone${detail}. ${ASK_AGAIN}`;
  else if (status === 413) message = `The file is too large for this upload${detail}.`;
  return new StreamApiError(status, errors, retryAfter, message, message !== undefined);
}

/**
 * Answers after which the link is useless and a new target must be made: gone (404), expired
 * (410), and for a one-time basic URL, used (409). A tus 409 is an offset mismatch instead,
 * which tus-js-client resolves itself.
 */
export function linkIsDead(error: unknown, kind: "basic" | "tus"): boolean {
  if (!(error instanceof StreamApiError)) return false;
  return error.status === 404 || error.status === 410 || (kind === "basic" && error.status === 409);
}

/**
 * Answers that refuse the file itself (not a video, too large, a type or setting Stream will not
 * take): sending the same bytes again cannot succeed, so the video made for them is useless.
 */
export function fileRefused(error: unknown): boolean {
  return error instanceof StreamApiError && [400, 413, 415, 422].includes(error.status);
}

interface TusDetailedError extends Error {
  originalResponse?: {
    getStatus(): number;
    getBody(): string;
    getHeader(name: string): string | undefined;
  } | null;
  causingError?: Error | null;
}

/** A tus-js-client error as streamkit's typed errors. */
export function fromTusError(error: unknown, retries: number): StreamError {
  if (error instanceof StreamError) return error;
  const detailed = error as TusDetailedError;
  const response = detailed?.originalResponse;
  // Status 0 is XHR's "no answer": a lost connection, not an answer.
  if (response && response.getStatus() > 0) {
    return uploadApiError(
      response.getStatus(),
      response.getBody() ?? "",
      // Read as everywhere else: delta-seconds (0 included) or an HTTP date.
      parseRetryAfter(response.getHeader("retry-after") ?? null),
      "tus",
    );
  }
  const cause = detailed?.causingError ?? error;
  const text = cause instanceof Error ? cause.message : String(cause);
  return new StreamNetworkError(
    "fetch",
    `The upload lost its connection and ${retries} retries did not bring it back: ${text}`,
    { cause: error },
  );
}

/** Anything else as a StreamError, keeping typed errors as they are. */
export function toStreamError(error: unknown): StreamError {
  if (error instanceof StreamError) return error;
  return new StreamError(error instanceof Error ? error.message : String(error), { cause: error });
}
