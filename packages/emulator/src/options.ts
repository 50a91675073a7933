import path from "node:path";
import { BASIC_UPLOAD_MAX_BYTES } from "@streamkit/core/upload";
import { type FaultConfig, parseFaultConfig } from "./faults";

/**
 * Fixed development credentials, so that examples, `.env` files and docs work without setup.
 * They protect nothing: the emulator is a local tool and binds to loopback by default.
 */
export const DEFAULT_ACCOUNT_ID = "023e105f4ecef8ad9ca31a8372d0c353";
export const DEFAULT_TOKEN = "streamkit-dev-token";
export const DEFAULT_CUSTOMER_CODE = "streamkitdev0000";

export interface ProcessingOptions {
  /** Jobs (encodes, MP4 downloads) running at once. Defaults to 2. */
  concurrency?: number;
  /**
   * Rendition heights to aim for, largest first. Heights above the source are dropped and the
   * ladder is topped up so there are always at least two renditions. Defaults to 1080/720/480/360.
   */
  ladder?: number[];
  /** x264 preset; `ultrafast` makes tests quick. Defaults to `veryfast`. */
  preset?: string;
  /** HLS segment length in seconds. Defaults to 2. */
  segmentSeconds?: number;
  /** Delay before a generated caption turns ready, in ms. Defaults to 1500. */
  captionDelayMs?: number;
}

export interface WebhookOptions {
  /** Wait before each retry, in ms; its length bounds the retries. Defaults to 1, 5, 15, 60 s. */
  retryDelaysMs?: number[];
  /** Per-attempt timeout in ms. Defaults to 10 s. */
  timeoutMs?: number;
}

export interface LimitOptions {
  /** Largest basic / direct-upload file in bytes. Defaults to 200 MB, as Cloudflare. */
  basicUploadBytes?: number;
}

/** Where live notifications go: a Notifications webhook destination and its optional secret. */
export interface LiveNotificationTarget {
  url: string;
  /** Sent as is in `cf-webhook-auth` on every dispatch (Notifications does not sign). */
  secret?: string;
}

/** Where broadcasters reach the live service; the URLs of every live input point here. */
export interface LiveOptions {
  /** Where the RTMP ingest listens; 0 (the default) picks a free port. */
  rtmpPort?: number;
  /** The port in the SRT URLs (SRT ingest is not emulated). Defaults to 8890. */
  srtPort?: number;
  /**
   * How long a broadcaster whose connection broke may take to come back (`reconnecting`) before
   * the broadcast ends, when the input's `recording.timeoutSeconds` is 0. Defaults to 10000.
   */
  reconnectWindowMs?: number;
  /**
   * Where live input notifications (`live_input.connected`, `.disconnected`, `.errored`) are
   * sent, in Cloudflare Notifications' format, with `secret` in `cf-webhook-auth`. None by default.
   */
  notifications?: LiveNotificationTarget;
}

export interface EmulatorOptions {
  /** 0 picks a free port. Defaults to 0. */
  port?: number;
  /** Defaults to 127.0.0.1. */
  host?: string;
  /** Where videos, uploads, keys and samples live; survives restarts. */
  dataDir: string;
  /** Bearer token the API accepts. Defaults to {@link DEFAULT_TOKEN}. */
  token?: string;
  /** Defaults to {@link DEFAULT_ACCOUNT_ID}. */
  accountId?: string;
  /** Only echoed back: delivery URLs always point at the emulator itself. */
  customerCode?: string;
  /**
   * The ffmpeg binary; `ffprobe` is looked for beside it, then on PATH. `false` forces degraded
   * mode (no transcoding), which tests use to cover machines without ffmpeg.
   */
  ffmpegPath?: string | false;
  ffprobePath?: string;
  /**
   * The origin clients should use when it differs from `http://host:port` (a reverse proxy, a
   * container port mapping). Every URL the API hands out starts with it.
   */
  publicUrl?: string;
  processing?: ProcessingOptions;
  webhooks?: WebhookOptions;
  limits?: LimitOptions;
  live?: LiveOptions;
  /** Generate the sample videos in the background at start. Defaults to true. */
  samples?: boolean;
  /** Where log lines go. Defaults to console.log with a prefix; `false` silences them. */
  log?: ((line: string) => void) | false;
  /**
   * Fault injection rules (latency, 5xx, 429, connection resets, malformed or HTML bodies,
   * truncated uploads), changeable at runtime through `/__emulator/faults`. None by default.
   */
  faults?: FaultConfig | FaultConfig["rules"];
}

