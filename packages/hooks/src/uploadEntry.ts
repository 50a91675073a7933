"use client";

/**
 * `@streamkit/hooks/upload`: file uploads from the user's disk (`useUpload`). A subpath of its
 * own, like `@streamkit/core/upload` underneath it, so apps that only upload from URLs or only
 * play videos do not carry the upload queue.
 */
export {
  type UploadFileOptions,
  type UploadItem,
  type UploadItemState,
  type UploadState,
  type UseUploadOptions,
  type UseUploadResult,
  useUpload,
} from "./useUpload";
