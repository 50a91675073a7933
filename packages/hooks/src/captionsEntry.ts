"use client";

/**
 * `@streamkit/hooks/captions`: captions and MP4/M4A downloads. A subpath of its own, like
 * `@streamkit/core/captions`, so apps that do not manage them do not carry them.
 */
export {
  type CaptionVariables,
  captionsQueryOptions,
  type UploadCaptionVariables,
  useCaptions,
  useDeleteCaption,
  useGenerateCaption,
  useUploadCaption,
} from "./captions";
export {
  captionTextQueryOptions,
  type UseCaptionTextOptions,
  useCaptionText,
} from "./captionText";
export {
  type DownloadVariables,
  downloadsQueryOptions,
  useCreateDownload,
  useDeleteDownload,
  useDownloads,
} from "./downloads";
export type { UseMediaOptions } from "./media";
