import { MAX_DURATION_SECONDS } from "./limits";
import { checkValues, fail, flag, number, object, oneOf, text, uid, url } from "./rules";

/**
 * The value checks of clips, watermark profiles and audio tracks (§3.10, §3.12, §3.13), run by
 * the client before any request and by the proxy before forwarding. Each throws
 * `StreamValidationError` naming the field.
 */

/** Where a watermark sits; `center` ignores `padding`. */
export const WATERMARK_POSITIONS = [
  "upperRight",
  "upperLeft",
  "lowerLeft",
  "lowerRight",
  "center",
] as const;
export type WatermarkPosition = (typeof WATERMARK_POSITIONS)[number];

/**
 * The API states no limit for a watermark image; streamkit refuses more than 2 MB before any
 * upload (a logo is a few KB; the emulator holds the same line).
 */
export const MAX_WATERMARK_BYTES = 2 * 1024 * 1024;
/** The API's cap on an audio track file (§7). */
export const MAX_AUDIO_TRACK_BYTES = 200 * 1024 * 1024;
/** The API states none; 256 characters keeps a label a label (our choice, held by the emulator too). */
export const MAX_AUDIO_LABEL_LENGTH = 256;
/** The API's cap on a watermark profile's name in the dashboard. */
export const MAX_WATERMARK_NAME_LENGTH = 255;

const fraction = number(0, 1);
const time = number(0, MAX_DURATION_SECONDS, true);
const label = text(MAX_AUDIO_LABEL_LENGTH);

/** `POST /stream/clip`: a ready source, whole seconds, the end after the start. */
export function checkClipRequest(body: unknown): void {
  checkValues(body);
  const b = body as Record<string, unknown>;
  if (b.clippedFromVideoUID === undefined)
    fail("clippedFromVideoUID", "the uid of the video to clip is required");
  uid(b.clippedFromVideoUID, "clippedFromVideoUID");
  if (b.startTimeSeconds === undefined) fail("startTimeSeconds", "required (whole seconds)");
  if (b.endTimeSeconds === undefined) fail("endTimeSeconds", "required (whole seconds)");
  time(b.startTimeSeconds, "startTimeSeconds");
  time(b.endTimeSeconds, "endTimeSeconds");
  if ((b.endTimeSeconds as number) <= (b.startTimeSeconds as number))
    fail("endTimeSeconds", "must be after startTimeSeconds");
}

/** The settings of a watermark profile: JSON with `url`, or the fields beside a multipart `file`. */
export function checkWatermarkRequest(body: unknown, { needsUrl = true } = {}): void {
  object(body, "body");
  const b = body as Record<string, unknown>;
  if (needsUrl && b.url === undefined) fail("url", "the URL of the watermark image is required");
  if (b.url !== undefined) url(b.url, "url");
  if (b.name !== undefined) text(MAX_WATERMARK_NAME_LENGTH)(b.name, "name");
  for (const field of ["opacity", "padding", "scale"] as const)
    if (b[field] !== undefined) fraction(b[field], field);
  if (b.position !== undefined) oneOf(WATERMARK_POSITIONS)(b.position, "position");
}

/** `POST /stream/{uid}/audio/copy`: a label and the URL of the audio file. */
export function checkAudioCopyRequest(body: unknown): void {
  object(body, "body");
  const b = body as Record<string, unknown>;
  checkAudioLabel(b.label);
  if (b.url === undefined) fail("url", "the URL of the audio file is required");
  url(b.url, "url");
}

/** `PATCH /stream/{uid}/audio/{audio_uid}`: a new label, `default: true`, or both. */
export function checkAudioEditRequest(body: unknown): void {
  object(body, "body");
  const b = body as Record<string, unknown>;
  if (b.label === undefined && b.default === undefined)
    fail("body", "expected label, default or both");
  if (b.label !== undefined) checkAudioLabel(b.label);
  if (b.default !== undefined) flag(b.default, "default");
}

export function checkAudioLabel(value: unknown): void {
  if (value === undefined) fail("label", "a label is required (unique per video)");
  label(value, "label");
  if ((value as string).trim() === "") fail("label", "must not be blank");
}
