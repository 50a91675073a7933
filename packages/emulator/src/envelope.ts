import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";

/**
 * Error codes in `errors[].code`. Cloudflare documents only three of them for Stream
 * (7003, 10000, 10059); the others are the emulator's choice so that each failure kind is
 * distinguishable. Clients must not depend on them (Cloudflare's own codes are undocumented).
 */
export const ErrorCode = {
  /** "No route for the URI" (documented). */
  NoRoute: 7003,
  /** "Authentication error" (documented, Cloudflare-wide). */
  Authentication: 10000,
  /** The upload is not a video (documented, basic uploads). */
  NonVideo: 10059,
  /** Malformed body, bad parameter, invalid uid (emulator's choice). */
  BadRequest: 10005,
  /** Unknown video, caption, key, download or subscription (emulator's choice). */
  NotFound: 10003,
  /** Body or file over the limit (emulator's choice). */
  TooLarge: 10006,
  /** The operation does not fit the resource's state, e.g. captions of an unready video (emulator's choice). */
  Conflict: 10011,
} as const;

export interface StreamMessage {
  code: number;
  message: string;
}

/** Thrown by handlers; the app turns it into Cloudflare's failure envelope. */
export class ApiError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: number,
    message: string,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

export const badRequest = (message: string) => new ApiError(400, ErrorCode.BadRequest, message);
export const notFound = (message: string) => new ApiError(404, ErrorCode.NotFound, message);
export const conflict = (message: string) => new ApiError(409, ErrorCode.Conflict, message);

export function envelope<T>(result: T, extra: Record<string, unknown> = {}) {
  return {
    result,
    success: true,
    errors: [] as StreamMessage[],
    messages: [] as StreamMessage[],
    ...extra,
  };
}

export function ok<T>(
  c: Context,
  result: T,
  extra?: Record<string, unknown>,
  status: ContentfulStatusCode = 200,
): Response {
  return c.json(envelope(result, extra), status);
}

export function failure(
  c: Context,
  status: ContentfulStatusCode,
  code: number,
  message: string,
): Response {
  return c.json(
    { result: null, success: false, errors: [{ code, message }], messages: [] },
    status,
  );
}
