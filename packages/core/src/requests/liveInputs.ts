import { MAX_CREATOR_LENGTH } from "./limits";
import { fail, flag, number, object, oneOf, origins, text } from "./rules";

/** `recording.mode`: `off` keeps nothing; `automatic` records every broadcast as a video. */
export const LIVE_RECORDING_MODES = ["off", "automatic"] as const;
/** `deleteRecordingAfterDays` bounds of the API (`null` clears it). */
export const MIN_RECORDING_DAYS = 30;
export const MAX_RECORDING_DAYS = 1096;
/** What `recording.timeoutSeconds` may be: 0 means the platform's default wait. */
export const MAX_RECORDING_TIMEOUT_SECONDS = 86_400;

/** `POST` and `PUT /stream/live_inputs[/{uid}]`: the same fields, every one optional. */
export const LIVE_INPUT_FIELDS: readonly string[] = [
  "defaultCreator",
  "deleteRecordingAfterDays",
  "enabled",
  "meta",
  "preferLowLatency",
  "recording",
];
export const LIVE_RECORDING_FIELDS: readonly string[] = [
  "allowedOrigins",
  "hideLiveViewerCount",
  "mode",
  "requireSignedURLs",
  "timeoutSeconds",
];
/** `POST /stream/live_inputs/{uid}/outputs`; `PUT` takes `enabled` alone. */
export const LIVE_OUTPUT_FIELDS: readonly string[] = ["url", "streamKey", "enabled"];

const fields = (value: Record<string, unknown>, allowed: readonly string[], at: string) => {
  for (const key of Object.keys(value))
    if (!allowed.includes(key))
      fail(at === "" ? key : `${at}.${key}`, "not a field of this operation");
};

function checkRecording(value: unknown): void {
  object(value, "recording");
  const r = value as Record<string, unknown>;
  fields(r, LIVE_RECORDING_FIELDS, "recording");
  if (r.mode !== undefined) oneOf(LIVE_RECORDING_MODES)(r.mode, "recording.mode");
  if (r.timeoutSeconds !== undefined)
    number(0, MAX_RECORDING_TIMEOUT_SECONDS, true)(r.timeoutSeconds, "recording.timeoutSeconds");
  if (r.allowedOrigins !== undefined && r.allowedOrigins !== null)
    origins(r.allowedOrigins, "recording.allowedOrigins");
  for (const key of ["requireSignedURLs", "hideLiveViewerCount"] as const)
    if (r[key] !== undefined) flag(r[key], `recording.${key}`);
}

/**
 * A live input's settings, for create and update alike (the API takes the same body). Unknown
 * keys are refused, so a typo (`recordings`) is an error rather than a silent default.
 */
export function checkLiveInputRequest(body: unknown): void {
  object(body, "body");
  const b = body as Record<string, unknown>;
  fields(b, LIVE_INPUT_FIELDS, "");
  if (b.meta !== undefined) object(b.meta, "meta");
  if (b.defaultCreator !== undefined) text(MAX_CREATOR_LENGTH)(b.defaultCreator, "defaultCreator");
  for (const key of ["enabled", "preferLowLatency"] as const)
    if (b[key] !== undefined) flag(b[key], key);
  if (b.deleteRecordingAfterDays !== undefined && b.deleteRecordingAfterDays !== null)
    number(
      MIN_RECORDING_DAYS,
      MAX_RECORDING_DAYS,
      true,
    )(b.deleteRecordingAfterDays, "deleteRecordingAfterDays");
  if (b.recording !== undefined) checkRecording(b.recording);
}

const OUTPUT_SCHEMES = /^(rtmps?|srt):\/\/[^\s/]+/i;

/** `POST …/outputs`: where to restream (`rtmp://`, `rtmps://` or `srt://`) and the target's key. */
export function checkLiveOutputRequest(body: unknown): void {
  object(body, "body");
  const b = body as Record<string, unknown>;
  fields(b, LIVE_OUTPUT_FIELDS, "");
  if (typeof b.url !== "string" || !OUTPUT_SCHEMES.test(b.url))
    fail("url", "expected an rtmp://, rtmps:// or srt:// URL");
  if (typeof b.streamKey !== "string") fail("streamKey", "required: the target's stream key");
  text(1024)(b.streamKey, "streamKey");
  if (b.enabled !== undefined) flag(b.enabled, "enabled");
}

/** `PUT …/outputs/{output_uid}`: `enabled`, required, and nothing else. */
export function checkLiveOutputUpdate(body: unknown): void {
  object(body, "body");
  const b = body as Record<string, unknown>;
  fields(b, ["enabled"], "");
  flag(b.enabled, "enabled");
}
