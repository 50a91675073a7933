import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import type { Context, Hono } from "hono";
import type { EmulatorContext } from "../context";
import { type Access, resolveDelivery } from "../delivery/access";
import { dashManifest } from "../delivery/dash-files";
import { serveFile } from "../delivery/files";
import {
  audioRenditions,
  composeMaster,
  subtitlePlaylist,
  subtitleRenditions,
} from "../delivery/master";
import { isUid, looksLikeToken } from "../ids";
import { HLS_SCRIPT_PATH, renderPlayerPage, renderWatchPage } from "../player/iframe-html";
import { readPlayerParams } from "../player/params";
import { SDK_SCRIPT } from "../player/sdk";
import {
  audioRenditionIndex,
  filterMaster,
  RENDITION_FILE,
  renditionContentType,
} from "../processing/hls";
import {
  describeFailure,
  parseGifQuery,
  parseThumbnailQuery,
  VideoGone,
} from "../processing/thumbnails";
import type { VideoRecord } from "../records";
import { downloadFile } from "./downloads";

function deny(c: Context, access: Extract<Access, { ok: false }>) {
  return c.text(access.message, access.status);
}

/** Media of a video that failed answers 424 (§1); not-yet-ready media is simply not there. */
function mediaUnavailable(c: Context, record: VideoRecord): Response | undefined {
  if (record.state === "error")
    return c.text(`Video failed to process: ${record.errorReasonCode}`, 424);
  if (record.state !== "ready") return c.text(`Video is not ready yet (${record.state})`, 404);
  return undefined;
}

const notReadyText = (record: VideoRecord) =>
  record.state === "pendingupload"
    ? "Waiting for the video to be uploaded…"
    : `This video is still being processed (${record.state}${record.state === "inprogress" ? `, ${Number.parseFloat(record.pctComplete).toFixed(0)}%` : ""}).`;

/**
 * The delivery origin: player iframe and watch page, HLS manifests and segments, thumbnails,
 * downloads, captions for the player, the player SDK and hls.js. `<id>` is a uid or a signed token.
 */
