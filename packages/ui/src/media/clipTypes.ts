import type { Video } from "@streamkit/core";
import type { ClipRequest } from "@streamkit/core/media";

/** The range being edited, for a custom `preview`. */
export interface ClipRange {
  uid: string;
  video: Video;
  /** Whole seconds. */
  start: number;
  end: number;
}

/** What the clip request carries besides the source, the range and the name. */
export type ClipOptions = Omit<
  ClipRequest,
  "clippedFromVideoUID" | "startTimeSeconds" | "endTimeSeconds" | "name"
>;

/**
 * `loading`, `error` (the video could not be read), `waiting` (not ready yet), `unavailable`
 * (its processing failed), then `idle` (editing), `creating`, `processing` (the clip is being
 * made), `done` (the clip is ready) or `failed` (the clip's processing failed).
 */
export type ClipEditorState =
  | "loading"
  | "error"
  | "waiting"
  | "unavailable"
  | "idle"
  | "creating"
  | "processing"
  | "done"
  | "failed";
