/** The bytes of a tus upload: Stream's chunk rules, appending PATCH bodies, and finishing. */
import { createWriteStream } from "node:fs";
import { open, rename, truncate, writeFile } from "node:fs/promises";
import { Readable, Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as WebReadableStream } from "node:stream/web";
import {
  TUS_CHUNK_MULTIPLE,
  TUS_MAX_CHUNK_BYTES,
  TUS_MIN_CHUNK_BYTES,
} from "@streamkit/core/upload";
import type { Context } from "hono";
import { ApiError } from "../envelope";
import { declaredLength, FAULTS_PATH, keptBytes, type TruncateUploadFault } from "../faults";
import type { Pipeline } from "../processing/pipeline";
import { SOURCE_FILE } from "../processing/pipeline";
import type { VideoRecord } from "../records";
import type { VideoStore } from "../store";
import { tusError } from "./protocol";

/** The bytes received so far, renamed to the source once complete. */
export const PART_FILE = "upload.part";

/** Where uploads are kept and who takes them on once complete. */
export interface TusStorageDeps {
  store: VideoStore;
  pipeline: Pick<Pipeline, "enqueue">;
}

/** Checks one PATCH body against Stream's chunk rules (§3.6); `undefined` when acceptable. */
export function chunkProblem(offset: number, length: number, chunk: number): string | undefined {
  if (offset + chunk > length)
    return `The chunk ends at ${offset + chunk}, past Upload-Length ${length}.`;
  if (chunk > TUS_MAX_CHUNK_BYTES)
    return `Chunks can be at most ${TUS_MAX_CHUNK_BYTES} bytes (200 MiB).`;
  if (offset + chunk === length) return undefined; // The last chunk may be any size.
  if (chunk < TUS_MIN_CHUNK_BYTES)
    return `Chunks must be at least ${TUS_MIN_CHUNK_BYTES} bytes (5 MiB), except the last one.`;
  if (chunk % TUS_CHUNK_MULTIPLE !== 0)
    return `Chunks must be a multiple of ${TUS_CHUNK_MULTIPLE} bytes (256 KiB), except the last one.`;
  return undefined;
}

async function setOffset(deps: TusStorageDeps, uid: string, offset: number): Promise<void> {
  await deps.store.update(uid, (r) => {
    if (r.upload) r.upload.offset = offset;
  });
}

/** Appends one PATCH body at `offset`; returns the new offset. Failed chunks leave no trace. */
export async function receiveChunk(
  c: Context,
  deps: TusStorageDeps,
  record: VideoRecord,
  offset: number,
): Promise<number> {
  const upload = record.upload;
  if (!upload?.length || upload.used) throw tusError(404, "This upload is finished.");
  const length = upload.length;
  const declared = declaredLength(c);
  if (declared !== undefined) {
    const problem = chunkProblem(offset, length, declared);
    if (problem) throw tusError(declared > TUS_MAX_CHUNK_BYTES ? 413 : 400, problem);
  }
  const part = deps.store.file(record.uid, PART_FILE);
  await truncate(part, offset).catch(async () => writeFile(part, ""));
  let received = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      received += chunk.length;
      if (offset + received > length)
        callback(tusError(400, "The body is longer than Upload-Length allows."));
      else callback(null, chunk);
    },
  });
  try {
    const body = c.req.raw.body;
    if (body) {
      await pipeline(
        Readable.fromWeb(body as unknown as WebReadableStream<Uint8Array>),
        counter,
        createWriteStream(part, { flags: "a" }),
      );
    }
    const problem = chunkProblem(offset, length, received);
    if (problem) throw tusError(400, problem);
  } catch (error) {
    await truncate(part, offset).catch(() => {});
    if (error instanceof ApiError) throw error;
    throw tusError(400, "The upload body broke off; resume from the offset HEAD reports.");
  }
  const next = offset + received;
  await setOffset(deps, record.uid, next);
  if (next === length) await finishUpload(deps, record.uid);
  return next;
}

/**
 * A `truncate-upload` fault on a PATCH: only the first bytes of the body are stored and the offset
 * moves to them, as a server that lost the connection part-way keeps what it got (unlike a real
 * break, after which this emulator keeps nothing). Then, by `outcome`, `error` answers a
 * failure (HEAD tells the shorter offset), `short-offset` answers 204 with it, and `reset` drops
 * the connection (`undefined` is returned).
 */
export async function receivePartOfChunk(
  c: Context,
  deps: TusStorageDeps,
  record: VideoRecord,
  offset: number,
  fault: TruncateUploadFault,
): Promise<number | undefined> {
  const length = record.upload?.length ?? 0;
  const keep = Math.max(0, Math.min(keptBytes(fault, declaredLength(c)), length - offset - 1));
  const part = deps.store.file(record.uid, PART_FILE);
  await truncate(part, offset).catch(async () => writeFile(part, ""));
  const reader = c.req.raw.body?.getReader();
  const file = await open(part, "a");
  let stored = 0;
  try {
    while (reader && stored < keep) {
      const { done, value } = await reader.read();
      if (done) break;
      const piece = value.subarray(0, keep - stored);
      await file.write(piece);
      stored += piece.byteLength;
    }
  } finally {
    await file.close();
  }
  const next = offset + stored;
  await setOffset(deps, record.uid, next);
  if (fault.outcome === "reset") return undefined;
  while (reader) {
    const { done } = await reader.read();
    if (done) break;
  }
  if (fault.outcome === "short-offset") return next;
  throw new ApiError(
    (fault.status ?? 500) as 500,
    10002,
    `Injected fault: the PATCH broke off after ${stored} bytes; resume from the offset HEAD reports (see ${FAULTS_PATH})`,
  );
}

/** Every byte is in: the part becomes the source and processing starts. */
export async function finishUpload(deps: TusStorageDeps, uid: string): Promise<void> {
  await rename(deps.store.file(uid, PART_FILE), deps.store.file(uid, SOURCE_FILE));
  const record = await deps.store.update(uid, (r) => {
    r.sourceFile = SOURCE_FILE;
    r.size = r.upload?.length ?? r.size;
    r.uploaded = new Date().toISOString();
  });
  if (record) await deps.pipeline.enqueue(uid);
}
