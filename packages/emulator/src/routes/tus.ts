import { createWriteStream } from "node:fs";
import { open, rename, truncate, writeFile } from "node:fs/promises";
import { Readable, Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as WebReadableStream } from "node:stream/web";
import type { Context, Hono } from "hono";
import type { EmulatorContext } from "../context";
import { ApiError, badRequest, ErrorCode } from "../envelope";
import {
  dropConnection,
  FAULTS_PATH,
  keptBytes,
  type TruncateUploadFault,
  uploadFaultFor,
} from "../faults";
import { fileSize } from "../fsutil";
import { checkApiAuth } from "../http/auth";
import { isUid } from "../ids";
import { MAX_FILE_BYTES } from "../processing/fetch-source";
import { SOURCE_FILE } from "../processing/pipeline";
import { blankRecord, type VideoRecord } from "../records";
import { parseUploadMetadata, settingsFromMetadata } from "../tus/metadata";

const TUS_VERSION = "1.0.0";
const PART_FILE = "upload.part";
const DIRECT_USER_TTL_MS = 30 * 60 * 1000;

/** Stream's chunk rules (§3.6): 5 MiB minimum except the last, 256 KiB multiples, 200 MiB maximum. */
export const MIN_CHUNK = 5 * 1024 * 1024;
export const CHUNK_MULTIPLE = 256 * 1024;
export const MAX_CHUNK = 200 * 1024 * 1024;

const tusError = (status: 400 | 403 | 404 | 409 | 410 | 412 | 413 | 415 | 423, message: string) =>
  new ApiError(status, status === 413 ? ErrorCode.TooLarge : ErrorCode.BadRequest, message);

/** Checks one PATCH body against the chunk rules; `undefined` when it is acceptable. */
export function chunkProblem(offset: number, length: number, chunk: number): string | undefined {
  if (offset + chunk > length)
    return `The chunk ends at ${offset + chunk}, past Upload-Length ${length}.`;
  if (chunk > MAX_CHUNK) return `Chunks can be at most ${MAX_CHUNK} bytes (200 MiB).`;
  if (offset + chunk === length) return undefined; // The last chunk may be any size.
  if (chunk < MIN_CHUNK)
    return `Chunks must be at least ${MIN_CHUNK} bytes (5 MiB), except the last one.`;
  if (chunk % CHUNK_MULTIPLE !== 0)
    return `Chunks must be a multiple of ${CHUNK_MULTIPLE} bytes (256 KiB), except the last one.`;
  return undefined;
}

function tusHeaders(extra: Record<string, string> = {}): Record<string, string> {
  return { "Tus-Resumable": TUS_VERSION, "Cache-Control": "no-store", ...extra };
}

function checkVersion(c: Context): void {
  const version = c.req.header("tus-resumable");
  if (version !== TUS_VERSION) {
    throw tusError(
      412,
      `Tus-Resumable must be ${TUS_VERSION} (the only version supported), got ${version ?? "none"}.`,
    );
  }
}

/** `POST /stream` with `Tus-Resumable`: registers the upload and answers 201 with its Location. */
export async function createTusUpload(c: Context, ctx: EmulatorContext): Promise<Response> {
  checkVersion(c);
  if (c.req.header("upload-defer-length") !== undefined)
    throw badRequest("Upload-Defer-Length is not supported; send Upload-Length.");
  const lengthText = c.req.header("upload-length") ?? "";
  if (!/^\d+$/.test(lengthText))
    throw badRequest("Upload-Length is required: the size of the file in bytes.");
  const length = Number(lengthText);
  if (length === 0) throw badRequest("Upload-Length must be at least 1 byte.");
  if (length > MAX_FILE_BYTES)
    throw new ApiError(413, ErrorCode.TooLarge, "Files can be at most 30 GB.");
  const directUser = c.req.query("direct_user") === "true";
  const { expiry, ...settings } = settingsFromMetadata(
    parseUploadMetadata(c.req.header("upload-metadata")),
  );
  const record = await ctx.store.create({
    ...blankRecord("tus", "pendingupload"),
    ...settings,
    meta: settings.meta ?? {},
    creator: c.req.header("upload-creator") ?? null,
    uploadExpiry:
      expiry ?? (directUser ? new Date(Date.now() + DIRECT_USER_TTL_MS).toISOString() : null),
    maxSizeBytes: length,
    upload: { length, offset: 0, public: directUser, used: false },
  });
  await writeFile(ctx.store.file(record.uid, PART_FILE), "");
  const headers: Record<string, string> = tusHeaders({
    Location: `${ctx.origin()}/tus/${record.uid}`,
    "stream-media-id": record.uid,
  });
  // creation-with-upload: the first bytes may come with the POST.
  if (c.req.header("content-type") === "application/offset+octet-stream" && c.req.raw.body) {
    headers["Upload-Offset"] = String(await receiveChunk(c, ctx, record, 0));
  }
  return new Response(null, { status: 201, headers });
}

