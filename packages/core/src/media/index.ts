/**
 * `@streamkit/core/media`: clips, watermark profiles, additional audio tracks and storage usage
 * (§3.10–3.15) over the proxy contract, each checked before any request. A subpath of its own so
 * the main entry stays small: only apps that edit media load it.
 */
export {
  MAX_AUDIO_LABEL_LENGTH,
  MAX_AUDIO_TRACK_BYTES,
  MAX_WATERMARK_BYTES,
  WATERMARK_POSITIONS,
  type WatermarkPosition,
} from "../requests/media";
export {
  type AddAudioTrackRequest,
  type AudioTrack,
  type AudioTrackStatus,
  addAudioTrack,
  deleteAudioTrack,
  listAudioTracks,
  type UpdateAudioTrackRequest,
  updateAudioTrack,
} from "./audioTracks";
export { type ClipRequest, createClip } from "./clips";
export { getStorageUsage, type StorageUsage, storageFraction } from "./storageUsage";
export {
  type CreateWatermarkRequest,
  createWatermark,
  deleteWatermark,
  getWatermark,
  listWatermarks,
  type WatermarkProfile,
  type WatermarkSettings,
} from "./watermarks";
