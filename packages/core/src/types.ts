import type { components } from "./generated/stream-api";

type Schemas = components["schemas"];

type VideoSchema = Schemas["stream_videos"];
/** Fields the API sends as `null` when unset, although the schema does not say so. */
type NullWhenUnset =
  | "creator"
  | "scheduledDeletion"
  | "uploadExpiry"
  | "readyToStreamAt"
  | "maxDurationSeconds"
  | "maxSizeBytes"
  | "watermark"
  | "liveInput"
  | "clippedFrom";

/** A Stream video, exactly as the API returns it (Cloudflare's field names). */
export type Video = Omit<VideoSchema, "status" | "meta" | NullWhenUnset> & {
  [K in NullWhenUnset]?: VideoSchema[K] | null;
} & {
  status?: VideoStatus;
  /** Free-form key/values; `meta.name` is the name the dashboard and `search` use. */
  meta?: Record<string, unknown>;
};

/** `status.state`: where a video is in its lifecycle. */
export type VideoState = Schemas["stream_media_state"];

/**
 * `video.status`. `pctComplete` is a numeric string (`"39.000000"`), not a number.
 * `step` is returned by the API while encoding but missing from the schema.
 */
export type VideoStatus = Schemas["stream_media_status"] & { step?: string };

export type VideoInput = Schemas["stream_input"];
export type VideoPlayback = Schemas["stream_playback"];
export type Watermark = Schemas["stream_watermarks"];

/** Query parameters of `GET /stream`. */
export interface ListVideosParams {
  /** Filter by `status.state`. */
  status?: VideoState;
  /** Exact creator id. */
  creator?: string;
  type?: "vod" | "live";
  /** Oldest first when true. Defaults to `false` (newest `created` first). */
  asc?: boolean;
  /** Partial word match on `meta.name`. */
  search?: string;
  /** Exact match on `meta.name`. */
  video_name?: string;
  /** Created after this date-time (cursor for ascending pages). */
  after?: string;
  /** Created before this date-time (cursor for descending pages). */
  before?: string;
  start?: string;
  end?: string;
  /** Include `total` in the answer. */
  include_counts?: boolean;
  /** 1..1000. Defaults to the API's 1000. */
  limit?: number;
  /** One uid or several; sent as a comma-separated list. */
  id?: string | readonly string[];
  /** One name or several; sent as a comma-separated list. */
  name?: string | readonly string[];
  live_input_id?: string;
}

/** The answer of `listVideos`: `range` and `total` sit beside `result` in the envelope. */
export interface VideoList {
  videos: Video[];
  /** Videos left after this window (0 when it is the last page). */
  range: number;
  /** Videos matching the filters; present only with `include_counts`. */
  total?: number;
}

type UploadOptions = Pick<
  Schemas["stream_direct_upload_request"],
  | "allowedOrigins"
  | "creator"
  | "requireSignedURLs"
  | "scheduledDeletion"
  | "thumbnailTimestampPct"
  | "watermark"
> & { meta?: Record<string, unknown> };

/** `POST /stream/copy`: `input` is preferred, `url` is its deprecated alias. */
export type CopyVideoRequest = UploadOptions & {
  /** Legacy field that sets `meta.name`. */
  name?: string;
} & ({ input: string; url?: string } | { url: string; input?: string });

/** `POST /stream/{uid}`; every field is optional, `scheduledDeletion: null` clears it. */
export type UpdateVideoRequest = Omit<
  Schemas["stream_video_update"],
  "meta" | "scheduledDeletion"
> & {
  meta?: Record<string, unknown>;
  scheduledDeletion?: string | null;
};

/** `POST /stream/direct_upload`: `maxDurationSeconds` is required by the API. */
export type DirectUploadRequest = UploadOptions & {
  maxDurationSeconds: number;
  /** Date-time after which the one-time URL refuses bytes. Defaults to 30 minutes. */
  expiry?: string;
};

export interface DirectUploadResult {
  uploadURL: string;
  uid: string;
  scheduledDeletion?: string | null;
  watermark?: Watermark;
}

export type SignedTokenRequest = Partial<Schemas["stream_signed_token_request"]>;

/** One entry of the envelope's `errors[]` / `messages[]`. */
export interface StreamMessage {
  code: number;
  message: string;
  documentation_url?: string;
  source?: { pointer?: string };
}

/** Cloudflare's response envelope, unchanged. */
export interface StreamEnvelope<T> {
  result: T;
  success: boolean;
  errors: StreamMessage[];
  messages: StreamMessage[];
}
