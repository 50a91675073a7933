/** tus 1.0.0 as Stream speaks it: the version header, and errors in Cloudflare's envelope. */
import type { Context } from "hono";
import { ApiError, ErrorCode } from "../envelope";

export const TUS_VERSION = "1.0.0";

export type TusErrorStatus = 400 | 403 | 404 | 409 | 410 | 412 | 413 | 415 | 423;

export const tusError = (status: TusErrorStatus, message: string) =>
  new ApiError(status, status === 413 ? ErrorCode.TooLarge : ErrorCode.BadRequest, message);

export function tusHeaders(extra: Record<string, string> = {}): Record<string, string> {
  return { "Tus-Resumable": TUS_VERSION, "Cache-Control": "no-store", ...extra };
}

export function checkVersion(c: Context): void {
  const version = c.req.header("tus-resumable");
  if (version !== TUS_VERSION) {
    throw tusError(
      412,
      `Tus-Resumable must be ${TUS_VERSION} (the only version supported), got ${version ?? "none"}.`,
    );
  }
}
