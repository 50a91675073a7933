import {
  type LiveInput,
  type LiveInputRecording,
  type LiveInputRequest,
  MAX_RECORDING_DAYS,
  MIN_RECORDING_DAYS,
} from "@streamkit/core/live-inputs";
import { MAX_RECORDING_TIMEOUT_SECONDS } from "@streamkit/core/requests";

/** What the recording form edits, as its fields hold it. */
export interface RecordingDraft {
  mode: "automatic" | "off";
  /** Whole seconds, as typed. */
  timeoutSeconds: string;
  requireSignedURLs: boolean;
  /** Whole days, as typed; empty keeps recordings (`null`). */
  deleteRecordingAfterDays: string;
}

export type RecordingField = "timeoutSeconds" | "deleteRecordingAfterDays";

export const TIMEOUT_MAX = MAX_RECORDING_TIMEOUT_SECONDS;
export const DAYS_MIN = MIN_RECORDING_DAYS;
export const DAYS_MAX = MAX_RECORDING_DAYS;

export function toRecordingDraft(input: LiveInput): RecordingDraft {
  const recording = input.recording ?? {};
  return {
    mode: recording.mode === "automatic" ? "automatic" : "off",
    timeoutSeconds: String(recording.timeoutSeconds ?? 0),
    requireSignedURLs: recording.requireSignedURLs ?? false,
    deleteRecordingAfterDays:
      typeof input.deleteRecordingAfterDays === "number"
        ? String(input.deleteRecordingAfterDays)
        : "",
  };
}

const wholeIn = (text: string, min: number, max: number): number | undefined => {
  const value = Number(text.trim());
  return text.trim() !== "" && Number.isInteger(value) && value >= min && value <= max
    ? value
    : undefined;
};

/**
 * The update that turns `base` into `draft`, with only what changed (nothing at all leaves
 * `body` empty), or the fields out of the API's bounds. `recording` is merged by the API, so
 * only its changed keys are sent.
 */
export function toRecordingRequest(
  base: LiveInput,
  draft: RecordingDraft,
): { body: LiveInputRequest; errors: RecordingField[] } {
  const was = toRecordingDraft(base);
  const errors: RecordingField[] = [];
  const recording: LiveInputRecording = {};
  if (draft.mode !== was.mode) recording.mode = draft.mode;
  const timeout = wholeIn(draft.timeoutSeconds, 0, TIMEOUT_MAX);
  if (timeout === undefined) errors.push("timeoutSeconds");
  else if (timeout !== Number(was.timeoutSeconds)) recording.timeoutSeconds = timeout;
  if (draft.requireSignedURLs !== was.requireSignedURLs)
    recording.requireSignedURLs = draft.requireSignedURLs;

  const body: LiveInputRequest = {};
  if (Object.keys(recording).length > 0) body.recording = recording;
  const days = draft.deleteRecordingAfterDays.trim();
  if (days === "") {
    if (was.deleteRecordingAfterDays !== "") body.deleteRecordingAfterDays = null;
  } else {
    const value = wholeIn(days, DAYS_MIN, DAYS_MAX);
    if (value === undefined) errors.push("deleteRecordingAfterDays");
    else if (String(value) !== was.deleteRecordingAfterDays) body.deleteRecordingAfterDays = value;
  }
  return { body, errors };
}
