import { mkdir, rename, rm } from "node:fs/promises";
import type { EmulatorContext } from "../context";
import type { DownloadType } from "../records";
import { progressParser, run } from "./ffmpeg";
import { Throttle } from "./throttle";

export const DOWNLOAD_FILES: Record<DownloadType, string> = {
  default: "default.mp4",
  audio: "audio.m4a",
};

/** Where a ready download lives; in degraded mode the default MP4 is the original itself. */
export function downloadPath(ctx: EmulatorContext, uid: string, type: DownloadType): string {
  const record = ctx.store.get(uid);
  if (!ctx.tools && type === "default" && record?.sourceFile)
    return ctx.store.file(uid, record.sourceFile);
  return ctx.store.file(uid, "downloads", DOWNLOAD_FILES[type]);
}

/**
 * Makes the MP4 (or M4A) download in the job queue, with its own `percentComplete`, as Stream
 * does after `POST /downloads`. Without ffmpeg an MP4 original is offered as is.
 */
export async function startDownload(
  ctx: EmulatorContext,
  uid: string,
  type: DownloadType,
): Promise<void> {
  const record = ctx.store.get(uid);
  if (!record) return;
  const tools = ctx.tools;
  if (!tools) {
    const usable = type === "default" && record.media?.sourceContentType === "video/mp4";
    await ctx.store.update(uid, (r) => {
      r.downloads[type] = { status: usable ? "ready" : "error", percentComplete: usable ? 100 : 0 };
    });
    return;
  }
  await ctx.store.update(uid, (r) => {
    r.downloads[type] = { status: "inprogress", percentComplete: 0 };
  });
  void ctx.queue.add(`download:${type}:${uid}`, async (signal) => {
    const current = ctx.store.get(uid);
    if (!current?.sourceFile) return;
    if (type === "audio" && current.media && !current.media.hasAudio) {
      await ctx.store.update(uid, (r) => {
        r.downloads.audio = { status: "error", percentComplete: 0 };
      });
      return;
    }
    const target = ctx.store.file(uid, "downloads", DOWNLOAD_FILES[type]);
    const tmp = `${target}.tmp`;
    const throttle = new Throttle(300);
    const onStdout = progressParser(current.duration, (fraction) => {
      if (!throttle.ready()) return;
      ctx.store
        .update(uid, (r) => {
          const d = r.downloads[type];
          if (d?.status === "inprogress")
            d.percentComplete = Math.min(99, Math.round(fraction * 1000) / 10);
        })
        .catch(() => {});
    });
    const codec =
      type === "default"
        ? [
            "-map",
            "0:v:0",
            "-map",
            "0:a:0?",
            "-c:v",
            "libx264",
            "-preset",
            ctx.options.processing.preset,
            "-pix_fmt",
            "yuv420p",
            "-c:a",
            "aac",
            "-f",
            "mp4",
          ]
        : ["-map", "0:a:0", "-vn", "-c:a", "aac", "-b:a", "128k", "-f", "ipod"];
    try {
      await mkdir(ctx.store.file(uid, "downloads"), { recursive: true });
      await run(
        tools.ffmpeg,
        [
          "-hide_banner",
          "-nostdin",
          "-y",
          "-nostats",
          "-progress",
          "pipe:1",
          "-i",
          ctx.store.file(uid, current.sourceFile),
          ...codec,
          "-movflags",
          "+faststart",
          tmp,
        ],
        { signal, onStdout },
      );
      await rename(tmp, target);
      await ctx.store.update(uid, (r) => {
        if (r.downloads[type]) r.downloads[type] = { status: "ready", percentComplete: 100 };
      });
    } catch (error) {
      await rm(tmp, { force: true });
      if (signal.aborted) return;
      ctx.log(`download ${type} of ${uid} failed: ${String(error)}`);
      await ctx.store.update(uid, (r) => {
        if (r.downloads[type]) r.downloads[type] = { status: "error", percentComplete: 0 };
      });
    }
  });
}

export async function removeDownload(
  ctx: EmulatorContext,
  uid: string,
  type: DownloadType,
): Promise<void> {
  await ctx.queue.cancel(`download:${type}:${uid}`);
  await ctx.store.update(uid, (r) => {
    delete r.downloads[type];
  });
  if (ctx.tools) await rm(ctx.store.file(uid, "downloads", DOWNLOAD_FILES[type]), { force: true });
}

/** After a restart: MP4/M4A exports that were under way start over. */
export async function recoverDownloads(ctx: EmulatorContext): Promise<void> {
  for (const record of ctx.store.all()) {
    for (const type of ["default", "audio"] as const) {
      if (record.downloads[type]?.status === "inprogress")
        await startDownload(ctx, record.uid, type);
    }
  }
}
