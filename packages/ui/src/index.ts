"use client";

export { StreamMessagesProvider } from "./messages/context";
export { defaultMessages, useStreamMessages } from "./messages/defaults";
export { describeError } from "./messages/describeError";
export type { StreamMessages, StreamMessagesOverrides } from "./messages/types";
export { loadStreamSdk } from "./player/loadStreamSdk";
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
  UploadFromUrlForm,
  type UploadFromUrlFormProps,
  type UploadFromUrlOptions,
} from "./UploadFromUrlForm";
export { VideoDetails, type VideoDetailsProps } from "./VideoDetails";
export { VideoGrid, type VideoGridProps } from "./VideoGrid";
export { VideoStatusBadge, type VideoStatusBadgeProps } from "./VideoStatusBadge";
export { type VideoLibraryProps, VideoTable, type VideoTableProps } from "./VideoTable";
export { VideoThumbnail, type VideoThumbnailProps } from "./VideoThumbnail";
