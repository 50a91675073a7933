import type { PlayerParams } from "./params";
import { MEDIA_EVENTS, MESSAGE_TYPE, READONLY_PROPERTIES, WRITABLE_PROPERTIES } from "./protocol";

/** Where the delivery origin serves hls.js to its player pages. */
export const HLS_SCRIPT_PATH = "/embed/hls.min.js";

export interface PlayerPage {
  /** The uid or token the page was opened with; URLs below are built on it. */
  id: string;
  params: PlayerParams;
  /** HLS master playlist, played with hls.js (or natively where there is no MSE). */
  hls?: string;
  /** A file the browser plays directly (degraded mode). */
  file?: string;
  /** The still shown before playback; empty for none (a live window has no thumbnail). */
  poster: string;
  captions: Array<{ language: string; label: string; src: string }>;
  /** Shown instead of the video while processing or after an error. */
  message?: string;
  /** Reload the page after this many ms (the video is still processing). */
  reloadMs?: number;
  /** Tell the embedding page through an `error` event (errored video, bad token). */
  failed?: boolean;
  /** A live broadcast: a LIVE marker over the video (hls.js starts live playlists at their edge). */
  live?: boolean;
  hlsScript: string;
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

/** JSON that can sit inside a <script> element. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, "\\u003c")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}

const PLAYER_SCRIPT = `
(function () {
  var cfg = JSON.parse(document.getElementById("cfg").textContent);
  var T = ${JSON.stringify(MESSAGE_TYPE)};
  var WRITABLE = ${JSON.stringify(WRITABLE_PROPERTIES)};
  var READONLY = ${JSON.stringify(READONLY_PROPERTIES)};
  var EVENTS = ${JSON.stringify(MEDIA_EVENTS)};
  var video = document.getElementById("video");
  var parentWindow = window.parent !== window ? window.parent : null;
  var extra = { src: cfg.id, poster: cfg.poster, primaryColor: cfg.params.primaryColor || "", letterboxColor: cfg.params.letterboxColor || "", defaultTextTrack: cfg.params.defaultTextTrack || "", adUrl: cfg.params.adUrl || "" };
  var sent = {};
  function post(msg) { if (parentWindow) parentWindow.postMessage(msg, "*"); }
  function message(type, fields) { var m = fields || {}; m[T] = type; post(m); }
  function ranges(r) { var out = []; if (!r) return out; for (var i = 0; i < r.length; i++) out.push({ start: r.start(i), end: r.end(i) }); return out; }
  function value(name) {
    if (!video) return name in extra ? extra[name] : (name === "paused" ? true : name === "duration" ? NaN : name === "currentTime" ? 0 : undefined);
    if (name in extra) return extra[name];
    if (name === "preload") return video.preload;
    return video[name];
  }
  function syncProperties(force) {
    var names = WRITABLE.concat(READONLY);
    for (var i = 0; i < names.length; i++) {
      var name = names[i];
      if (name === "buffered" || name === "played") continue;
      var v = value(name);
      if (typeof v === "number" && isNaN(v)) v = null;
      if (force || sent[name] !== v) { sent[name] = v; message("propertyChange", { property: name, value: v }); }
    }
    if (video) {
      var b = JSON.stringify(ranges(video.buffered));
      if (force || sent.buffered !== b) { sent.buffered = b; message("bufferedTimeRangesUpdate", { timeRanges: JSON.parse(b) }); }
      var p = JSON.stringify(ranges(video.played));
      if (force || sent.played !== p) { sent.played = p; message("playedTimeRangesUpdate", { timeRanges: JSON.parse(p) }); }
    }
  }
  function emit(name) { syncProperties(false); message("event", { eventName: name }); }
  function applyColors() {
    var root = document.documentElement.style;
    if (extra.primaryColor) root.setProperty("--primary", extra.primaryColor);
    if (extra.letterboxColor) root.setProperty("--letterbox", extra.letterboxColor);
  }
  function setProperty(name, v) {
    if (WRITABLE.indexOf(name) < 0) return;
    if (name in extra) { extra[name] = v == null ? "" : String(v); if (name === "poster" && video) video.poster = extra.poster; applyColors(); }
    else if (video) {
      if (name === "currentTime" || name === "volume" || name === "playbackRate") { var n = Number(v); if (isFinite(n)) video[name] = n; }
      else if (name === "preload") video.preload = v === true ? "auto" : String(v);
      else video[name] = !!v;
    }
    syncProperties(false);
  }
  window.addEventListener("message", function (e) {
    if (e.source !== parentWindow || !e.data || typeof e.data !== "object") return;
    var d = e.data;
    switch (d[T]) {
      case "setProperty": setProperty(d.property, d.value); break;
      case "playCommand":
        if (!video) { message("playResult", { requestId: d.requestId, ok: false, error: "NotSupportedError" }); break; }
        startLoading();
        video.play().then(function () { message("playResult", { requestId: d.requestId, ok: true }); },
          function (err) { message("playResult", { requestId: d.requestId, ok: false, error: (err && err.name) || "Error", detail: String(err && err.message || err) }); });
        break;
      case "pauseCommand": if (video) video.pause(); break;
      case "sync": message("iframeReady"); syncProperties(true); break;
    }
  });
  var hls = null;
  var loading = false;
  function startLoading() { if (hls && !loading) { loading = true; hls.startLoad(cfg.params.startTime || -1); } }
  if (video) {
    EVENTS.forEach(function (name) { video.addEventListener(name, function () { emit(name); }); });
    if (cfg.params.startTime) video.addEventListener("loadedmetadata", function once() {
      video.removeEventListener("loadedmetadata", once);
      if (video.currentTime < cfg.params.startTime) video.currentTime = cfg.params.startTime;
    });
    var lazy = cfg.params.preload === "none" && !cfg.params.autoplay;
    if (cfg.hls && window.Hls && window.Hls.isSupported()) {
      // Captions stay the page's own <track> elements (they honour defaultTextTrack); hls.js
      // leaves the manifest's subtitle renditions to them instead of adding a second set.
      hls = new window.Hls({ autoStartLoad: !lazy, startPosition: cfg.params.startTime || -1, renderTextTracksNatively: false });
      loading = !lazy;
      hls.on(window.Hls.Events.ERROR, function (_e, data) { if (data && data.fatal) emit("error"); });
      hls.loadSource(cfg.hls);
      hls.attachMedia(video);
      video.addEventListener("play", startLoading);
    } else if (cfg.hls && video.canPlayType("application/vnd.apple.mpegurl")) {
      // Native HLS shows the manifest's subtitle renditions itself: the <track> elements would
      // list every caption twice.
      var own = video.querySelectorAll("track");
      for (var k = 0; k < own.length; k++) own[k].remove();
      if (cfg.params.defaultTextTrack) video.addEventListener("loadedmetadata", function () {
        for (var t = 0; t < video.textTracks.length; t++) if (video.textTracks[t].language === cfg.params.defaultTextTrack) video.textTracks[t].mode = "showing";
      });
      video.src = cfg.hls;
    } else if (cfg.file) {
      video.src = cfg.file;
    }
    if (cfg.params.autoplay) {
      var attempt = video.play();
      if (attempt && attempt.catch) attempt.catch(function () {});
    }
  }
  applyColors();
  message("iframeReady");
  syncProperties(true);
  if (cfg.failed) message("event", { eventName: "error" });
  if (cfg.reloadMs) setTimeout(function () { location.reload(); }, cfg.reloadMs);
})();
`;

/** The `/<id>/iframe` page: a <video> driven by hls.js that speaks the SDK protocol to its parent. */
export function renderPlayerPage(page: PlayerPage): string {
  const p = page.params;
  const attrs = [
    'id="video"',
    "playsinline",
    `preload="${p.preload}"`,
    (p.poster ?? page.poster) ? `poster="${escapeHtml(p.poster ?? page.poster)}"` : "",
    p.autoplay ? "autoplay" : "",
    p.muted ? "muted" : "",
    p.loop ? "loop" : "",
    p.controls ? "controls" : "",
    'crossorigin="anonymous"',
  ].filter(Boolean);
  const tracks = page.captions
    .map(
      (t) =>
        `<track kind="subtitles" src="${escapeHtml(t.src)}" srclang="${escapeHtml(t.language)}" label="${escapeHtml(t.label)}"${t.language === p.defaultTextTrack ? " default" : ""}>`,
    )
    .join("");
  const body = page.message
    ? `<div class="message" role="status">${escapeHtml(page.message)}</div>`
    : `<video ${attrs.join(" ")}>${tracks}</video>${page.live ? '<div class="live">LIVE</div>' : ""}`;
  const config = {
    id: page.id,
    params: { ...p, poster: p.poster ?? page.poster },
    hls: page.hls,
    file: page.file,
    poster: p.poster ?? page.poster,
    reloadMs: page.reloadMs,
    failed: page.failed,
  };
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Stream player (streamkit emulator)</title>
<style>
:root { --primary: #f6821f; --letterbox: #000; }
html, body { margin: 0; height: 100%; background: var(--letterbox); overflow: hidden; }
video { width: 100%; height: 100%; display: block; background: var(--letterbox); object-fit: contain; accent-color: var(--primary); }
.live { position: absolute; top: 10px; left: 10px; padding: 2px 8px; border-radius: 3px; background: #d92d20; color: #fff; font: 600 12px/1.4 system-ui, sans-serif; letter-spacing: 0.05em; pointer-events: none; }
.message { color: #eee; font: 15px/1.4 system-ui, sans-serif; display: flex; align-items: center; justify-content: center; height: 100%; padding: 1em; box-sizing: border-box; text-align: center; border-top: 3px solid var(--primary); }
</style>
${page.hls ? `<script src="${escapeHtml(page.hlsScript)}"></script>` : ""}
</head>
<body>
${body}
<script type="application/json" id="cfg">${scriptJson(config)}</script>
<script>${PLAYER_SCRIPT}</script>
</body>
</html>`;
}

/** The `/<id>/watch` page: a plain page around the player, like Stream's hosted watch page. */
export function renderWatchPage(title: string, iframeSrc: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>
body { margin: 0; background: #111; color: #eee; font: 16px/1.4 system-ui, sans-serif; }
main { max-width: 960px; margin: 0 auto; padding: 24px; }
.frame { position: relative; padding-top: 56.25%; }
iframe { position: absolute; inset: 0; width: 100%; height: 100%; border: 0; }
</style>
</head>
<body>
<main>
<h1>${escapeHtml(title)}</h1>
<div class="frame"><iframe src="${escapeHtml(iframeSrc)}" allow="accelerometer; gyroscope; autoplay; encrypted-media; picture-in-picture;" allowfullscreen></iframe></div>
</main>
</body>
</html>`;
}
