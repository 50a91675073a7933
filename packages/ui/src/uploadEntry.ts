"use client";

/**
 * `@streamkit/ui/upload`: `UploadDropzone`, file uploads from the user's disk, with its texts,
 * and the parts it is made of (`UploadDropzoneRoot`, `UploadDropzoneInput`, …) for apps that
 * compose their own. A subpath of its own, like `@streamkit/hooks/upload` underneath it, so apps
 * that only play videos or upload from URLs do not carry the dropzone or the upload queue.
 *
 * The parts are plain named exports, not `UploadDropzone.Root`: a server component cannot dot
 * into a client module, and unused parts stay out of the bundle.
 */
export {
  type UploadDropzoneContextValue,
  type UploadDropzoneState,
  useUploadDropzone,
} from "./dropzone/context";
export type { DropzoneMessages } from "./dropzone/messages";
export { UploadDropzoneInput, type UploadDropzoneInputProps } from "./dropzone/UploadDropzoneInput";
export {
  UploadDropzoneList,
  type UploadDropzoneListProps,
  UploadDropzoneRow,
  type UploadDropzoneRowProps,
  UploadDropzoneStatus,
} from "./dropzone/UploadDropzoneList";
export { UploadDropzoneRoot, type UploadDropzoneRootProps } from "./dropzone/UploadDropzoneRoot";
export {
  UploadDropzone,
  type UploadDropzoneOptions,
  type UploadDropzoneProps,
} from "./UploadDropzone";
