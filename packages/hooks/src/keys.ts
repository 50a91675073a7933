import type { ListVideosParams } from "@streamkit/core";

/**
 * Query keys of every cache entry streamkit writes, so app code can prefetch, read and
 * invalidate them: `queryClient.invalidateQueries({ queryKey: streamKeys.lists() })`.
 */
export const streamKeys = {
  all: ["streamkit"] as const,
  videos: () => [...streamKeys.all, "videos"] as const,
  /** Every list and page of lists, whatever the filters. */
  lists: () => [...streamKeys.videos(), "list"] as const,
  list: (params: VideoListFilters = {}) => [...streamKeys.lists(), params] as const,
  /** One video, shared by `useVideo` and `useVideoStatus`. */
  video: (uid: string) => [...streamKeys.videos(), "detail", uid] as const,
  /** A signed playback token for one video and one set of options. */
  token: (uid: string, options: object = {}) =>
    [...streamKeys.videos(), "token", uid, options] as const,
  /** The captions of one video (`useCaptions`). */
  captions: (uid: string) => [...streamKeys.videos(), "captions", uid] as const,
  /** The MP4/M4A downloads of one video (`useDownloads`). */
  downloads: (uid: string) => [...streamKeys.videos(), "downloads", uid] as const,
  /** The WebVTT text of one caption (`useCaptionText`). */
  captionText: (uid: string, language: string) =>
    [...streamKeys.videos(), "captionText", uid, language] as const,
  /** The additional audio tracks of one video (`useAudioTracks`). */
  audioTracks: (uid: string) => [...streamKeys.videos(), "audio", uid] as const,
  /** The account's watermark profiles (`useWatermarks`). */
  watermarks: () => [...streamKeys.all, "watermarks"] as const,
  /** Storage usage, every creator (`useStorageUsage`); invalidated when videos come and go. */
  storage: () => [...streamKeys.all, "storage"] as const,
  storageUsage: (creator?: string) =>
    [...streamKeys.storage(), creator === undefined ? {} : { creator }] as const,
};

/** List filters without the cursor, which `useVideos` manages itself. */
export type VideoListFilters = Omit<ListVideosParams, "before" | "after" | "start" | "end">;
