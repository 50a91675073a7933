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
  return (await readMultipartForm(c, limit, field)).file;
}

/** Like {@link readMultipartFile}, with the rest of the form for endpoints that take more fields. */
export async function readMultipartForm(
  c: Context,
  limit: number,
  field = "file",
): Promise<{ file: File; form: FormData }> {
  const type = c.req.header("content-type") ?? "";
  if (!type.toLowerCase().startsWith("multipart/form-data")) {
    throw badRequest(`Expected a multipart/form-data body with a "${field}" field.`);
  }
  const declared = Number(c.req.header("content-length") ?? Number.NaN);
  if (declared > limit + MULTIPART_OVERHEAD) throw tooLarge(limit);
  const body = c.req.raw.body;
  if (body === null)
    throw badRequest(`Expected a multipart/form-data body with a "${field}" field.`);
  // A chunked body has no length to refuse up front: count it on the way in instead.
  let size = 0;
  const counted = body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        size += chunk.byteLength;
        if (size > limit + MULTIPART_OVERHEAD) controller.error(tooLarge(limit));
        else controller.enqueue(chunk);
      },
    }),
  );
  let form: FormData;
  try {
    form = await new Response(counted, { headers: { "content-type": type } }).formData();
  } catch {
    if (size > limit + MULTIPART_OVERHEAD) throw tooLarge(limit);
    throw badRequest("The multipart body could not be parsed.");
  }
  const file = form.get(field);
  // Duck-typed: a File from another realm (a test DOM, say) fails `instanceof File`.
  if (typeof file === "string" || file === null || typeof file.stream !== "function") {
    throw badRequest(`The multipart body has no "${field}" file field.`);
  }
  if (file.size > limit) throw tooLarge(limit);
  if (file.size === 0) throw badRequest(`The "${field}" file is empty.`);
  return { file, form };
}

/** Whether a request carries a multipart body (some endpoints also take JSON). */
export function isMultipart(c: Context): boolean {
  return (c.req.header("content-type") ?? "").toLowerCase().startsWith("multipart/form-data");
}

/** A text field of a multipart form; a file in its place is a 400. */
export function formText(form: FormData, name: string): string | undefined {
  const value = form.get(name);
  if (value === null) return undefined;
  if (typeof value !== "string") throw badRequest(`${name}: expected a text field, not a file.`);
  return value;
}

export async function saveFile(file: Blob, target: string): Promise<void> {
  await pipeline(
    Readable.fromWeb(file.stream() as unknown as WebReadableStream<Uint8Array>),
    createWriteStream(target),
  );
}
