/** `truncate-upload`: only part of a request body is taken. */
import type { Context } from "hono";
import { INTERNAL_ERROR_CODE, injectedFailure } from "./answers";
import { dropConnection } from "./connection";
import { FAULTS_PATH, type TruncateUploadFault } from "./types";

/** Whether the request carries a body (only those can be truncated). */
export function hasBody(c: Context): boolean {
  const length = c.req.header("content-length");
  if (length !== undefined) return length !== "0";
  return c.req.header("transfer-encoding") !== undefined;
}

/** How much of a `truncate-upload` body is taken. */
export function keptBytes(fault: TruncateUploadFault, declared: number | undefined): number {
  const size = declared ?? 0;
  const wanted = fault.keepBytes ?? Math.floor(size * (fault.keepFraction ?? 0.5));
  return Math.max(0, declared === undefined ? wanted : Math.min(wanted, size - 1));
}

/** The request's Content-Length, when it declares one. */
export function declaredLength(c: Context): number | undefined {
  const text = c.req.header("content-length");
  return text === undefined ? undefined : Number(text);
}

/**
 * For basic and direct uploads, where nothing is stored: reads the kept bytes, then `reset`
 * drops the connection, anything else drains the rest and answers the failure.
 */
export async function takePartOfBody(c: Context, fault: TruncateUploadFault): Promise<Response> {
  const keep = keptBytes(fault, declaredLength(c));
  const reader = c.req.raw.body?.getReader();
  let taken = 0;
  while (reader && taken < keep) {
    const { done, value } = await reader.read();
    if (done) break;
    taken += value.byteLength;
  }
  if (fault.outcome === "reset") return dropConnection(c);
  while (reader) {
    const { done } = await reader.read();
    if (done) break;
  }
  return injectedFailure(
    c,
    fault.status ?? 500,
    INTERNAL_ERROR_CODE,
    `Injected fault: the upload broke off after ${Math.min(taken, keep)} bytes (see ${FAULTS_PATH})`,
  );
}
