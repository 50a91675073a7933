"use client";

/**
 * `@streamkit/ui/upload`: `UploadDropzone`, file uploads from the user's disk, with its texts.
 * A subpath of its own, like `@streamkit/hooks/upload` underneath it, so apps that only play
 * videos or upload from URLs do not carry the dropzone or the upload queue.
 */
export type { DropzoneMessages } from "./dropzone/messages";
export {
  UploadDropzone,
  type UploadDropzoneOptions,
  type UploadDropzoneProps,
} from "./UploadDropzone";
