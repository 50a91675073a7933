import type { StreamClient } from "../client";
import { UPLOAD_SETTINGS_FIELDS } from "../requests/fields";
import type { DirectUploadRequest } from "../types";
import type { FileRules } from "./fileChecks";
import { maxDurationFor } from "./fileChecks";
import type { UploadProtocol } from "./state";
import type { UploadUrlStorage } from "./storage";

/** Settings of the new video, as `POST /stream/direct_upload` takes them (tus: as metadata). */
export type UploadVideoSettings = Pick<
  DirectUploadRequest,
  | "creator"
  | "meta"
  | "requireSignedURLs"
  | "allowedOrigins"
  | "thumbnailTimestampPct"
  | "scheduledDeletion"
  | "watermark"
  | "expiry"
>;

export interface UploadOptions extends UploadVideoSettings, FileRules {
  /** The proxy client (`createStreamClient`); targets come from it, bytes go to them directly. */
  client: StreamClient;
  /** `meta.name` of the video. Defaults to the file's name. */
  name?: string;
  /** `auto` (default): basic POST up to 200 MB, tus above. */
  protocol?: "auto" | UploadProtocol;
  /**
   * Read the duration in the browser (refuse files over `maxDurationSeconds`; send a close
   * `maxDurationSeconds` to Stream). Defaults to true; a function replaces the reader.
   */
  readDuration?: boolean | ((file: Blob) => Promise<number | undefined>);
  /** Milliseconds the duration reader may take. Defaults to 5000. */
  durationTimeoutMs?: number;
  /** tus chunk size; clamped to Stream's rules (see `tusChunkSize`). */
  chunkSize?: number;
  /**
   * Waits before each retry of a failure the retry policy calls worth retrying (`isRetryable`);
   * their count bounds the retries, and the server's `retry-after` is a floor under each.
   */
  retryDelays?: readonly number[];
  /** Look for an earlier tus upload of the same file and continue it. Defaults to true. */
  resume?: boolean;
  /** Where tus URLs are remembered. Defaults to tus-js-client's (localStorage in browsers). */
  urlStorage?: UploadUrlStorage;
}

export const DEFAULT_RETRY_DELAYS: readonly number[] = [1_000, 3_000, 5_000, 10_000, 20_000];

/** Every setting but `meta`, which is merged with the name below. */
const SETTINGS = UPLOAD_SETTINGS_FIELDS.filter((key) => key !== "meta");

/** The new video's settings: the options' fields, `meta.name`, and a close `maxDurationSeconds`. */
export interface VideoSettings extends UploadVideoSettings {
  meta: Record<string, unknown>;
  maxDurationSeconds: number;
}

/** The upload settings among `options`, as `checkUploadSettings` takes them. */
export function pickSettings(options: UploadOptions): UploadVideoSettings {
  const picked: Record<string, unknown> = {};
  for (const key of UPLOAD_SETTINGS_FIELDS) {
    if (options[key] !== undefined) picked[key] = options[key];
  }
  return picked as UploadVideoSettings;
}

export function videoSettings(
  options: UploadOptions,
  name: string,
  durationSeconds: number | undefined,
): VideoSettings {
  const settings: VideoSettings = {
    meta: { ...options.meta, name },
    maxDurationSeconds: maxDurationFor(durationSeconds, options.maxDurationSeconds),
  };
  for (const key of SETTINGS) {
    if (options[key] !== undefined) Object.assign(settings, { [key]: options[key] });
  }
  // An `expiry` already past (a retry after the link expired) would be refused: the new link
  // gets Stream's default lifetime instead.
  if (typeof settings.expiry === "string" && Date.parse(settings.expiry) <= Date.now()) {
    delete settings.expiry;
  }
  return settings;
}

export function fileName(file: Blob): string {
  return typeof File !== "undefined" && file instanceof File && file.name ? file.name : "video";
}
