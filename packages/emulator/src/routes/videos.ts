import { MAX_DURATION_SECONDS } from "@streamkit/core";
import type { Hono } from "hono";
import type { EmulatorContext } from "../context";
import { badRequest, ok } from "../envelope";
import { Fields, readJsonObject } from "../http/body";
import { listVideos } from "../http/list";
import { API, requireVideo } from "../http/lookup";
import { mergePublicDetails, readVideoSettings } from "../http/video-settings";
import { isUid } from "../ids";
import { blankRecord, toVideoJson } from "../records";
import { attachWatermark } from "../watermarks/attach";

export function assertHttpUrl(value: string, field: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw badRequest(`${field}: ${JSON.stringify(value)} is not a valid URL.`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw badRequest(`${field}: only http and https URLs are accepted, got ${url.protocol}`);
  }
  return url.toString();
}

/** List, get, update, delete, copy from URL, clip, embed and storage usage. */
export function registerVideoRoutes(app: Hono, ctx: EmulatorContext): void {
  app.get(API, (c) => {
    const query = new URL(c.req.url).searchParams;
    const { videos, extra } = listVideos(ctx.store.all(), query);
    return ok(
      c,
      videos.map((v) => toVideoJson(v, ctx.origin())),
      extra,
    );
  });

  app.post(`${API}/copy`, async (c) => {
    const fields = new Fields(await readJsonObject(c));
    const source = fields.string("input") ?? fields.string("url");
    if (!source)
      throw badRequest("input: the URL of the video to copy is required (input or url).");
    const url = assertHttpUrl(source, fields.has("input") ? "input" : "url");
    const name = fields.string("name", 1024);
    const settings = readVideoSettings(fields, "upload");
    const watermark = await attachWatermark(ctx.watermarks, settings.watermark);
    const record = await ctx.store.create({
      ...blankRecord("copy", "downloading"),
      ...settings,
      ...watermark.fields,
      creator: settings.creator ?? c.req.header("upload-creator") ?? null,
      meta: { ...settings.meta, ...(name !== undefined ? { name } : {}), "downloaded-from": url },
      sourceUrl: url,
    });
    await watermark.save(ctx.store, record.uid);
    ctx.pipeline.startCopy(record.uid);
    return ok(c, toVideoJson(record, ctx.origin()));
  });

  app.post(`${API}/clip`, async (c) => {
    const fields = new Fields(await readJsonObject(c));
    const from = fields.string("clippedFromVideoUID", 64);
    if (!isUid(from)) throw badRequest("clippedFromVideoUID: a video uid is required.");
    const source = requireVideo(ctx, from);
    if (source.state !== "ready")
      throw badRequest(`clippedFromVideoUID: video ${from} is ${source.state}, not ready.`);
    const start = fields.number("startTimeSeconds", 0, MAX_DURATION_SECONDS, true);
    const end = fields.number("endTimeSeconds", 0, MAX_DURATION_SECONDS, true);
    if (start === undefined || end === undefined)
      throw badRequest("startTimeSeconds and endTimeSeconds are required.");
    if (end <= start) throw badRequest("endTimeSeconds must be after startTimeSeconds.");
    if (start >= source.duration)
      throw badRequest(`startTimeSeconds is past the end of the video (${source.duration} s).`);
    const name = fields.string("name", 1024);
    const settings = readVideoSettings(fields, "upload");
    const watermark = await attachWatermark(ctx.watermarks, settings.watermark);
    const record = await ctx.store.create({
      ...blankRecord("clip", "queued"),
      ...settings,
      ...watermark.fields,
      meta: { ...settings.meta, ...(name !== undefined ? { name } : {}) },
      clippedFrom: from,
      // An end past the source's end is cut at the end (a rounded-up duration is common).
      clip: { from, start, end: Math.min(end, source.duration) },
    });
    await watermark.save(ctx.store, record.uid);
    // Answered as created (`queued`), as Stream does: the encode may start before the reply.
    const created = toVideoJson(record, ctx.origin());
    await ctx.pipeline.enqueue(record.uid);
    return ok(c, created);
  });

  app.get(`${API}/storage-usage`, (c) => {
    const creator = c.req.query("creator");
    const videos = ctx.store.all().filter((v) => !creator || v.creator === creator);
    const seconds = videos.reduce((sum, v) => {
      if (v.duration > 0) return sum + v.duration;
      // Direct uploads reserve their maximum until processed (§7).
      if (v.state === "pendingupload" && v.maxDurationSeconds) return sum + v.maxDurationSeconds;
      return sum;
    }, 0);
    return ok(c, {
      ...(creator ? { creator } : {}),
      totalStorageMinutes: Math.round((seconds / 60) * 1000) / 1000,
      totalStorageMinutesLimit: 100_000,
      videoCount: videos.length,
    });
  });

  app.get(`${API}/:uid`, (c) => {
    const record = requireVideo(ctx, c.req.param("uid"));
    return ok(c, toVideoJson(record, ctx.origin()));
  });

  app.post(`${API}/:uid`, async (c) => {
    const record = requireVideo(ctx, c.req.param("uid"));
    const fields = new Fields(await readJsonObject(c));
    const echoed = fields.string("uid", 64);
    if (echoed !== undefined && echoed !== record.uid)
      throw badRequest("uid: does not match the video in the URL.");
    const { publicDetails, ...settings } = readVideoSettings(fields, "update");
    const updated = await ctx.store.update(record.uid, (r) => {
      Object.assign(r, settings);
      if (publicDetails !== undefined)
        r.publicDetails = mergePublicDetails(r.publicDetails, publicDetails);
    });
    return ok(c, updated ? toVideoJson(updated, ctx.origin()) : null);
  });

  app.delete(`${API}/:uid`, async (c) => {
    const record = requireVideo(ctx, c.req.param("uid"));
    await ctx.pipeline.cancel(record.uid);
    await ctx.store.delete(record.uid);
    ctx.log(`video ${record.uid} deleted`);
    // Cloudflare answers 200 with an empty body here, unlike every other route.
    return c.body(null, 200);
  });

  app.get(`${API}/:uid/embed`, (c) => {
    const record = requireVideo(ctx, c.req.param("uid"));
    const src = `${ctx.origin()}/${record.uid}/iframe`;
    return c.html(
      `<div style="position: relative; padding-top: 56.25%;"><iframe src="${src}" loading="lazy" style="border: none; position: absolute; top: 0; left: 0; height: 100%; width: 100%;" allow="accelerometer; gyroscope; autoplay; encrypted-media; picture-in-picture;" allowfullscreen="true"></iframe></div>`,
    );
  });
}
