import type { UpdateVideoRequest, VideoState } from "../types";

/** `status.state` values, in lifecycle order; the list filter and the emulator take them from here. */
export const VIDEO_STATES: readonly VideoState[] = [
  "pendingupload",
  "downloading",
  "queued",
  "inprogress",
  "ready",
  "error",
  "live-inprogress",
];

/** The list filter's `type`: on-demand videos or live recordings. */
export const VIDEO_TYPES: readonly ("vod" | "live")[] = ["vod", "live"];

/** The API's ceiling for `limit` and for one `id` list. */
export const MAX_LIST_LIMIT = 1000;
/** `maxDurationSeconds` bounds of the current API. */
export const MAX_DURATION_SECONDS = 36_000;
/** The API's limit on `creator`, in characters. */
export const MAX_CREATOR_LENGTH = 64;
/** The keys of `publicDetails` the API keeps (`POST /stream/{uid}`). */
export const PUBLIC_DETAILS_FIELDS: readonly (keyof NonNullable<
  UpdateVideoRequest["publicDetails"]
>)[] = ["title", "share_link", "channel_link", "logo"];