function tusRecord(ctx: EmulatorContext, uid: string | undefined): VideoRecord {
  const record = isUid(uid) ? ctx.store.get(uid) : undefined;
  if (record?.kind !== "tus") throw tusError(404, "No tus upload at this URL.");
  return record;
}

function authorize(c: Context, ctx: EmulatorContext, record: VideoRecord): void {
  // direct_user URLs are meant for end users; the others need the API token on every request.
  if (!record.upload?.public) checkApiAuth(c, ctx);
}

/** Appends one PATCH body at `offset`; returns the new offset. Failed chunks leave no trace. */
async function receiveChunk(
  c: Context,
  ctx: EmulatorContext,
  record: VideoRecord,
  offset: number,
): Promise<number> {
  const upload = record.upload;
  if (!upload?.length || upload.used) throw tusError(404, "This upload is finished.");
  const length = upload.length;
  const declaredText = c.req.header("content-length");
  const declared = declaredText === undefined ? undefined : Number(declaredText);
  if (declared !== undefined) {
    const problem = chunkProblem(offset, length, declared);
    if (problem) throw tusError(declared > MAX_CHUNK ? 413 : 400, problem);
  }
  const part = ctx.store.file(record.uid, PART_FILE);
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
  await ctx.store.update(record.uid, (r) => {
    if (r.upload) r.upload.offset = next;
  });
  if (next === length) await finish(ctx, record.uid);
  return next;
}

/**
 * A `truncate-upload` fault on a PATCH: only the first bytes of the body are stored and the offset
 * moves to them, as a server that lost the connection part-way keeps what it got (unlike a real
 * break, after which this emulator keeps nothing). Then, by `outcome`, `error` answers a
 * failure (HEAD tells the shorter offset), `short-offset` answers 204 with it, and `reset` drops
 * the connection (`undefined` is returned).
 */
