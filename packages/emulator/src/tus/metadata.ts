import { MAX_DURATION_SECONDS } from "@streamkit/core";
import { ApiError, badRequest } from "../envelope";
import {
  checkAllowedOrigins,
  checkScheduledDeletion,
  type VideoSettings,
} from "../http/video-settings";
import { isUid } from "../ids";

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
/** tus keys: no spaces or commas (they delimit), and printable ASCII (tus 1.0.0 says ASCII). */
const KEY = /^[\x21-\x2b\x2d-\x7e]+$/;
const UTF8 = new TextDecoder("utf-8", { fatal: true });

/** Stream's own keys (§3.6), matched case-insensitively; each may appear once. */
export const SETTING_KEYS = [
  "name",
  "requiresignedurls",
  "allowedorigins",
  "thumbnailtimestamppct",
  "watermark",
  "scheduleddeletion",
  "maxdurationseconds",
  "expiry",
] as const;

const quote = (text: string) => JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}…` : text);

/** Standard base64 (padded, or unpadded with a possible length), decoded as UTF-8; else a 400. */
function decodeValue(key: string, value: string): string {
  const padded = value.includes("=");
  if (!BASE64.test(value) || value.length % 4 === 1 || (padded && value.length % 4 !== 0))
    throw badRequest(`Upload-Metadata: the value of ${quote(key)} is not base64.`);
  try {
    return UTF8.decode(Buffer.from(value, "base64"));
  } catch {
    throw badRequest(`Upload-Metadata: the value of ${quote(key)} is not UTF-8 text.`);
  }
}

/**
 * `Upload-Metadata`: comma-separated `key base64(value)` pairs; a key alone is a flag (tus 1.0.0),
 * and so is a key with an empty value (`null` here: tus makes no difference between them).
 * Keys keep their case here; Stream matches the ones it knows case-insensitively, so those may
 * not appear twice in any case. Anything malformed is a 400 (`ApiError`), never another error.
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
      throw badRequest(`Upload-Metadata: ${quote(item)} is not "key base64value".`);
    if (!KEY.test(key))
      throw badRequest(`Upload-Metadata: the key ${quote(key)} is not printable ASCII.`);
    const lower = key.toLowerCase();
    const id = (SETTING_KEYS as readonly string[]).includes(lower) ? lower : key;
    if (seen.has(id)) throw badRequest(`Upload-Metadata: ${quote(key)} appears twice.`);
    seen.add(id);
    pairs.push([key, value === undefined || value === "" ? null : decodeValue(key, value)]);
  }
  return pairs;
}

export interface TusSettings extends VideoSettings {
  /** Direct-user constraint: when the URL stops accepting a new upload. */
  expiry?: string;
}

/** A plain decimal, as `String(number)` writes it (`0.5`, `1e-7`); not `0x1`, not blank. */
/** Runs a check shared with JSON bodies; its 400 says that the problem is in the header. */
function inHeader<T>(key: string, check: () => T): T {
  try {
    return check();
  } catch (error) {
    if (error instanceof ApiError) throw badRequest(`Upload-Metadata ${key}: ${error.message}`);
    throw error;
  }
}

const DECIMAL = /^(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

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
  // Defined, not assigned: a key such as `__proto__` is a meta key like any other.
  const put = (key: string, value: string) =>
    Object.defineProperty(meta, key, {
      value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  for (const [key, value] of pairs) {
    const text = value ?? "";
    switch (key.toLowerCase()) {
      case "name":
        put("name", text);
        break;
      case "requiresignedurls":
        settings.requireSignedURLs = truthy(value);
        break;
      case "allowedorigins":
        settings.allowedOrigins = inHeader(key, () =>
          checkAllowedOrigins(
            text
              .split(",")
              .map((s) => s.trim())
              .filter(Boolean),
          ),
        );
        break;
      case "thumbnailtimestamppct": {
        const pct = DECIMAL.test(text) ? Number(text) : Number.NaN;
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
        settings.scheduledDeletion =
          inHeader(key, () => checkScheduledDeletion(new Date(at).toISOString())) ?? null;
        break;
      }
      case "maxdurationseconds": {
        const max = /^\d{1,9}$/.test(text) ? Number(text) : Number.NaN;
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
        put(key, text);
    }
  }
  settings.meta = meta;
  return settings;
}
