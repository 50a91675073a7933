import { createWriteStream } from "node:fs";
import { mkdir } from "node:fs/promises";
import path from "node:path";
import { Readable, Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as WebReadableStream } from "node:stream/web";
import { MAX_UPLOAD_BYTES } from "@streamkit/core/upload";

export class FetchOriginError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "FetchOriginError";
  }
}

/** The origin's file is over the caller's limit (a FetchOriginError still, for copies). */
export class OriginTooLarge extends FetchOriginError {
  constructor(readonly limit: number) {
    super(`The file is larger than ${limit} bytes.`);
    this.name = "OriginTooLarge";
  }
}

function describeCause(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : String(error));
}

/**
 * Downloads a copy source to `file`. Any failure to get the bytes (unreachable host, non-2xx,
 * oversize, dropped connection) becomes a FetchOriginError, which the pipeline reports as
 * ERR_FETCH_ORIGIN_ERROR.
 */
export async function fetchToFile(
  url: string,
  file: string,
  signal: AbortSignal,
  maxBytes: number = MAX_UPLOAD_BYTES,
): Promise<number> {
  let response: Response;
  try {
    response = await fetch(url, {
      signal,
      redirect: "follow",
      headers: { "user-agent": "streamkit-emulator" },
    });
  } catch (error) {
    if (signal.aborted) throw error;
    throw new FetchOriginError(`Could not reach the origin (${describeCause(error)}).`);
  }
  if (!response.ok || !response.body) {
    await response.body?.cancel().catch(() => {});
    throw new FetchOriginError(
      `The origin answered ${response.status} ${response.statusText}`.trim(),
    );
  }
  const declared = Number(response.headers.get("content-length") ?? Number.NaN);
  if (declared > maxBytes) {
    await response.body.cancel().catch(() => {});
    throw new OriginTooLarge(maxBytes);
  }
  await mkdir(path.dirname(file), { recursive: true });
  let received = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      received += chunk.length;
      if (received > maxBytes) callback(new OriginTooLarge(maxBytes));
      else callback(null, chunk);
    },
  });
  try {
    await pipeline(
      Readable.fromWeb(response.body as unknown as WebReadableStream<Uint8Array>),
      counter,
      createWriteStream(file),
      { signal },
    );
  } catch (error) {
    if (signal.aborted || error instanceof FetchOriginError) throw error;
    throw new FetchOriginError(`The download broke off (${describeCause(error)}).`);
  }
  if (received === 0) throw new FetchOriginError("The origin sent an empty file.");
  return received;
}
