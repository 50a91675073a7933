import { MAX_DURATION_SECONDS } from "@streamkit/core";
import { MAX_CREATOR_LENGTH, PUBLIC_DETAILS_FIELDS } from "@streamkit/core/requests";
import { badRequest } from "../envelope";
import { isUid } from "../ids";
import type { PublicDetails, VideoRecord } from "../records";
import { Fields } from "./body";

const DAY_MS = 86_400_000;

export type VideoSettings = Partial<
  Pick<
    VideoRecord,
    | "allowedOrigins"
    | "creator"
    | "meta"
    | "requireSignedURLs"
    | "scheduledDeletion"
    | "thumbnailTimestampPct"
    | "maxDurationSeconds"
    | "watermark"
    | "uploadExpiry"
    | "publicDetails"
  >
>;

const ORIGIN = /^(\*\.)?[A-Za-z0-9.-]+(:\d+)?$/;

export function checkAllowedOrigins(origins: string[]): string[] {
  for (const origin of origins) {
    if (!ORIGIN.test(origin)) {
      throw badRequest(
        `allowedOrigins: ${JSON.stringify(origin)} is not a host name (e.g. example.com or *.example.com).`,
      );
    }
  }
  return origins;
}

export function checkScheduledDeletion(
  value: string | null | undefined,
  now = Date.now(),
): string | null | undefined {
  if (value === null || value === undefined) return value;
  const at = Date.parse(value);
  if (at < now + 30 * DAY_MS - 60_000 || at > now + 1096 * DAY_MS) {
    throw badRequest("scheduledDeletion: must be between 30 and 1,096 days from now.");
  }
  return value;
}

/**
 * The settings shared by copy, direct upload, tus metadata and update. `which` limits the fields
 * to those the endpoint accepts; unknown keys are ignored as Cloudflare does.
 */
export function readVideoSettings(fields: Fields, which: "upload" | "update"): VideoSettings {
  const settings: VideoSettings = {};
  const origins = fields.stringArray("allowedOrigins");
  if (origins) settings.allowedOrigins = checkAllowedOrigins(origins);
  const creator = fields.nullableString("creator", MAX_CREATOR_LENGTH);
  if (creator !== undefined) settings.creator = creator;
  const meta = fields.object("meta");
  if (meta) settings.meta = meta;
  const signed = fields.boolean("requireSignedURLs");
  if (signed !== undefined) settings.requireSignedURLs = signed;
  const deletion = checkScheduledDeletion(fields.dateTime("scheduledDeletion"));
  if (deletion !== undefined) settings.scheduledDeletion = deletion;
  const pct = fields.number("thumbnailTimestampPct", 0, 1);
  if (pct !== undefined) settings.thumbnailTimestampPct = pct;
  if (fields.raw("maxDurationSeconds") === null) settings.maxDurationSeconds = null;
  else {
    const max = fields.number("maxDurationSeconds", 1, MAX_DURATION_SECONDS, true);
    if (max !== undefined) settings.maxDurationSeconds = max;
  }
  if (which === "upload") {
    const watermark = fields.object("watermark");
    if (watermark) {
      if (!isUid(watermark.uid))
        throw badRequest("watermark.uid: expected a 32-character watermark profile uid.");
      settings.watermark = { uid: watermark.uid };
    }
  } else {
    const expiry = fields.dateTime("uploadExpiry");
    if (expiry !== undefined) settings.uploadExpiry = expiry;
    if (fields.raw("publicDetails") === null) settings.publicDetails = null;
    else {
      const details = fields.object("publicDetails");
      if (details) settings.publicDetails = readPublicDetails(details);
    }
  }
  return settings;
}

function readPublicDetails(details: Record<string, unknown>): PublicDetails {
  const inner = new Fields(details);
  const result: PublicDetails = {};
  for (const key of PUBLIC_DETAILS_FIELDS) {
    const value = inner.nullableString(key, 2048);
    if (value !== undefined) result[key] = value;
  }
  return result;
}

/**
 * An update's `publicDetails` merged into the stored ones, as Stream does: fields left out keep
 * their value, a field set to `null` is removed, and `publicDetails: null` removes them all.
 * Nothing left means `null` (the video object then has no `publicDetails`).
 */
export function mergePublicDetails(
  current: PublicDetails | null,
  change: PublicDetails | null,
): PublicDetails | null {
  if (change === null) return null;
  const merged: PublicDetails = { ...current };
  for (const key of PUBLIC_DETAILS_FIELDS) {
    const value = change[key];
    if (value === null) delete merged[key];
    else if (value !== undefined) merged[key] = value;
  }
  return Object.keys(merged).length > 0 ? merged : null;
}
