import { customerOrigin, LEGACY_IFRAME_ORIGIN } from "./defaults";
import { StreamValidationError } from "./errors";
import { assertHttpUrl, assertNumberInRange, isUid } from "./validate";

/** Where delivery URLs point: an account's customer code, or any origin (emulator, custom domain). */
export type DeliveryConfig =
  | { customerCode: string; deliveryOrigin?: undefined }
  | { deliveryOrigin: string; customerCode?: undefined };

/** A signed token is a JWT: three base64url parts. */
const TOKEN = /^[\w-]+\.[\w-]+\.[\w-]+$/;
const DURATION = /^(?:\d+h)?(?:\d+m)?(?:\d+(?:\.\d+)?s)?$/;

const invalid = (field: string, message: string): never => {
  throw new StreamValidationError(field, message);
};

/** The delivery origin, without a trailing slash. */
export function deliveryOrigin(config: DeliveryConfig): string {
  if (config?.deliveryOrigin !== undefined) {
    return assertHttpUrl(config.deliveryOrigin, "deliveryOrigin").replace(/\/+$/, "");
  }
  const code = config?.customerCode;
  return typeof code === "string" && /^[a-z0-9]{1,64}$/.test(code)
    ? customerOrigin(code)
    : invalid("customerCode", "give a customer code (a-z, 0-9) or a deliveryOrigin");
}

/** A uid, or a signed token that stands in for it in every delivery URL. */
export function assertDeliveryId(id: unknown, field = "uid"): string {
  return isUid(id) || (typeof id === "string" && id.length < 4096 && TOKEN.test(id))
    ? id
    : invalid(field, "expected a 32-hex video uid or a signed token");
}

type Params = Record<string, string | undefined>;

function build(origin: string, id: string, path: string, params: Params = {}): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined) query.set(key, value);
  const qs = query.toString();
  return `${origin}/${encodeURIComponent(assertDeliveryId(id))}${path}${qs ? `?${qs}` : ""}`;
}

/** Player iframe parameters (§5.1 of the reference), with the API's names. */
export interface IframeParams {
  /** Emitted only when true: the player treats the parameter's presence as on. */
  autoplay?: boolean;
  muted?: boolean;
  loop?: boolean;
  /** The raw iframe shows controls unless `controls=false`. */
  controls?: boolean;
  preload?: "auto" | "metadata" | "none" | boolean;
  /** Image URL shown before playback; a relative one is resolved against the page (in a browser). */
  poster?: string;
  /** Seconds, or a duration like `1h12m27s`. */
  startTime?: number | string;
  /** BCP-47 code of the caption track to show at start. */
  defaultTextTrack?: string;
  primaryColor?: string;
  letterboxColor?: string;
  /** VAST tag URL, sent as `ad-url`. */
  adUrl?: string;
}

const on = (value: boolean | undefined) => (value ? "true" : undefined);
const optional = <T>(value: T | undefined, encode: (v: T) => string) =>
  value === undefined ? undefined : encode(value);

export function iframeParams(p: IframeParams = {}): URLSearchParams {
  const params: Params = {
    autoplay: on(p.autoplay),
    muted: on(p.muted),
    loop: on(p.loop),
    controls: optional(p.controls, String),
    preload: optional(p.preload, (v) =>
      [true, false, "auto", "metadata", "none"].includes(v)
        ? String(v)
        : invalid("preload", "expected auto, metadata, none or a boolean"),
    ),
    poster: optional(p.poster, (v) => assertHttpUrl(onPage(v), "poster")),
    startTime: optional(p.startTime, (v) => duration(v, "startTime")),
    defaultTextTrack: p.defaultTextTrack,
    primaryColor: p.primaryColor,
    letterboxColor: p.letterboxColor,
    "ad-url": optional(p.adUrl, (v) => assertHttpUrl(v, "adUrl")),
  };
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined) query.set(key, value);
  return query;
}

// Bundlers replace `process.env.NODE_ENV`; without one, `process` may not exist at all.
declare const process: { env: { NODE_ENV?: string } } | undefined;

/** A relative URL means what it means in the page's own `<img>`: resolved against the document. */
function onPage(value: string): string {
  const base = globalThis.document?.baseURI;
  if (!base || /^[a-z][a-z\d+.-]*:/i.test(value)) return value;
  try {
    return new URL(value, base).href;
  } catch {
    return value;
  }
}

const warned = new Set<string>();

/**
 * The poster a player's URL or SDK object can take: resolved against the page, or `undefined`
 * (with a warning once, in development) when it still is not an http(s) URL. A poster is never
 * worth failing playback for; the player shows the video's own thumbnail instead.
 */
