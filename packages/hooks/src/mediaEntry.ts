"use client";

/**
 * `@streamkit/hooks/media`: clips, watermark profiles, additional audio tracks and storage
 * usage, over `@streamkit/core/media`. A subpath of its own so apps that only play and upload do
 * not carry them.
 */
export {
  type AddAudioTrackVariables,
  audioTracksQueryOptions,
  type DeleteAudioTrackVariables,
  type UpdateAudioTrackVariables,
  useAddAudioTrack,
  useAudioTracks,
  useDeleteAudioTrack,
  useUpdateAudioTrack,
} from "./audioTracks";
export { type UseCreateClipOptions, useCreateClip } from "./clips";
export type { UseMediaOptions } from "./media";
export {
  storageUsageQueryOptions,
  type UseStorageUsageOptions,
  useStorageUsage,
} from "./storageUsage";
export {
  type UseWatermarksOptions,
  useCreateWatermark,
  useDeleteWatermark,
  useWatermarks,
  watermarksQueryOptions,
} from "./watermarks";
