import { createWriteStream } from "node:fs";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as WebReadableStream } from "node:stream/web";
import type { Context } from "hono";
import { ApiError, badRequest, ErrorCode } from "../envelope";

/** Room for multipart boundaries and headers on top of the file itself. */
const MULTIPART_OVERHEAD = 1024 * 1024;

export function tooLarge(limit: number): ApiError {
  return new ApiError(
    413,
    ErrorCode.TooLarge,
    `The file is larger than ${limit} bytes; use a tus upload for big files.`,
  );
}

/**
 * The `file` field of a multipart body, refusing bodies above `limit` before reading them when
 * Content-Length says so (413), as Cloudflare does for basic uploads over 200 MB.
 */
export async function readMultipartFile(c: Context, limit: number, field = "file"): Promise<File> {
  const type = c.req.header("content-type") ?? "";
  if (!type.toLowerCase().startsWith("multipart/form-data")) {
    throw badRequest(`Expected a multipart/form-data body with a "${field}" field.`);
  }
  const declared = Number(c.req.header("content-length") ?? Number.NaN);
  if (declared > limit + MULTIPART_OVERHEAD) throw tooLarge(limit);
  let form: FormData;
  try {
    form = await c.req.raw.formData();
  } catch {
    throw badRequest("The multipart body could not be parsed.");
  }
  const file = form.get(field);
  // Duck-typed: a File from another realm (a test DOM, say) fails `instanceof File`.
  if (typeof file === "string" || file === null || typeof file.stream !== "function") {
    throw badRequest(`The multipart body has no "${field}" file field.`);
  }
  if (file.size > limit) throw tooLarge(limit);
  if (file.size === 0) throw badRequest(`The "${field}" file is empty.`);
  return file;
}

export async function saveFile(file: Blob, target: string): Promise<void> {
  await pipeline(
    Readable.fromWeb(file.stream() as unknown as WebReadableStream<Uint8Array>),
    createWriteStream(target),
  );
}