export function playerPoster(poster: string | undefined): string | undefined {
  if (poster === undefined) return undefined;
  try {
    return assertHttpUrl(onPage(poster), "poster");
  } catch (error) {
    if (
      typeof process !== "undefined" &&
      process.env.NODE_ENV !== "production" &&
      !warned.has(poster)
    ) {
      warned.add(poster);
      console.warn(`streamkit: poster ignored, ${(error as Error).message}`);
    }
    return undefined;
  }
}

/** `https://customer-<code>.cloudflarestream.com/<id>/iframe?…` */
export function iframeUrl(id: string, config: DeliveryConfig, params?: IframeParams): string {
  return build(deliveryOrigin(config), id, "/iframe", Object.fromEntries(iframeParams(params)));
}

/** The legacy player URL, for accounts used without a customer code: `iframe.videodelivery.net/<id>`. */
export function legacyIframeUrl(id: string, params?: IframeParams): string {
  return build(LEGACY_IFRAME_ORIGIN, id, "", Object.fromEntries(iframeParams(params)));
}

export function watchUrl(id: string, config: DeliveryConfig): string {
  return build(deliveryOrigin(config), id, "/watch");
}

export type ThumbnailFit = "crop" | "clip" | "scale" | "fill";

export interface ThumbnailParams {
  /** Seconds or a duration (`1m2s`). Without it the API uses `thumbnailTimestampPct`. */
  time?: number | string;
  height?: number;
  width?: number;
  fit?: ThumbnailFit;
}

const pixels = (v: number, field: string) =>
  String(assertNumberInRange(v, field, 1, 4096, { integer: true }));

function thumbnailParams(p: ThumbnailParams): Params {
  return {
    time: optional(p.time, (v) => duration(v, "time")),
    height: optional(p.height, (v) => pixels(v, "height")),
    width: optional(p.width, (v) => pixels(v, "width")),
    fit: optional(p.fit, (v) =>
      ["crop", "clip", "scale", "fill"].includes(v)
        ? v
        : invalid("fit", "expected crop, clip, scale or fill"),
    ),
  };
}

export function thumbnailUrl(
  id: string,
  config: DeliveryConfig,
  params: ThumbnailParams = {},
): string {
  return build(deliveryOrigin(config), id, "/thumbnails/thumbnail.jpg", thumbnailParams(params));
}

export interface AnimatedThumbnailParams extends ThumbnailParams {
  /** Length of the clip: seconds or `5s`. Defaults to 5 s on the server. */
  duration?: number | string;
  /** Frames per second, 1..15. Defaults to 8 on the server. */
  fps?: number;
}

export function animatedThumbnailUrl(
  id: string,
  config: DeliveryConfig,
  params: AnimatedThumbnailParams = {},
): string {
  return build(deliveryOrigin(config), id, "/thumbnails/thumbnail.gif", {
    ...thumbnailParams(params),
    duration: optional(params.duration, (v) => duration(v, "duration")),
    fps: optional(params.fps, (v) => String(assertNumberInRange(v, "fps", 1, 15))),
  });
}

export function hlsUrl(
  id: string,
  config: DeliveryConfig,
  params: { clientBandwidthHint?: number } = {},
): string {
  return build(deliveryOrigin(config), id, "/manifest/video.m3u8", {
    clientBandwidthHint: optional(params.clientBandwidthHint, (v) =>
      String(assertNumberInRange(v, "clientBandwidthHint", 0.01, 1000)),
    ),
  });
}

export function dashUrl(id: string, config: DeliveryConfig): string {
  return build(deliveryOrigin(config), id, "/manifest/video.mpd");
}

export interface DownloadParams {
  /** `default` is the MP4, `audio` the M4A. */
  type?: "default" | "audio";
  /** Up to 120 of `[A-Za-z0-9_-]`; the extension is added by the server. */
  filename?: string;
}

export function downloadUrl(
  id: string,
  config: DeliveryConfig,
  params: DownloadParams = {},
): string {
  // Compared, not looked up: `{…}["constructor"]` would have put a function in the path.
  const type = params.type ?? "default";
  const file =
    type === "default"
      ? "default.mp4"
      : type === "audio"
        ? "audio.m4a"
        : invalid("type", `expected default or audio, got ${JSON.stringify(type)}`);
  return build(deliveryOrigin(config), id, `/downloads/${file}`, {
    filename: optional(params.filename, (v) =>
      /^[\w-]{1,120}$/.test(v) ? v : invalid("filename", "up to 120 of A-Z a-z 0-9 _ -"),
    ),
  });
}

function duration(value: number | string, field: string): string {
  if (typeof value === "number") return `${assertNumberInRange(value, field, 0, 1e7)}s`;
  if (typeof value === "string" && /^\d+(\.\d+)?$/.test(value)) return `${value}s`;
  return typeof value === "string" && value !== "" && DURATION.test(value)
    ? value
    : invalid(field, `expected seconds or a duration like 1m30s, got ${JSON.stringify(value)}`);
}