export interface ResolvedOptions {
  port: number;
  host: string;
  dataDir: string;
  token: string;
  accountId: string;
  customerCode: string;
  ffmpegPath: string | false | undefined;
  ffprobePath: string | undefined;
  publicUrl: string | undefined;
  processing: Required<ProcessingOptions>;
  webhooks: Required<WebhookOptions>;
  limits: Required<LimitOptions>;
  live: Required<Omit<LiveOptions, "notifications">> & Pick<LiveOptions, "notifications">;
  samples: boolean;
  log: (line: string) => void;
  faults: FaultConfig | undefined;
}

const ACCOUNT_ID = /^[0-9a-f]{32}$/;

export function resolveOptions(options: EmulatorOptions): ResolvedOptions {
  if (typeof options?.dataDir !== "string" || options.dataDir === "") {
    throw new TypeError("startEmulator: `dataDir` is required (a directory for videos and state)");
  }
  const accountId = options.accountId ?? DEFAULT_ACCOUNT_ID;
  if (!ACCOUNT_ID.test(accountId)) {
    throw new TypeError(
      `startEmulator: accountId must be 32 lowercase hex characters, got ${JSON.stringify(accountId)}`,
    );
  }
  const concurrency = options.processing?.concurrency ?? 2;
  if (!Number.isInteger(concurrency) || concurrency < 1) {
    throw new TypeError("startEmulator: processing.concurrency must be a whole number ≥ 1");
  }
  const log =
    options.log === false
      ? () => {}
      : (options.log ?? ((line: string) => console.log(`[streamkit-emulator] ${line}`)));
  return {
    port: options.port ?? 0,
    host: options.host ?? "127.0.0.1",
    dataDir: path.resolve(options.dataDir),
    token: options.token ?? DEFAULT_TOKEN,
    accountId,
    customerCode: options.customerCode ?? DEFAULT_CUSTOMER_CODE,
    ffmpegPath: options.ffmpegPath,
    ffprobePath: options.ffprobePath,
    publicUrl: options.publicUrl?.replace(/\/+$/, ""),
    processing: {
      concurrency,
      ladder: options.processing?.ladder ?? [1080, 720, 480, 360],
      preset: options.processing?.preset ?? "veryfast",
      segmentSeconds: options.processing?.segmentSeconds ?? 2,
      captionDelayMs: options.processing?.captionDelayMs ?? 1500,
    },
    webhooks: {
      retryDelaysMs: options.webhooks?.retryDelaysMs ?? [1_000, 5_000, 15_000, 60_000],
      timeoutMs: options.webhooks?.timeoutMs ?? 10_000,
    },
    limits: {
      // Stream's "200 MB", read as core reads it (200,000,000 bytes), so the engine and the
      // emulator agree on which files need tus.
      basicUploadBytes: options.limits?.basicUploadBytes ?? BASIC_UPLOAD_MAX_BYTES,
    },
    live: {
      rtmpPort: options.live?.rtmpPort ?? 0,
      srtPort: options.live?.srtPort ?? 8890,
      reconnectWindowMs: options.live?.reconnectWindowMs ?? 10_000,
      notifications: liveNotifications(options.live?.notifications),
    },
    samples: options.samples ?? true,
    log,
    faults: options.faults === undefined ? undefined : startupFaults(options.faults),
  };
}

export function liveNotifications(
  target: LiveNotificationTarget | undefined,
  where = "startEmulator: live.notifications",
): LiveNotificationTarget | undefined {
  if (target === undefined) return undefined;
  let url: URL | undefined;
  try {
    url = new URL(target.url);
  } catch {}
  if (!url || !/^https?:$/.test(url.protocol)) {
    throw new TypeError(`${where}.url must be an http(s) URL, got ${JSON.stringify(target.url)}`);
  }
  if (target.secret !== undefined && typeof target.secret !== "string") {
    throw new TypeError(`${where}.secret must be a string`);
  }
  return { url: url.href, ...(target.secret ? { secret: target.secret } : {}) };
}

function startupFaults(value: unknown): FaultConfig {
  try {
    return parseFaultConfig(value);
  } catch (error) {
    throw new TypeError(`startEmulator: ${error instanceof Error ? error.message : String(error)}`);
  }
}