export function registerDeliveryRoutes(app: Hono, ctx: EmulatorContext): void {
  const hlsScript = createRequire(import.meta.url).resolve("hls.js/dist/hls.min.js");
  let hlsSource: Promise<string> | undefined;

  app.get("/embed/sdk.latest.js", (c) =>
    c.body(SDK_SCRIPT, 200, {
      "Content-Type": "text/javascript; charset=utf-8",
      "Cache-Control": "no-cache",
    }),
  );
  app.get(HLS_SCRIPT_PATH, async (c) => {
    hlsSource ??= readFile(hlsScript, "utf8");
    return c.body(await hlsSource, 200, {
      "Content-Type": "text/javascript; charset=utf-8",
      "Cache-Control": "public, max-age=3600",
    });
  });

  const player = (c: Context) => {
    const id = c.req.param("id") ?? "";
    const params = readPlayerParams(new URL(c.req.url).searchParams);
    const access = resolveDelivery(ctx, c, id);
    const base = {
      id,
      params,
      poster: `/${id}/thumbnails/thumbnail.jpg`,
      captions: [],
      hlsScript: HLS_SCRIPT_PATH,
    };
    if (!access.ok) {
      return c.html(
        renderPlayerPage({ ...base, message: access.message, failed: true }),
        access.status,
      );
    }
    const { record } = access;
    if (record.state === "error") {
      return c.html(
        renderPlayerPage({
          ...base,
          message: `This video could not be processed (${record.errorReasonCode}).`,
          failed: true,
        }),
        424,
      );
    }
    if (record.state !== "ready") {
      return c.html(renderPlayerPage({ ...base, message: notReadyText(record), reloadMs: 3000 }));
    }
    const captions = record.captions
      .filter((t) => t.status === "ready")
      .map((t) => ({
        language: t.language,
        label: t.label,
        src: `/${id}/captions/${t.language}.vtt`,
      }));
    const media = record.media;
    if (media?.hls)
      return c.html(renderPlayerPage({ ...base, captions, hls: `/${id}/manifest/video.m3u8` }));
    if (media?.playableSource)
      return c.html(renderPlayerPage({ ...base, captions, file: `/${id}/source` }));
    return c.html(
      renderPlayerPage({
        ...base,
        message: "This video cannot be played without ffmpeg (degraded mode).",
        failed: true,
      }),
    );
  };
  app.get("/:id/iframe", player);

  app.get("/:id/watch", (c) => {
    const id = c.req.param("id");
    const access = resolveDelivery(ctx, c, id);
    if (!access.ok) return deny(c, access);
    const name = access.record.meta.name;
    return c.html(
      renderWatchPage(typeof name === "string" && name ? name : access.record.uid, `/${id}/iframe`),
    );
  });

  app.get("/:id/manifest/video.m3u8", async (c) => {
    const access = resolveDelivery(ctx, c, c.req.param("id"));
    if (!access.ok) return deny(c, access);
    const unavailable = mediaUnavailable(c, access.record);
    if (unavailable) return unavailable;
    const { record } = access;
    const media = record.media;
    if (!media?.hls) {
      return c.text(
        "No HLS: the emulator runs without ffmpeg (degraded mode); the player plays the original file.",
        404,
      );
    }
    let master: string;
    try {
      master = await readFile(ctx.store.file(record.uid, "hls", "master.m3u8"), "utf8");
    } catch {
      return c.text("Manifest missing", 404);
    }
    // fMP4 ladders carry the sound in a rendition of its own, listed as the "Original" audio.
    const sound =
      media.segments === "fmp4" && media.hasAudio
        ? `${audioRenditionIndex(media.renditions)}/index.m3u8`
        : undefined;
    const composed = composeMaster(master, {
      audio: audioRenditions(
        record.audio ?? [],
        media.hasAudio,
        (t) => `audio/${t.uid}/index.m3u8`,
        sound,
      ),
      subtitles: subtitleRenditions(record.captions, (lang) => `subtitles/${lang}.m3u8`),
      dropVariants: sound ? [sound] : [],
    });
    const hint = c.req.query("clientBandwidthHint");
    return c.body(filterMaster(composed, hint ? Number(hint) : undefined), 200, {
      "Content-Type": "application/vnd.apple.mpegurl",
      "Cache-Control": "no-store",
    });
  });

  app.get("/:id/manifest/video.mpd", async (c) => {
    const access = resolveDelivery(ctx, c, c.req.param("id"));
    if (!access.ok) return deny(c, access);
    const unavailable = mediaUnavailable(c, access.record);
    if (unavailable) return unavailable;
    const { record } = access;
    if (!record.media?.hls)
      return c.text("No DASH: the emulator runs without ffmpeg (degraded mode).", 404);
    if (record.media.segments !== "fmp4") {
      return c.text(
        "No DASH for this video: it was processed into MPEG-TS renditions before the emulator moved to fMP4; upload it again, or use the HLS manifest (video.m3u8).",
        404,
      );
    }
    const mpd = await dashManifest(ctx, record);
    if (!mpd) return c.text("Manifest missing", 404);
    return c.body(mpd, 200, {
      "Content-Type": "application/dash+xml",
      "Cache-Control": "no-store",
    });
  });

  // A ready caption as an HLS subtitle rendition: one segment, the caption's whole WebVTT.
  app.get("/:id/manifest/subtitles/:file", (c) => {
    const file = c.req.param("file");
    const language = /^([A-Za-z0-9-]{1,35})\.m3u8$/.exec(file)?.[1];
    if (!language) return c.text("Not found", 404);
    const access = resolveDelivery(ctx, c, c.req.param("id"));
    if (!access.ok) return deny(c, access);
    const unavailable = mediaUnavailable(c, access.record);
    if (unavailable) return unavailable;
    if (!access.record.captions.some((t) => t.language === language && t.status === "ready"))
      return c.text("Not found", 404);
    return c.body(subtitlePlaylist(`../../captions/${language}.vtt`, access.record.duration), 200, {
      "Content-Type": "application/vnd.apple.mpegurl",
      "Cache-Control": "no-store",
    });
  });

  app.get("/:id/manifest/:rendition/:file", (c) => {
    const { rendition, file } = c.req.param();
    if (!/^\d{1,2}$/.test(rendition) || !RENDITION_FILE.test(file)) return c.text("Not found", 404);
    const access = resolveDelivery(ctx, c, c.req.param("id"));
    if (!access.ok) return deny(c, access);
    const unavailable = mediaUnavailable(c, access.record);
    if (unavailable) return unavailable;
    const media = access.record.media;
    const sound =
      media?.segments === "fmp4" && Number(rendition) === audioRenditionIndex(media.renditions);
    return serveFile(c, ctx.store.file(access.record.uid, "hls", rendition, file), {
      contentType: renditionContentType(file, sound),
      maxAge: file.endsWith(".m3u8") ? 0 : 3600,
    });
  });

  // Additional audio tracks, named by the master playlist's audio group.
  app.get("/:id/manifest/audio/:track/:file", (c) => {
    const { track, file } = c.req.param();
    if (!isUid(track) || !RENDITION_FILE.test(file)) return c.text("Not found", 404);
    const access = resolveDelivery(ctx, c, c.req.param("id"));
    if (!access.ok) return deny(c, access);
    const unavailable = mediaUnavailable(c, access.record);
    if (unavailable) return unavailable;
    if (!access.record.audio?.some((t) => t.uid === track && t.status === "ready"))
      return c.text("Not found", 404);
    return serveFile(c, ctx.store.file(access.record.uid, "audio", track, "hls", file), {
      contentType: renditionContentType(file, true),
      maxAge: file.endsWith(".m3u8") ? 0 : 3600,
    });
  });

  // The original file: the player's source in degraded mode (not a Cloudflare URL).
  app.get("/:id/source", (c) => {
    const access = resolveDelivery(ctx, c, c.req.param("id"));
    if (!access.ok) return deny(c, access);
    const { record } = access;
    const unavailable = mediaUnavailable(c, record);
    if (unavailable) return unavailable;
    if (!record.sourceFile) return c.text("Not found", 404);
    return serveFile(c, ctx.store.file(record.uid, record.sourceFile), {
      contentType: record.media?.sourceContentType ?? "application/octet-stream",
    });
  });

  const thumbnail = (kind: "jpeg" | "gif") => async (c: Context) => {
    const access = resolveDelivery(ctx, c, c.req.param("id") ?? "");
    if (!access.ok) return deny(c, access);
    const { record } = access;
    if (record.state === "error")
      return c.text(`Video failed to process: ${record.errorReasonCode}`, 424);
    // Frames exist once the source has been probed, before the encode finishes.
    if (record.duration <= 0) return c.text(`Video is not ready yet (${record.state})`, 404);
    let image: Awaited<ReturnType<typeof ctx.thumbnails.jpeg>>;
    try {
      const query = c.req.query();
      image =
        kind === "gif"
          ? await ctx.thumbnails.gif(record, parseGifQuery(query))
          : await ctx.thumbnails.jpeg(record, parseThumbnailQuery(query));
    } catch (error) {
      if (error instanceof RangeError) return c.text(error.message, 400);
      // Deleted while the image was being made: as if the request had come a moment later.
      if (error instanceof VideoGone) return c.text("Not found", 404);
      ctx.log(`thumbnail for ${record.uid} failed: ${describeFailure(error)}`);
      return c.text("The thumbnail could not be generated.", 500);
    }
    if ("body" in image) {
      return c.body(new Uint8Array(image.body), 200, {
        "Content-Type": image.contentType,
        "Cache-Control": "public, max-age=60",
      });
    }
    return serveFile(c, image.file, { contentType: image.contentType, maxAge: 3600 });
  };
  app.get("/:id/thumbnails/thumbnail.jpg", thumbnail("jpeg"));
  app.get("/:id/thumbnails/thumbnail.gif", thumbnail("gif"));

  app.get("/:id/downloads/:file", async (c) => {
    const access = resolveDelivery(ctx, c, c.req.param("id"), "download");
    if (!access.ok) return deny(c, access);
    const unavailable = mediaUnavailable(c, access.record);
    if (unavailable) return unavailable;
    return downloadFile(c, ctx, access.record, c.req.param("file"));
  });

  app.get("/:id/captions/:file", (c) => {
    const file = c.req.param("file");
    const language = file.endsWith(".vtt") ? file.slice(0, -4) : "";
    const access = resolveDelivery(ctx, c, c.req.param("id"));
    if (!access.ok) return deny(c, access);
    const unavailable = mediaUnavailable(c, access.record);
    if (unavailable) return unavailable;
    if (!access.record.captions.some((t) => t.language === language && t.status === "ready"))
      return c.text("Not found", 404);
    return serveFile(c, ctx.store.file(access.record.uid, "captions", `${language}.vtt`), {
      contentType: "text/vtt; charset=utf-8",
    });
  });

  app.get("/:id/metadata/playerEnhancementInfo.json", (c) => {
    const access = resolveDelivery(ctx, c, c.req.param("id"));
    if (!access.ok) return deny(c, access);
    return c.json(access.record.publicDetails ?? {});
  });

  // Legacy shape `iframe.videodelivery.net/<id>`: the player without the /iframe suffix.
  app.get("/:id", (c, next) => {
    const id = c.req.param("id");
    return isUid(id) || looksLikeToken(id) ? player(c) : next();
  });
}
