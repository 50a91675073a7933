"use client";

export { CaptionsPanel, type CaptionsPanelProps } from "./CaptionsPanel";
export { DownloadsPanel, type DownloadsPanelProps } from "./DownloadsPanel";
export {
  defaultMessages,
  type StreamMessages,
  type StreamMessagesOverrides,
  StreamMessagesProvider,
  useStreamMessages,
} from "./messages";
export { loadStreamSdk } from "./player/sdk";
export type {
  PlayerEventProp,
  PlayerEventProps,
  Preload,
  StreamPlayerApi,
  StreamPlayerHandle,
} from "./player/types";
export { type PlayerState, usePlayer } from "./player/usePlayer";
export { StreamPlayer, type StreamPlayerProps } from "./StreamPlayer";
export { ThumbnailPicker, type ThumbnailPickerProps } from "./ThumbnailPicker";
export {
  UploadDropzone,
  type UploadDropzoneOptions,
  type UploadDropzoneProps,
} from "./UploadDropzone";
export {
  UploadFromUrlForm,
  type UploadFromUrlFormProps,
  type UploadFromUrlOptions,
} from "./UploadFromUrlForm";
export { VideoDetails, type VideoDetailsProps } from "./VideoDetails";
export { VideoGrid, type VideoGridProps } from "./VideoGrid";
export { VideoStatusBadge, type VideoStatusBadgeProps } from "./VideoStatusBadge";
export { type VideoLibraryProps, VideoTable, type VideoTableProps } from "./VideoTable";
export { VideoThumbnail, type VideoThumbnailProps } from "./VideoThumbnail";
