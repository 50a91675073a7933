import { rm } from "node:fs/promises";
import { MAX_DURATION_SECONDS } from "@streamkit/core";
import type { Context, Hono } from "hono";
import type { EmulatorContext } from "../context";
import { ApiError, badRequest, ErrorCode, notFound, ok } from "../envelope";
import { Fields, readJsonObject } from "../http/body";
import { API } from "../http/lookup";
import { readMultipartFile, saveFile } from "../http/multipart";
import { readVideoSettings } from "../http/video-settings";
import { isUid } from "../ids";
import { SOURCE_FILE } from "../processing/pipeline";
import { readHead, sniffContainer } from "../processing/sniff";
import { blankRecord, toVideoJson } from "../records";
import { attachWatermark } from "../watermarks/attach";
import { createTusUpload } from "./tus";

const DIRECT_UPLOAD_TTL_MS = 30 * 60 * 1000;

/** Rejects what is plainly not a video right away (400, code 10059), as Stream does since 2023. */
async function assertLooksLikeVideo(file: string): Promise<void> {
  if (sniffContainer(await readHead(file)) === "unknown") {
    throw new ApiError(
      400,
      ErrorCode.NonVideo,
      "The uploaded file is not a video (unrecognized format).",
    );
  }
}

/** Basic multipart upload (`POST /stream`), direct creator uploads and their one-time URL. */
export function registerUploadRoutes(app: Hono, ctx: EmulatorContext): void {
  const limit = () => ctx.options.limits.basicUploadBytes;
  // Sizes are checked by readMultipartFile: the declared length up front, a chunked body as it
  // arrives (hono's bodyLimit buffered the whole body and could not rebuild node-server's Request).
  app.post(API, async (c, next) => {
    // POST /stream is overloaded: tus creation (by header) or a basic multipart upload.
    if (c.req.header("tus-resumable") !== undefined) return createTusUpload(c, ctx);
    return next();
  });

  app.post(API, async (c) => {
    const file = await readMultipartFile(c, limit());
    const record = await ctx.store.create({
      ...blankRecord("basic", "pendingupload"),
      creator: c.req.header("upload-creator") ?? null,
      meta:
        file.name && file.name !== "blob"
          ? { name: file.name, filename: file.name, filetype: file.type }
          : {},
    });
    try {
      const target = ctx.store.file(record.uid, SOURCE_FILE);
      await saveFile(file, target);
      await assertLooksLikeVideo(target);
    } catch (error) {
      await ctx.store.delete(record.uid);
      throw error;
    }
    await ctx.store.update(record.uid, (r) => {
      r.sourceFile = SOURCE_FILE;
      r.size = file.size;
      r.uploaded = new Date().toISOString();
    });
    await ctx.pipeline.enqueue(record.uid);
    const current = ctx.store.get(record.uid);
    return ok(c, current ? toVideoJson(current, ctx.origin()) : null);
  });

  app.post(`${API}/direct_upload`, async (c) => {
    const fields = new Fields(await readJsonObject(c));
    if (!fields.has("maxDurationSeconds")) {
      throw badRequest(
        `maxDurationSeconds: required for direct uploads (1..${MAX_DURATION_SECONDS}).`,
      );
    }
    const settings = readVideoSettings(fields, "upload");
    const expiry =
      fields.dateTime("expiry") ?? new Date(Date.now() + DIRECT_UPLOAD_TTL_MS).toISOString();
    if (Date.parse(expiry) <= Date.now()) throw badRequest("expiry: must be in the future.");
    const watermark = await attachWatermark(ctx.watermarks, settings.watermark);
    const record = await ctx.store.create({
      ...blankRecord("direct", "pendingupload"),
      ...settings,
      ...watermark.fields,
      creator: settings.creator ?? c.req.header("upload-creator") ?? null,
      uploadExpiry: expiry,
      upload: { offset: 0, public: true, used: false },
    });
    await watermark.save(ctx.store, record.uid);
    return ok(c, {
      uploadURL: `${ctx.origin()}/upload/${record.uid}`,
      uid: record.uid,
      scheduledDeletion: record.scheduledDeletion,
      ...(record.watermark ? { watermark: record.watermark } : {}),
    });
  });

  // The one-time URL: no API token, one multipart POST, until `uploadExpiry`. The URL is checked
  // and claimed before the body is read (the size guard reads chunked bodies whole), with no await
  // in between: a second POST while one runs gets 409, and a failed or aborted one frees it again.
  app.post(
    "/upload/:uid",
    async (c, next) => {
      const record = directRecord(ctx, c.req.param("uid"));
      checkOneTimeUpload(record.upload, record.uploadExpiry);
      if (receiving.has(record.uid)) {
        throw new ApiError(
          409,
          ErrorCode.Conflict,
          "This one-time upload URL is already receiving an upload.",
        );
      }
      receiving.add(record.uid);
      try {
        await next();
      } finally {
        receiving.delete(record.uid);
      }
    },
    async (c) => {
      const record = directRecord(ctx, c.req.param("uid"));
      const target = ctx.store.file(record.uid, SOURCE_FILE);
      let stored = false;
      try {
        const file = await readMultipartFile(c, limit());
        await saveFile(file, target);
        await assertLooksLikeVideo(target);
        const updated = await ctx.store.update(record.uid, (r) => {
          r.sourceFile = SOURCE_FILE;
          r.size = file.size;
          r.uploaded = new Date().toISOString();
          if (r.upload) r.upload.used = true;
        });
        if (!updated) throw notFound("No direct upload with this id.");
        stored = true;
      } finally {
        // A failed attempt leaves no bytes behind for the retry to trip over.
        if (!stored) await rm(target, { force: true }).catch(() => {});
      }
      await ctx.pipeline.enqueue(record.uid);
      return uploadDone(c);
    },
  );
}

