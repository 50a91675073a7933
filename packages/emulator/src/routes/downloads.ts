import type { Context, Hono } from "hono";
import type { EmulatorContext } from "../context";
import { serveFile } from "../delivery/files";
import { badRequest, notFound, ok } from "../envelope";
import { API, requireReady, requireVideo } from "../http/lookup";
import {
  DOWNLOAD_FILES,
  downloadPath,
  removeDownload,
  startDownload,
} from "../processing/downloads";
import type { DownloadType, VideoRecord } from "../records";

function downloadType(value: string | undefined): DownloadType {
  if (value === "default" || value === "audio") return value;
  throw badRequest(`download_type: expected "default" or "audio", got ${JSON.stringify(value)}.`);
}

function describe(ctx: EmulatorContext, record: VideoRecord) {
  const result: Partial<
    Record<DownloadType, { status: string; percentComplete: number; url: string }>
  > = {};
  for (const type of ["default", "audio"] as const) {
    const download = record.downloads[type];
    if (download)
      result[type] = {
        ...download,
        url: `${ctx.origin()}/${record.uid}/downloads/${DOWNLOAD_FILES[type]}`,
      };
  }
  return result;
}

/** `/downloads` (§3.9): create, list and delete the MP4 / M4A of a ready video. */
export function registerDownloadRoutes(app: Hono, ctx: EmulatorContext): void {
  const create = async (c: Context, type: DownloadType) => {
    const record = requireVideo(ctx, c.req.param("uid"));
    requireReady(record, "A download");
    if (!record.downloads[type] || record.downloads[type]?.status === "error")
      await startDownload(ctx, record.uid, type);
    return ok(c, describe(ctx, record));
  };
  const remove = async (c: Context, type: DownloadType) => {
    const record = requireVideo(ctx, c.req.param("uid"));
    if (!record.downloads[type]) throw notFound(`Video ${record.uid} has no ${type} download.`);
    await removeDownload(ctx, record.uid, type);
    return ok(c, "ok");
  };

  app.get(`${API}/:uid/downloads`, (c) =>
    ok(c, describe(ctx, requireVideo(ctx, c.req.param("uid")))),
  );
  app.post(`${API}/:uid/downloads`, (c) => create(c, "default"));
  app.delete(`${API}/:uid/downloads`, (c) => remove(c, "default"));
  app.post(`${API}/:uid/downloads/:type`, (c) => create(c, downloadType(c.req.param("type"))));
  app.delete(`${API}/:uid/downloads/:type`, (c) => remove(c, downloadType(c.req.param("type"))));
}

/** `/<id>/downloads/default.mp4|audio.m4a`, with `?filename=` naming the saved file. */
export function downloadFile(
  c: Context,
  ctx: EmulatorContext,
  record: VideoRecord,
  file: string,
): Promise<Response> | Response {
  const type = (Object.keys(DOWNLOAD_FILES) as DownloadType[]).find(
    (t) => DOWNLOAD_FILES[t] === file,
  );
  if (!type) return c.text("Not found", 404);
  if (record.downloads[type]?.status !== "ready") {
    return c.text(
      `No ready ${type} download; create it with POST /stream/${record.uid}/downloads first.`,
      404,
    );
  }
  const name = c.req.query("filename");
  if (name !== undefined && !/^[A-Za-z0-9_-]{1,120}$/.test(name)) {
    return c.text("filename: up to 120 letters, digits, _ or -", 400);
  }
  const extension = type === "default" ? "mp4" : "m4a";
  return serveFile(c, downloadPath(ctx, record.uid, type), {
    contentType: type === "default" ? "video/mp4" : "audio/mp4",
    downloadName: `${name ?? record.uid}.${extension}`,
  });
}
