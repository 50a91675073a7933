"use client";

/**
 * `@streamkit/ui/media`: the clip editor, watermark picker and manager, audio tracks panel and
 * storage meter, over `@streamkit/hooks/media`. A subpath of its own so apps that do not edit
 * media do not carry them.
 */
export {
  AudioTracksPanel,
  type AudioTracksPanelProps,
  type AudioTracksPanelState,
} from "./AudioTracksPanel";
export {
  ClipEditor,
  type ClipEditorProps,
  type ClipEditorState,
  type ClipOptions,
  type ClipRange,
} from "./ClipEditor";
export type { ClipEditorMessages, StorageMeterMessages } from "./media/clipMessages";
export type { MessagesOverride } from "./media/useMediaTexts";
export type {
  AudioTracksMessages,
  WatermarkPickerMessages,
  WatermarksMessages,
} from "./media/watermarkMessages";
export { StorageMeter, type StorageMeterProps, type StorageMeterState } from "./StorageMeter";
export {
  WatermarkPicker,
  type WatermarkPickerProps,
  type WatermarkPickerState,
  watermarkPreview,
} from "./WatermarkPicker";
export {
  WatermarksManager,
  type WatermarksManagerProps,
  type WatermarksManagerState,
} from "./WatermarksManager";
