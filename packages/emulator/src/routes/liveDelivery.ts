import { readFile } from "node:fs/promises";
import path from "node:path";
import { liveInputPhase } from "@streamkit/core/live-inputs";
import type { Context, Hono, Next } from "hono";
import type { EmulatorContext } from "../context";
import { type Denied, guard, identify } from "../delivery/access";
import { serveFile } from "../delivery/files";
import { LIVE_PLAYLIST } from "../live/packager";
import type { LiveInputRecord } from "../live/records";
import { HLS_SCRIPT_PATH, renderPlayerPage } from "../player/iframe-html";
import { readPlayerParams } from "../player/params";

type Target = { input: LiveInputRecord; denied?: Denied } | undefined;

/**
 * Delivery of a live input's uid, as Stream plays it: the same iframe and manifest URLs as a
 * video, serving the broadcast's sliding HLS window while it is on air. `<id>` is the input's uid
 * or a token signed for it; the input's `recording.requireSignedURLs` and `allowedOrigins`
 * protect the broadcast as they protect its recording. Any other id falls through to video
 * delivery (which also words a token that does not verify).
 */
export function registerLiveDeliveryRoutes(app: Hono, ctx: EmulatorContext): void {
  const targetOf = (c: Context): Target => {
    const who = identify(ctx, c, c.req.param("id") ?? "");
    const input = who.ok ? ctx.live.inputs.get(who.uid) : undefined;
    if (!who.ok || !input) return undefined;
    const { recording } = input;
    const protections = {
      requireSignedURLs: recording.requireSignedURLs === true,
      allowedOrigins: recording.allowedOrigins ?? [],
    };
    const denied = guard(ctx, c, who, protections, "live input");
    return denied ? { input, denied } : { input };
  };

  /** The window's folder once its playlist exists (ffmpeg writes it after the first segment). */
  const playlistDir = async (uid: string) => {
    const dir = ctx.live.liveDir(uid);
    if (!dir) return undefined;
    return readFile(path.join(dir, LIVE_PLAYLIST), "utf8").then(
      () => dir,
      () => undefined,
    );
  };

  const player = async (c: Context, next: Next) => {
    const target = targetOf(c);
    if (!target) return next();
    const { input, denied } = target;
    const id = c.req.param("id") ?? input.uid;
    const base = {
      id,
      params: readPlayerParams(new URL(c.req.url).searchParams),
      poster: "",
      captions: [],
      hlsScript: HLS_SCRIPT_PATH,
    };
    if (denied) {
      return c.html(
        renderPlayerPage({ ...base, message: denied.message, failed: true }),
        denied.status,
      );
    }
    if (await playlistDir(input.uid)) {
      return c.html(renderPlayerPage({ ...base, hls: `/${id}/manifest/video.m3u8`, live: true }));
    }
    const phase = liveInputPhase(input);
    const message =
      phase === "ended"
        ? "The broadcast has ended."
        : phase === "live" || phase === "reconnecting"
          ? "The broadcast is starting…"
          : "Waiting for the broadcast to start…";
    return c.html(renderPlayerPage({ ...base, message, reloadMs: 3000 }));
  };
  app.get("/:id/iframe", player);

  app.get("/:id/manifest/video.m3u8", async (c, next) => {
    const target = targetOf(c);
    if (!target) return next();
    const { input, denied } = target;
    if (denied) return c.text(denied.message, denied.status);
    if (!(await playlistDir(input.uid))) return c.text("This live input is not broadcasting.", 404);
    // One rendition: the broadcast as it comes in (Stream's live ladder is not emulated).
    const master = `#EXTM3U\n#EXT-X-VERSION:3\n#EXT-X-STREAM-INF:BANDWIDTH=2000000\nlive/${LIVE_PLAYLIST}\n`;
    return c.body(master, 200, {
      "Content-Type": "application/vnd.apple.mpegurl",
      "Cache-Control": "no-store",
    });
  });

  app.get("/:id/manifest/live/:file", async (c, next) => {
    const target = targetOf(c);
    if (!target) return next();
    const { input, denied } = target;
    if (denied) return c.text(denied.message, denied.status);
    const file = c.req.param("file");
    if (file !== LIVE_PLAYLIST && !/^seg_\d{5,6}\.ts$/.test(file)) return c.text("Not found", 404);
    const dir = await playlistDir(input.uid);
    if (!dir) return c.text("This live input is not broadcasting.", 404);
    const playlist = file === LIVE_PLAYLIST;
    return serveFile(c, path.join(dir, file), {
      contentType: playlist ? "application/vnd.apple.mpegurl" : "video/mp2t",
      maxAge: playlist ? 0 : 60,
    });
  });
}