function directRecord(ctx: EmulatorContext, uid: string) {
  const record = isUid(uid) ? ctx.store.get(uid) : undefined;
  if (record?.kind !== "direct") throw notFound("No direct upload with this id.");
  return record;
}

/** Direct uploads whose one-time URL is receiving a file right now. */
const receiving = new Set<string>();

/**
 * Direct uploads whose `expiry` passed before a file arrived end in `error` (`ERR_UNKNOWN`), with a
 * webhook, so they do not sit in `pendingupload` forever. Their URL keeps answering 410. Called at
 * start and by the 30 s sweep.
 */
export async function expireDirectUploads(ctx: EmulatorContext): Promise<void> {
  const now = Date.now();
  for (const record of ctx.store.all()) {
    if (
      record.kind !== "direct" ||
      receiving.has(record.uid) ||
      record.state !== "pendingupload" ||
      record.upload?.used !== false ||
      !record.uploadExpiry ||
      Date.parse(record.uploadExpiry) > now
    ) {
      continue;
    }
    const updated = await ctx.store.update(record.uid, (r) => {
      if (r.state !== "pendingupload" || r.upload?.used !== false) return;
      r.state = "error";
      r.errorReasonCode = "ERR_UNKNOWN";
      r.errorReasonText = "The upload URL expired before a file was uploaded.";
      r.readyToStream = false;
    });
    if (updated?.state === "error") {
      ctx.log(`video ${record.uid} error: direct upload URL expired without a file`);
      await ctx.webhooks.notify(record.uid);
    }
  }
}

function uploadDone(c: Context) {
  return c.body(null, 200);
}

export function checkOneTimeUpload(
  upload: { used: boolean } | undefined,
  expiry: string | null,
): void {
  if (!upload || upload.used) {
    throw new ApiError(409, ErrorCode.Conflict, "This one-time upload URL has already been used.");
  }
  if (expiry && Date.parse(expiry) <= Date.now()) {
    throw new ApiError(410, ErrorCode.Conflict, "This upload URL has expired.");
  }
}
