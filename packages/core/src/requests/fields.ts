import { fail } from "./rules";

/**
 * Which fields each operation takes, in the order refusals list them. Kept off the main entry:
 * the client's types already hold callers to these, and the proxy, the upload engine and tests
 * import them from `@streamkit/core/requests`.
 */
const NEW_VIDEO = [
  "allowedOrigins",
  "creator",
  "meta",
  "requireSignedURLs",
  "scheduledDeletion",
  "thumbnailTimestampPct",
  "watermark",
] as const;

/** `POST /stream/copy`. */
export const COPY_FIELDS: readonly string[] = [...NEW_VIDEO, "input", "url", "name"];
/** `POST /stream/direct_upload`. */
export const DIRECT_UPLOAD_FIELDS: readonly string[] = [
  ...NEW_VIDEO,
  "maxDurationSeconds",
  "expiry",
];
/** A file upload's settings: a direct upload's less `maxDurationSeconds`, read from the file. */
export const UPLOAD_SETTINGS_FIELDS = [...NEW_VIDEO, "expiry"] as const;
/** `POST /stream/{uid}`: no watermark once uploaded. */
export const UPDATE_FIELDS: readonly string[] = [
  "allowedOrigins",
  "creator",
  "maxDurationSeconds",
  "meta",
  "publicDetails",
  "requireSignedURLs",
  "scheduledDeletion",
  "thumbnailTimestampPct",
  "uploadExpiry",
  "uid",
];

/** `POST /stream/clip`: a new video's settings plus the window of the source. */
export const CLIP_FIELDS: readonly string[] = [
  ...NEW_VIDEO,
  "clippedFromVideoUID",
  "startTimeSeconds",
  "endTimeSeconds",
  "name",
];
/** `POST /stream/watermarks` as JSON (multipart adds `file`). */
export const WATERMARK_FIELDS: readonly string[] = [
  "url",
  "name",
  "opacity",
  "padding",
  "scale",
  "position",
];
/** `POST /stream/{uid}/audio/copy`. */
export const AUDIO_COPY_FIELDS: readonly string[] = ["label", "url"];
/** `PATCH /stream/{uid}/audio/{audio_uid}`. */
export const AUDIO_EDIT_FIELDS: readonly string[] = ["label", "default"];

/** Refuses any key of `body` not in `fields`: an unknown field is a typo, not a silent drop. */
export function onlyFields(
  body: Record<string, unknown>,
  fields: readonly string[],
  operation: string,
): void {
  for (const key of Object.keys(body)) {
    if (!fields.includes(key))
      fail(key, `not a field of ${operation} (accepted: ${fields.join(", ")})`);
  }
}
