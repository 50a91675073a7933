import type { Video, VideoState, Watermark } from "@streamkit/core";
import type { DownloadType } from "@streamkit/core/captions";

export type { DownloadType };
export type JobStatus = "inprogress" | "ready" | "error";

/**
 * The full profile a video embeds (§2, §3.13). Core's schema types `downloadedFrom` as a string,
 * but Stream sends `null` for profiles made from an uploaded file, and so does the emulator.
 */
export type EmbeddedWatermark = Omit<Watermark, "downloadedFrom"> & {
  downloadedFrom?: string | null;
};

export interface CaptionRecord {
  language: string;
  label: string;
  generated: boolean;
  status: JobStatus;
  /** Generated captions: this generation's id; a timer left from an earlier one does nothing. */
  generation?: string;
}

export interface DownloadRecord {
  status: JobStatus;
  percentComplete: number;
}

export type AudioTrackStatus = "queued" | "ready" | "error";

/** An additional audio track (§3.10); its files sit in `<video>/audio/<uid>/`. */
export interface AudioTrackRecord {
  uid: string;
  label: string;
  default: boolean;
  status: AudioTrackStatus;
  /** `audio/copy`: fetched (again, after a restart) by the track's job. */
  sourceUrl?: string;
  /** Why it ended in `error`, for the log. */
  error?: string;
}

export interface Rendition {
  width: number;
  height: number;
  bandwidth: number;
}

/** How the bytes arrived; decides which one-time rules apply. */
export type UploadKind = "copy" | "basic" | "direct" | "tus" | "clip" | "live";

/**
 * Everything the emulator keeps about a video: the public fields Cloudflare returns plus the
 * private bookkeeping (where the bytes are, what processing produced, pending webhooks).
 * Delivery URLs are not stored: they are derived from the current origin at read time, so a
 * restart on another port does not leave stale links behind.
 */
export interface VideoRecord {
  uid: string;
  created: string;
  modified: string;
  uploaded: string | null;
  creator: string | null;
  meta: Record<string, unknown>;
  state: VideoState;
  pctComplete: string;
  errorReasonCode: string;
  errorReasonText: string;
  step?: string;
  readyToStream: boolean;
  readyToStreamAt: string | null;
  duration: number;
  width: number;
  height: number;
  size: number;
  thumbnailTimestampPct: number;
  allowedOrigins: string[];
  requireSignedURLs: boolean;
  scheduledDeletion: string | null;
  uploadExpiry: string | null;
  maxSizeBytes: number | null;
  maxDurationSeconds: number | null;
  watermark: EmbeddedWatermark | null;
  publicDetails: PublicDetails | null;
  clippedFrom?: string;
  /** The live input this video records (`liveInput`). */
  liveInput?: string;

  kind: UploadKind;
  /** The watermark's image inside the video directory (a copy: the profile may go away). */
  watermarkImage?: string;
  /** Additional audio tracks; absent on records written before they existed. */
  audio?: AudioTrackRecord[];
  /** Copy source, for `downloading` and for restarts. */
  sourceUrl?: string;
  /** Clip window, applied when the clip is cut from its source. */
  clip?: { from: string; start: number; end: number };
  /** Set while bytes are still expected from a client (direct or tus). */
  upload?: UploadState;
  /** File name of the stored original inside the video directory. */
  sourceFile?: string;
  media?: MediaInfo;
  captions: CaptionRecord[];
  downloads: Partial<Record<DownloadType, DownloadRecord>>;
  /** The webhook body still to deliver, with the attempts so far; survives restarts. */
  webhook?: { body: string; attempts: number };
}

export interface PublicDetails {
  title?: string | null;
  share_link?: string | null;
  channel_link?: string | null;
  logo?: string | null;
}

export interface UploadState {
  /** tus: Upload-Length; direct: unknown until the POST arrives. */
  length?: number;
  offset: number;
  /** True when the URL works without the API token (direct uploads, tus `direct_user`). */
  public: boolean;
  /** One-time URLs stop working after the first complete upload. */
  used: boolean;
}

