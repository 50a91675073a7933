import { badRequest } from "../envelope";
import {
  checkAllowedOrigins,
  checkScheduledDeletion,
  MAX_DURATION_SECONDS,
  type VideoSettings,
} from "../http/video-settings";
import { isUid } from "../ids";

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/**
 * `Upload-Metadata`: comma-separated `key base64(value)` pairs; a key alone is a flag (tus 1.0.0).
 * Keys keep their case here; Stream matches the ones it knows case-insensitively.
 */
export function parseUploadMetadata(header: string | undefined): Array<[string, string | null]> {
  if (!header?.trim()) return [];
  const pairs: Array<[string, string | null]> = [];
  const seen = new Set<string>();
  for (const part of header.split(",")) {
    const item = part.trim();
    if (item === "") continue;
    const [key, value, extra] = item.split(" ");
    if (!key || extra !== undefined)
      throw badRequest(`Upload-Metadata: ${JSON.stringify(item)} is not "key base64value".`);
    if (seen.has(key)) throw badRequest(`Upload-Metadata: ${key} appears twice.`);
    seen.add(key);
    if (value === undefined || value === "") {
      pairs.push([key, null]);
      continue;
    }
    if (!BASE64.test(value))
      throw badRequest(`Upload-Metadata: the value of ${key} is not base64.`);
    pairs.push([key, Buffer.from(value, "base64").toString("utf8")]);
  }
  return pairs;
}

export interface TusSettings extends VideoSettings {
  /** Direct-user constraint: when the URL stops accepting a new upload. */
  expiry?: string;
}

function truthy(value: string | null): boolean {
  return value === null || !/^(false|0|no)$/i.test(value.trim());
}

/**
 * Maps metadata to video settings (§3.6): `name`, `requiresignedurls`, `allowedorigins`,
 * `thumbnailtimestamppct`, `watermark`, `scheduleddeletion`, `maxdurationseconds`, `expiry`.
 * `name` becomes `meta.name`; unknown keys (`filename`, `filetype`, …) land in `meta` as they are.
 */
export function settingsFromMetadata(pairs: Array<[string, string | null]>): TusSettings {
  const settings: TusSettings = {};
  const meta: Record<string, unknown> = {};
  for (const [key, value] of pairs) {
    const text = value ?? "";
    switch (key.toLowerCase()) {
      case "name":
        meta.name = text;
        break;
      case "requiresignedurls":
        settings.requireSignedURLs = truthy(value);
        break;
      case "allowedorigins":
        settings.allowedOrigins = checkAllowedOrigins(
          text
            .split(",")
            .map((s) => s.trim())
            .filter(Boolean),
        );
        break;
      case "thumbnailtimestamppct": {
        const pct = Number(text);
        if (!(pct >= 0 && pct <= 1))
          throw badRequest("Upload-Metadata thumbnailtimestamppct: expected 0..1.");
        settings.thumbnailTimestampPct = pct;
        break;
      }
      case "watermark":
        if (!isUid(text))
          throw badRequest("Upload-Metadata watermark: expected a watermark profile uid.");
        settings.watermark = { uid: text };
        break;
      case "scheduleddeletion": {
        const at = Date.parse(text);
        if (Number.isNaN(at))
          throw badRequest("Upload-Metadata scheduleddeletion: expected a date-time.");
        settings.scheduledDeletion = checkScheduledDeletion(new Date(at).toISOString()) ?? null;
        break;
      }
      case "maxdurationseconds": {
        const max = Number(text);
        if (!Number.isInteger(max) || max < 1 || max > MAX_DURATION_SECONDS) {
          throw badRequest(
            `Upload-Metadata maxdurationseconds: expected a whole number 1..${MAX_DURATION_SECONDS}.`,
          );
        }
        settings.maxDurationSeconds = max;
        break;
      }
      case "expiry": {
        const at = Date.parse(text);
        if (Number.isNaN(at) || at <= Date.now())
          throw badRequest("Upload-Metadata expiry: expected a future date-time.");
        settings.expiry = new Date(at).toISOString();
        break;
      }
      default:
        meta[key] = value ?? "";
    }
  }
  settings.meta = meta;
  return settings;
}