async function receivePartOfChunk(
  c: Context,
  ctx: EmulatorContext,
  record: VideoRecord,
  offset: number,
  fault: TruncateUploadFault,
): Promise<number | undefined> {
  const length = record.upload?.length ?? 0;
  const declaredText = c.req.header("content-length");
  const declared = declaredText === undefined ? undefined : Number(declaredText);
  const keep = Math.max(0, Math.min(keptBytes(fault, declared), length - offset - 1));
  const part = ctx.store.file(record.uid, PART_FILE);
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
  await ctx.store.update(record.uid, (r) => {
    if (r.upload) r.upload.offset = next;
  });
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

async function finish(ctx: EmulatorContext, uid: string): Promise<void> {
  await rename(ctx.store.file(uid, PART_FILE), ctx.store.file(uid, SOURCE_FILE));
  const record = await ctx.store.update(uid, (r) => {
    r.sourceFile = SOURCE_FILE;
    r.size = r.upload?.length ?? r.size;
    r.uploaded = new Date().toISOString();
  });
  if (record) await ctx.pipeline.enqueue(uid);
}

/** tus 1.0.0 on the upload URL: OPTIONS (discovery), HEAD (offset), PATCH (bytes), DELETE (termination). */
export function registerTusRoutes(app: Hono, ctx: EmulatorContext): void {
  const locks = new Set<string>();

  app.options(
    "/tus/:uid",
    () =>
      new Response(null, {
        status: 204,
        headers: {
          "Tus-Resumable": TUS_VERSION,
          "Tus-Version": TUS_VERSION,
          "Tus-Max-Size": String(MAX_FILE_BYTES),
          "Tus-Extension": "creation,creation-with-upload,termination",
        },
      }),
  );

  // Hono answers HEAD through the GET route (and drops the body).
  app.get("/tus/:uid", (c) => {
    if (c.req.method !== "HEAD")
      return c.text("tus uploads support HEAD, PATCH, DELETE and OPTIONS", 405);
    const record = tusRecord(ctx, c.req.param("uid"));
    authorize(c, ctx, record);
    checkVersion(c);
    const length = record.upload?.length ?? record.size;
    const offset = record.upload?.offset ?? record.size;
    return new Response(null, {
      status: 200,
      headers: tusHeaders({ "Upload-Offset": String(offset), "Upload-Length": String(length) }),
    });
  });

  app.patch("/tus/:uid", async (c) => {
    const record = tusRecord(ctx, c.req.param("uid"));
    authorize(c, ctx, record);
    checkVersion(c);
    if (c.req.header("content-type") !== "application/offset+octet-stream") {
      throw tusError(415, "PATCH bodies must be Content-Type: application/offset+octet-stream.");
    }
    const upload = record.upload;
    if (!upload || upload.used) throw tusError(404, "This upload is finished.");
    const offsetText = c.req.header("upload-offset") ?? "";
    if (!/^\d+$/.test(offsetText)) throw badRequest("Upload-Offset is required.");
    const offset = Number(offsetText);
    if (offset !== upload.offset)
      throw tusError(409, `Upload-Offset ${offset} does not match the server's ${upload.offset}.`);
    if (offset === 0 && record.uploadExpiry && Date.parse(record.uploadExpiry) <= Date.now()) {
      throw tusError(410, "This upload URL has expired.");
    }
    if (locks.has(record.uid)) throw tusError(423, "Another PATCH for this upload is in progress.");
    locks.add(record.uid);
    try {
      const fault = uploadFaultFor(c);
      const next = fault
        ? await receivePartOfChunk(c, ctx, record, offset, fault)
        : await receiveChunk(c, ctx, record, offset);
      if (next === undefined) return dropConnection(c);
      return new Response(null, {
        status: 204,
        headers: tusHeaders({ "Upload-Offset": String(next) }),
      });
    } finally {
      locks.delete(record.uid);
    }
  });

  app.delete("/tus/:uid", async (c) => {
    const record = tusRecord(ctx, c.req.param("uid"));
    authorize(c, ctx, record);
    checkVersion(c);
    if (!record.upload || record.upload.used) {
      throw tusError(403, "The upload is complete; delete the video through the API instead.");
    }
    await ctx.store.delete(record.uid);
    return new Response(null, { status: 204, headers: tusHeaders() });
  });
}

/**
 * After a restart: the offset is whatever reached the disk, so clients resume from HEAD; an upload
 * whose bytes were all in when the emulator stopped goes on to processing.
 */
export async function recoverTusUploads(ctx: EmulatorContext): Promise<void> {
  for (const record of ctx.store.all()) {
    const upload = record.upload;
    if (record.kind !== "tus" || record.state !== "pendingupload" || !upload?.length) continue;
    const onDisk = await fileSize(ctx.store.file(record.uid, PART_FILE));
    if (onDisk === undefined) {
      if (await fileSize(ctx.store.file(record.uid, SOURCE_FILE)))
        await ctx.pipeline.enqueue(record.uid);
      else await writeFile(ctx.store.file(record.uid, PART_FILE), "");
      continue;
    }
    const offset = Math.min(onDisk, upload.length);
    await ctx.store.update(record.uid, (r) => {
      if (r.upload) r.upload.offset = offset;
    });
    if (offset === upload.length) await finish(ctx, record.uid);
  }
}