export interface MediaInfo {
  /** False in degraded mode: the source plays as is and there is no HLS. */
  hls: boolean;
  renditions: Rendition[];
  hasAudio: boolean;
  /** MP4-family source that browsers can play directly (degraded playback). */
  playableSource: boolean;
  sourceContentType: string;
  /**
   * `fmp4`: CMAF renditions (init + `.m4s`), video-only, the sound in its own rendition after
   * them. Absent: MPEG-TS with the sound muxed into each rendition (videos processed before
   * fMP4); they keep playing over HLS, but have no DASH manifest.
   */
  segments?: "fmp4";
}

/**
 * The JSON shape Cloudflare returns. Core's `Video` (from the OpenAPI schema) marks these fields
 * optional and non-null, but the real API sends `null` for unset ones, so the emulator does too.
 */
export type VideoJson = Omit<
  Video,
  | "creator"
  | "scheduledDeletion"
  | "uploadExpiry"
  | "uploaded"
  | "readyToStreamAt"
  | "maxDurationSeconds"
  | "maxSizeBytes"
  | "watermark"
  | "publicDetails"
> & {
  creator: string | null;
  scheduledDeletion: string | null;
  uploadExpiry: string | null;
  uploaded: string | null;
  readyToStreamAt: string | null;
  maxDurationSeconds: number | null;
  maxSizeBytes: number | null;
  watermark: EmbeddedWatermark | null;
  publicDetails?: PublicDetails | null;
};

export function formatPct(value: number): string {
  return Math.min(100, Math.max(0, value)).toFixed(6);
}

/** The public video object, with delivery URLs on `origin`. */
export function toVideoJson(record: VideoRecord, origin: string): VideoJson {
  const base = `${origin}/${record.uid}`;
  const status: NonNullable<Video["status"]> = {
    state: record.state,
    pctComplete: record.pctComplete,
    errorReasonCode: record.errorReasonCode,
    errorReasonText: record.errorReasonText,
  };
  if (record.step !== undefined) status.step = record.step;
  const video: VideoJson = {
    uid: record.uid,
    creator: record.creator,
    thumbnail: `${base}/thumbnails/thumbnail.jpg`,
    thumbnailTimestampPct: record.thumbnailTimestampPct,
    readyToStream: record.readyToStream,
    readyToStreamAt: record.readyToStreamAt,
    status,
    meta: record.meta,
    created: record.created,
    modified: record.modified,
    scheduledDeletion: record.scheduledDeletion,
    size: record.size,
    preview: `${base}/watch`,
    allowedOrigins: record.allowedOrigins,
    requireSignedURLs: record.requireSignedURLs,
    uploaded: record.uploaded,
    uploadExpiry: record.uploadExpiry,
    maxSizeBytes: record.maxSizeBytes,
    maxDurationSeconds: record.maxDurationSeconds,
    duration: record.duration,
    input: { width: record.width, height: record.height },
    playback: { hls: `${base}/manifest/video.m3u8`, dash: `${base}/manifest/video.mpd` },
    watermark: record.watermark,
  };
  if (record.publicDetails) video.publicDetails = record.publicDetails;
  if (record.clippedFrom) video.clippedFrom = record.clippedFrom;
  if (record.liveInput) video.liveInput = record.liveInput;
  return video;
}

/** A record with Cloudflare's defaults for a video that has no bytes processed yet. */
export function blankRecord(
  kind: UploadKind,
  state: VideoState,
): Omit<VideoRecord, "uid" | "created" | "modified"> {
  return {
    uploaded: null,
    creator: null,
    meta: {},
    state,
    pctComplete: formatPct(0),
    errorReasonCode: "",
    errorReasonText: "",
    readyToStream: false,
    readyToStreamAt: null,
    duration: -1,
    width: -1,
    height: -1,
    size: 0,
    thumbnailTimestampPct: 0,
    allowedOrigins: [],
    requireSignedURLs: false,
    scheduledDeletion: null,
    uploadExpiry: null,
    maxSizeBytes: null,
    maxDurationSeconds: null,
    watermark: null,
    publicDetails: null,
    kind,
    captions: [],
    downloads: {},
  };
}
