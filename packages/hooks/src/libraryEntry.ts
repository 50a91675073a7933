"use client";

/**
 * `@streamkit/hooks/library`: what a library view needs beyond `useVideos`: a debounced search
 * and status filter with the list's state, bulk delete, and rows that follow their video's live
 * cache entry. A subpath of its own so apps that only play or upload videos do not carry it.
 */
export {
  type DeleteVideosOutcome,
  type UseDeleteVideosResult,
  useDeleteVideos,
} from "./useDeleteVideos";
export { useListedVideo } from "./useListedVideo";
export {
  type UseVideoLibraryOptions,
  type UseVideoLibraryResult,
  useVideoLibrary,
  type VideoLibraryState,
} from "./useVideoLibrary";
