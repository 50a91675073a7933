import { type ErrorReason, errorReason, videoPhase, videoProgress } from "../status";
import type { Video } from "../types";
import { fileRefused, VideoProcessingError } from "./errors";
import type { UploadSnapshot, UploadState } from "./state";

/** What a UI shows of one upload, from the engine's snapshot and the video's latest status. */
export interface UploadItemStatus {
  state: UploadState;
  /** 0..100 of the current step: the bytes while uploading, encoding while processing. */
  percent: number;
  /** The video, once its bytes are in and a copy of it is known. */
  video: Video | undefined;
  /** Typed; a `VideoProcessingError` when Stream could not process the file. */
  error: Error | undefined;
  /** Why processing failed. */
  errorReason: ErrorReason | undefined;
  /** Retrying would do something (refused files and processing failures cannot be retried). */
  canRetry: boolean;
}

/**
 * One upload's state from start to playable: the engine's own up to `processing`, then the
 * video's (`ready`, or `error` with the reason). `pollError` is a failed status poll, shown
 * while processing without ending it. Pure: the same inputs give the same answer.
 */
export function uploadItemState(
  snapshot: UploadSnapshot,
  video: Video | undefined,
  pollError?: unknown,
): UploadItemStatus {
  const { state, uid, error } = snapshot;
  if (state !== "processing" || !uid) {
    const sent = snapshot.bytesTotal > 0 ? snapshot.bytesUploaded / snapshot.bytesTotal : 0;
    return {
      state,
      percent: Math.floor(sent * 100),
      video: undefined,
      error,
      errorReason: undefined,
      canRetry: state === "error" && error?.name !== "StreamValidationError" && !fileRefused(error),
    };
  }
  const phase = video ? videoPhase(video) : undefined;
  const base = { video, errorReason: undefined, canRetry: false };
  if (phase === "ready") return { ...base, state: "ready", percent: 100, error: undefined };
  const reason = video && phase === "error" ? errorReason(video) : undefined;
  if (video && reason) {
    const failed = new VideoProcessingError(video, reason);
    return { ...base, state: "error", percent: 100, error: failed, errorReason: reason };
  }
  return {
    ...base,
    state: "processing",
    percent: Math.round(videoProgress(video) * 100),
    error: pollError instanceof Error ? pollError : undefined,
  };
}
