"use client";

export {
  type StreamContextValue,
  useOptionalStreamContext,
  useStreamClient,
  useStreamContext,
} from "./context";
export { streamKeys, type VideoListFilters } from "./keys";
export { type LiveUpdatesConfig, SAFETY_NET_POLICY } from "./liveUpdates";
export {
  DEFAULT_PAGE_SIZE,
  type VideoCursor,
  videoQueryOptions,
  videosQueryOptions,
} from "./queryOptions";
export {
  createQueryRetry,
  DEFAULT_RETRY_POLICY,
  type QueryRetry,
  type RetryPolicy,
  retryDelay,
  shouldRetry,
} from "./retry";
export { StreamProvider, type StreamProviderProps } from "./StreamProvider";
export { useDeleteVideo } from "./useDeleteVideo";
export {
  type SignedToken,
  type SignedTokenOptions,
  signedTokenQueryOptions,
  type UseSignedTokenOptions,
  useSignedToken,
} from "./useSignedToken";
export { type UpdateVideoVariables, useUpdateVideo } from "./useUpdateVideo";
export { type UseUploadFromUrlOptions, useUploadFromUrl } from "./useUploadFromUrl";
export { type UseVideoOptions, useVideo } from "./useVideo";
export {
  type UseVideoStatusOptions,
  useVideoStatus,
  type VideoStatusResult,
} from "./useVideoStatus";
export { type UseVideosOptions, useVideos } from "./useVideos";
