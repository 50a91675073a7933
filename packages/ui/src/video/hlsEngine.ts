import Hls, {
  type ErrorData,
  ErrorTypes,
  Events,
  type LoaderCallbacks,
  type LoaderConfiguration,
  type LoaderContext,
} from "hls.js";
import { type Engine, type EngineOptions, resumeAt, trackMatches } from "./engine";
import { StreamVideoError } from "./types";

/** The first path segment of a delivery URL: a 32-hex uid or a signed token (a JWT). */
const DELIVERY_ID = /^(?:[0-9a-f]{32}|[\w-]+\.[\w-]+\.[\w-]+)$/;

/**
 * `url` with the delivery id in its path (`/<uid or token>/manifest/…`) replaced by `id`, when
 * it is on `origin`. Playlists name their segments relatively, so every URL hls.js builds from a
 * playlist carries the id the playlist was loaded with: this is how a refreshed token reaches
 * the next request, with no reload.
 */
export function withDeliveryId(url: string, id: string | undefined, origin: string): string {
  if (!id) return url;
  const parsed = new URL(url);
  if (parsed.origin !== origin) return url;
  const [, first, ...rest] = parsed.pathname.split("/");
  if (!first || first === id || !DELIVERY_ID.test(first)) return url;
  parsed.pathname = `/${encodeURIComponent(id)}/${rest.join("/")}`;
  return parsed.href;
}

/** hls.js on Media Source Extensions, for browsers without native HLS (Chrome, Firefox, Edge). */
export function hlsEngine(video: HTMLVideoElement, options: EngineOptions): Engine {
  if (!Hls.isSupported()) {
    options.onFatal(
      new StreamVideoError("unsupported", "this browser plays neither HLS nor Media Source"),
    );
    return { kind: "hls.js", audio: () => [], selectAudio() {}, destroy() {} };
  }
  const origin = new URL(options.url, window.location.href).origin;
  const Base = Hls.DefaultConfig.loader;
  // Every playlist, segment and key request passes here, so each carries the current token.
  class TokenLoader extends Base {
    override load(
      context: LoaderContext,
      config: LoaderConfiguration,
      callbacks: LoaderCallbacks<LoaderContext>,
    ): void {
      context.url = withDeliveryId(context.url, options.currentId(), origin);
      super.load(context, config, callbacks);
    }
  }
  const hls = new Hls({
    ...options.config,
    loader: TokenLoader,
    // Captions and subtitles become the element's own text tracks, so the browser, a skin's
    // captions button and `textTracks` all see and switch them.
    enableWebVTT: true,
    renderTextTracksNatively: true,
    startPosition: options.resume?.time ?? -1,
    autoStartLoad: true,
  });
  let mediaRecovered = false;
  const onError = (_event: string, data: ErrorData) => {
    const status = data.response?.code;
    if (data.type === ErrorTypes.NETWORK_ERROR && (status === 401 || status === 403))
      options.onTokenRejected();
    if (!data.fatal) return;
    // A decoding error is usually recoverable once (hls.js's documented recovery).
    if (data.type === ErrorTypes.MEDIA_ERROR && !mediaRecovered) {
      mediaRecovered = true;
      hls.recoverMediaError();
      return;
    }
    options.onFatal(
      new StreamVideoError(
        data.type === ErrorTypes.NETWORK_ERROR ? "network" : "media",
        status ? `the video service answered ${status} (${data.details})` : data.details,
        status || undefined,
      ),
    );
  };
  hls.on(Events.ERROR, onError);
  hls.on(Events.AUDIO_TRACKS_UPDATED, options.onTracks);
  hls.on(Events.AUDIO_TRACK_SWITCHED, options.onTracks);
  const onParsed = () => {
    if (options.resume?.play) resumeAt(video, { time: 0, play: true });
  };
  hls.once(Events.MANIFEST_PARSED, onParsed);
  let started = false;
  const start = () => {
    if (started) return;
    started = true;
    hls.loadSource(options.url);
    hls.attachMedia(video);
  };
  if (options.deferred) video.addEventListener("play", start, { once: true });
  else start();
  return {
    kind: "hls.js",
    audio: () =>
      hls.audioTracks.map((t, i) => ({
        language: t.lang ?? "",
        label: t.name,
        enabled: i === hls.audioTrack,
      })),
    selectAudio(name) {
      const index = hls.audioTracks.findIndex((t) =>
        trackMatches({ label: t.name, language: t.lang ?? "" }, name),
      );
      if (index >= 0 && index !== hls.audioTrack) hls.audioTrack = index;
    },
    destroy() {
      video.removeEventListener("play", start);
      hls.off(Events.ERROR, onError);
      hls.off(Events.AUDIO_TRACKS_UPDATED, options.onTracks);
      hls.off(Events.AUDIO_TRACK_SWITCHED, options.onTracks);
      hls.destroy();
    },
  };
}
