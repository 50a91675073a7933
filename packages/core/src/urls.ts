import { customerOrigin } from "./defaults";
import { StreamValidationError } from "./errors";
import { assertHttpUrl, assertNumberInRange, isUid } from "./validate";

/** Where delivery URLs point: an account's customer code, or any origin (emulator, custom domain). */
export type DeliveryConfig =
  | { customerCode: string; deliveryOrigin?: undefined }
  | { deliveryOrigin: string; customerCode?: undefined };

const CUSTOMER_CODE = /^[a-z0-9]{1,64}$/;
/** A signed token is a JWT: three base64url parts. */
const TOKEN = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;
const DURATION = /^(?:\d+h)?(?:\d+m)?(?:\d+(?:\.\d+)?s)?$/;

/** The delivery origin, without a trailing slash. */
export function deliveryOrigin(config: DeliveryConfig): string {
  if (config?.deliveryOrigin !== undefined) {
    return assertHttpUrl(config.deliveryOrigin, "deliveryOrigin").replace(/\/+$/, "");
  }
  if (typeof config?.customerCode === "string" && CUSTOMER_CODE.test(config.customerCode)) {
    return customerOrigin(config.customerCode);
  }
  throw new StreamValidationError(
    "customerCode",
    "give a customerCode (lowercase letters and digits) or a deliveryOrigin",
  );
}

/** A uid, or a signed token that stands in for it in every delivery URL. */
export function assertDeliveryId(id: unknown, field = "uid"): string {
  if (isUid(id) || (typeof id === "string" && id.length < 4096 && TOKEN.test(id))) return id;
  throw new StreamValidationError(field, "expected a 32-hex video uid or a signed token");
}

function build(config: DeliveryConfig, id: string, path: string, query?: URLSearchParams): string {
  const base = `${deliveryOrigin(config)}/${encodeURIComponent(assertDeliveryId(id))}${path}`;
  const qs = query?.toString();
  return qs ? `${base}?${qs}` : base;
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
  /** Image URL shown before playback. */
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

export function iframeParams(params: IframeParams = {}): URLSearchParams {
  const q = new URLSearchParams();
  if (params.autoplay) q.set("autoplay", "true");
  if (params.muted) q.set("muted", "true");
  if (params.loop) q.set("loop", "true");
  if (params.controls !== undefined) q.set("controls", String(params.controls));
  if (params.preload !== undefined) {
    if (![true, false, "auto", "metadata", "none"].includes(params.preload)) {
      throw new StreamValidationError(
        "preload",
        'expected "auto", "metadata", "none" or a boolean',
      );
    }
    q.set("preload", String(params.preload));
  }
  if (params.poster !== undefined) q.set("poster", assertHttpUrl(params.poster, "poster"));
  if (params.startTime !== undefined)
    q.set("startTime", durationParam(params.startTime, "startTime"));
  if (params.defaultTextTrack !== undefined) q.set("defaultTextTrack", params.defaultTextTrack);
  if (params.primaryColor !== undefined) q.set("primaryColor", params.primaryColor);
  if (params.letterboxColor !== undefined) q.set("letterboxColor", params.letterboxColor);
  if (params.adUrl !== undefined) q.set("ad-url", assertHttpUrl(params.adUrl, "adUrl"));
  return q;
}

/** `https://customer-<code>.cloudflarestream.com/<id>/iframe?…` */
export function iframeUrl(id: string, config: DeliveryConfig, params?: IframeParams): string {
  return build(config, id, "/iframe", iframeParams(params));
}

export function watchUrl(id: string, config: DeliveryConfig): string {
  return build(config, id, "/watch");
}

export type ThumbnailFit = "crop" | "clip" | "scale" | "fill";

export interface ThumbnailParams {
  /** Seconds or a duration (`1m2s`). Without it the API uses `thumbnailTimestampPct`. */
  time?: number | string;
  height?: number;
  width?: number;
  fit?: ThumbnailFit;
}

function thumbnailQuery(params: ThumbnailParams): URLSearchParams {
  const q = new URLSearchParams();
  if (params.time !== undefined) q.set("time", durationParam(params.time, "time"));
  if (params.height !== undefined)
    q.set(
      "height",
      String(assertNumberInRange(params.height, "height", 1, 4096, { integer: true })),
    );
  if (params.width !== undefined)
    q.set("width", String(assertNumberInRange(params.width, "width", 1, 4096, { integer: true })));
  if (params.fit !== undefined) {
    if (!["crop", "clip", "scale", "fill"].includes(params.fit)) {
      throw new StreamValidationError("fit", 'expected "crop", "clip", "scale" or "fill"');
    }
    q.set("fit", params.fit);
  }
  return q;
}

export function thumbnailUrl(
  id: string,
  config: DeliveryConfig,
  params: ThumbnailParams = {},
): string {
  return build(config, id, "/thumbnails/thumbnail.jpg", thumbnailQuery(params));
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
  const q = thumbnailQuery(params);
  if (params.duration !== undefined) q.set("duration", durationParam(params.duration, "duration"));
  if (params.fps !== undefined) q.set("fps", String(assertNumberInRange(params.fps, "fps", 1, 15)));
  return build(config, id, "/thumbnails/thumbnail.gif", q);
}

export function hlsUrl(
  id: string,
  config: DeliveryConfig,
  params: { clientBandwidthHint?: number } = {},
): string {
  const q = new URLSearchParams();
  if (params.clientBandwidthHint !== undefined) {
    q.set(
      "clientBandwidthHint",
      String(assertNumberInRange(params.clientBandwidthHint, "clientBandwidthHint", 0.01, 1000)),
    );
  }
  return build(config, id, "/manifest/video.m3u8", q);
}

export function dashUrl(id: string, config: DeliveryConfig): string {
  return build(config, id, "/manifest/video.mpd");
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
  const type = params.type ?? "default";
  if (type !== "default" && type !== "audio")
    throw new StreamValidationError("type", 'expected "default" or "audio"');
  const q = new URLSearchParams();
  if (params.filename !== undefined) {
    if (!/^[A-Za-z0-9_-]{1,120}$/.test(params.filename)) {
      throw new StreamValidationError("filename", "up to 120 letters, digits, _ or -");
    }
    q.set("filename", params.filename);
  }
  return build(
    config,
    id,
    type === "default" ? "/downloads/default.mp4" : "/downloads/audio.m4a",
    q,
  );
}

function durationParam(value: number | string, field: string): string {
  if (typeof value === "number") return `${assertNumberInRange(value, field, 0, 1e7)}s`;
  if (typeof value === "string" && value !== "" && /^\d+(\.\d+)?$/.test(value)) return `${value}s`;
  if (typeof value === "string" && value !== "" && DURATION.test(value)) return value;
  throw new StreamValidationError(
    field,
    `expected seconds or a duration like 1m30s, got ${JSON.stringify(value)}`,
  );
}
