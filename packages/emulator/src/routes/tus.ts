import { writeFile } from "node:fs/promises";
import { MAX_UPLOAD_BYTES } from "@streamkit/core/upload";
import type { Context, Hono } from "hono";
import { ApiError, badRequest, ErrorCode } from "../envelope";
import { dropConnection, type FaultEnv } from "../faults";
import { fileSize } from "../fsutil";
import { type ApiCredentials, checkApiAuth } from "../http/auth";
import { isUid } from "../ids";
import { SOURCE_FILE } from "../processing/pipeline";
import { blankRecord, type VideoRecord } from "../records";
import {
  finishUpload,
  PART_FILE,
  receiveChunk,
  receivePartOfChunk,
  type TusStorageDeps,
} from "../tus/chunks";
import { parseUploadMetadata, settingsFromMetadata } from "../tus/metadata";
import { checkVersion, TUS_VERSION, tusError, tusHeaders } from "../tus/protocol";
import { attachWatermark } from "../watermarks/attach";
import type { WatermarkStore } from "../watermarks/store";

const DIRECT_USER_TTL_MS = 30 * 60 * 1000;

/** What the tus endpoints use (the emulator's context fits as it is). */
export interface TusDeps extends TusStorageDeps {
  /** Uploads that are not `direct_user` take the API token on every request. */
  options: ApiCredentials;
  /** The public origin, for `Location`. */
  origin(): string;
  /** Profiles named by the `watermark` metadata key. */
  watermarks: WatermarkStore;
}

/** `POST /stream` with `Tus-Resumable`: registers the upload and answers 201 with its Location. */
export async function createTusUpload(c: Context, deps: TusDeps): Promise<Response> {
  checkVersion(c);
  if (c.req.header("upload-defer-length") !== undefined)
    throw badRequest("Upload-Defer-Length is not supported; send Upload-Length.");
  const lengthText = c.req.header("upload-length") ?? "";
  if (!/^\d+$/.test(lengthText))
    throw badRequest("Upload-Length is required: the size of the file in bytes.");
  const length = Number(lengthText);
  if (length === 0) throw badRequest("Upload-Length must be at least 1 byte.");
  if (length > MAX_UPLOAD_BYTES)
    throw new ApiError(413, ErrorCode.TooLarge, "Files can be at most 30 GB.");
  const directUser = c.req.query("direct_user") === "true";
  const { expiry, ...settings } = settingsFromMetadata(
    parseUploadMetadata(c.req.header("upload-metadata")),
  );
  const watermark = await attachWatermark(deps.watermarks, settings.watermark);
  const record = await deps.store.create({
    ...blankRecord("tus", "pendingupload"),
    ...settings,
    ...watermark.fields,
    meta: settings.meta ?? {},
    creator: c.req.header("upload-creator") ?? null,
    uploadExpiry:
      expiry ?? (directUser ? new Date(Date.now() + DIRECT_USER_TTL_MS).toISOString() : null),
    maxSizeBytes: length,
    upload: { length, offset: 0, public: directUser, used: false },
  });
  await writeFile(deps.store.file(record.uid, PART_FILE), "");
  await watermark.save(deps.store, record.uid);
  const headers: Record<string, string> = tusHeaders({
    Location: `${deps.origin()}/tus/${record.uid}`,
    "stream-media-id": record.uid,
  });
  // creation-with-upload: the first bytes may come with the POST.
  if (c.req.header("content-type") === "application/offset+octet-stream" && c.req.raw.body) {
    headers["Upload-Offset"] = String(await receiveChunk(c, deps, record, 0));
  }
  return new Response(null, { status: 201, headers });
}

function tusRecord(deps: TusDeps, uid: string | undefined): VideoRecord {
  const record = isUid(uid) ? deps.store.get(uid) : undefined;
  if (record?.kind !== "tus") throw tusError(404, "No tus upload at this URL.");
  return record;
}

function authorize(c: Context, deps: TusDeps, record: VideoRecord): void {
  // direct_user URLs are meant for end users; the others need the API token on every request.
  if (!record.upload?.public) checkApiAuth(c, deps.options);
}

/** tus 1.0.0 on the upload URL: OPTIONS (discovery), HEAD (offset), PATCH (bytes), DELETE (termination). */
export function registerTusRoutes(app: Hono, deps: TusDeps): void {
  const locks = new Set<string>();

  app.options(
    "/tus/:uid",
    () =>
      new Response(null, {
        status: 204,
        headers: {
          "Tus-Resumable": TUS_VERSION,
          "Tus-Version": TUS_VERSION,
          "Tus-Max-Size": String(MAX_UPLOAD_BYTES),
          "Tus-Extension": "creation,creation-with-upload,termination",
        },
      }),
  );

  // Hono answers HEAD through the GET route (and drops the body).
  app.get("/tus/:uid", (c) => {
    if (c.req.method !== "HEAD")
      return c.text("tus uploads support HEAD, PATCH, DELETE and OPTIONS", 405);
    const record = tusRecord(deps, c.req.param("uid"));
    authorize(c, deps, record);
    checkVersion(c);
    const length = record.upload?.length ?? record.size;
    const offset = record.upload?.offset ?? record.size;
    return new Response(null, {
      status: 200,
      headers: tusHeaders({ "Upload-Offset": String(offset), "Upload-Length": String(length) }),
    });
  });

  // The fault middleware hands a `truncate-upload` fault over in `c.var`: the PATCH is checked
  // like any other first, and only then partly stored.
  app.patch("/tus/:uid", async (c: Context<FaultEnv>) => {
    const record = tusRecord(deps, c.req.param("uid"));
    authorize(c, deps, record);
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
      const fault = c.var.uploadFault;
      const next = fault
        ? await receivePartOfChunk(c, deps, record, offset, fault)
        : await receiveChunk(c, deps, record, offset);
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
    const record = tusRecord(deps, c.req.param("uid"));
    authorize(c, deps, record);
    checkVersion(c);
    if (!record.upload || record.upload.used) {
      throw tusError(403, "The upload is complete; delete the video through the API instead.");
    }
    await deps.store.delete(record.uid);
    return new Response(null, { status: 204, headers: tusHeaders() });
  });
}

/**
 * After a restart: the offset is whatever reached the disk, so clients resume from HEAD; an upload
 * whose bytes were all in when the emulator stopped goes on to processing.
 */
export async function recoverTusUploads(deps: TusStorageDeps): Promise<void> {
  for (const record of deps.store.all()) {
    const upload = record.upload;
    if (record.kind !== "tus" || record.state !== "pendingupload" || !upload?.length) continue;
    const onDisk = await fileSize(deps.store.file(record.uid, PART_FILE));
    if (onDisk === undefined) {
      if (await fileSize(deps.store.file(record.uid, SOURCE_FILE)))
        await deps.pipeline.enqueue(record.uid);
      else await writeFile(deps.store.file(record.uid, PART_FILE), "");
      continue;
    }
    const offset = Math.min(onDisk, upload.length);
    await deps.store.update(record.uid, (r) => {
      if (r.upload) r.upload.offset = offset;
    });
    if (offset === upload.length) await finishUpload(deps, record.uid);
  }
}
