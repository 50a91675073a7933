import type { Video, VideoState } from "./types";

/**
 * A friendlier view of `status.state`, the one the UI speaks:
 * `awaiting-upload` (pendingupload), `downloading`, `queued`, `processing` (inprogress),
 * `ready`, `error`, `live` (live-inprogress).
 */
export type VideoPhase =
  | "awaiting-upload"
  | "downloading"
  | "queued"
  | "processing"
  | "ready"
  | "error"
  | "live";

const PHASE_OF: Record<VideoState, VideoPhase> = {
  pendingupload: "awaiting-upload",
  downloading: "downloading",
  queued: "queued",
  inprogress: "processing",
  ready: "ready",
  error: "error",
  "live-inprogress": "live",
};

export function videoPhase(video: Pick<Video, "status" | "readyToStream"> | undefined): VideoPhase {
  const state = video?.status?.state;
  if (state !== undefined && state in PHASE_OF) return PHASE_OF[state];
  // Older answers may omit status but say readyToStream.
  return video?.readyToStream ? "ready" : "queued";
}

/**
 * Progress 0..1 from `status.pctComplete`, a numeric *string* such as `"39.000000"`.
 * Ready is 1 even when pctComplete lags (higher renditions may still be encoding).
 */
export function videoProgress(video: Pick<Video, "status" | "readyToStream"> | undefined): number {
  const phase = videoPhase(video);
  if (phase === "ready") return 1;
  const raw = video?.status?.pctComplete;
  const pct =
    typeof raw === "number" ? raw : typeof raw === "string" ? Number.parseFloat(raw) : Number.NaN;
  if (!Number.isFinite(pct)) return 0;
  return Math.min(1, Math.max(0, pct / 100));
}

/** Ready and error are final: nothing more will happen without a new upload. */
export function isTerminal(video: Pick<Video, "status" | "readyToStream"> | undefined): boolean {
  const phase = videoPhase(video);
  return phase === "ready" || phase === "error";
}

export type ErrorReasonCode =
  | "ERR_NON_VIDEO"
  | "ERR_DURATION_EXCEED_CONSTRAINT"
  | "ERR_FETCH_ORIGIN_ERROR"
  | "ERR_MALFORMED_VIDEO"
  | "ERR_DURATION_TOO_SHORT"
  | "ERR_UNKNOWN";

/** English texts for each documented `errorReasonCode`; apps may replace them. */
export const ERROR_REASON_TEXT: Record<ErrorReasonCode, string> = {
  ERR_NON_VIDEO: "The file is not a video Stream can read.",
  ERR_DURATION_EXCEED_CONSTRAINT:
    "The video is longer than the maximum duration allowed for this upload.",
  ERR_FETCH_ORIGIN_ERROR: "The video could not be downloaded from its URL.",
  ERR_MALFORMED_VIDEO: "The video file is damaged or malformed.",
  ERR_DURATION_TOO_SHORT: "The video is too short (under 0.1 seconds).",
  ERR_UNKNOWN: "Processing failed for an unknown reason.",
};

export interface ErrorReason {
  code: string;
  /**
   * Readable text: ours for a known code, followed by the API's own `errorReasonText` when it says
   * more (which origin status, which cause); the API's text alone for a code we don't know.
   */
  text: string;
  /** The API's `errorReasonText` as it came, for developers and logs. */
  detail: string | undefined;
}

/** Why a video failed, or `undefined` when it has not. */
export function errorReason(video: Pick<Video, "status"> | undefined): ErrorReason | undefined {
  const status = video?.status;
  if (status?.state !== "error") return undefined;
  const code = status.errorReasonCode || "ERR_UNKNOWN";
  const detail = status.errorReasonText?.trim() || undefined;
  const known = ERROR_REASON_TEXT[code as ErrorReasonCode] as string | undefined;
  if (!known) return { code, text: detail ?? ERROR_REASON_TEXT.ERR_UNKNOWN, detail };
  return { code, text: withDetail(known, detail), detail };
}

/** "Ours." + "Theirs." unless theirs only repeats ours (Stream often sends the code's own wording). */
function withDetail(known: string, detail: string | undefined): string {
  if (!detail) return known;
  const plain = (s: string) =>
    s
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, " ")
      .trim();
  if (plain(known).includes(plain(detail)) || plain(detail).includes(plain(known))) return known;
  const sentence = detail.charAt(0).toUpperCase() + detail.slice(1);
  return `${known} ${/[.!?)]$/.test(sentence) ? sentence : `${sentence}.`}`;
}
