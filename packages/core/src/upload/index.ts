/**
 * `@streamkit/core/upload`: the direct creator upload engine (basic POST and tus), kept out of the
 * main entry so apps that never upload a file never ship it; tus-js-client itself loads only when
 * a tus upload starts.
 */
export { type ReadDurationOptions, readIsoBmffDuration, readVideoDuration } from "./duration";
export { VideoProcessingError } from "./errors";
export {
  checkDuration,
  checkFile,
  DEFAULT_ACCEPT,
  DURATION_MARGIN_SECONDS,
  type FileProblem,
  type FileRules,
  formatBytes,
  matchesAccept,
  maxDurationFor,
} from "./fileChecks";
export { type UploadItemStatus, uploadItemState } from "./itemState";
export {
  BASIC_UPLOAD_MAX_BYTES,
  chooseProtocol,
  MAX_UPLOAD_BYTES,
  TUS_CHUNK_MULTIPLE,
  TUS_DEFAULT_CHUNK_BYTES,
  TUS_MAX_CHUNK_BYTES,
  TUS_MIN_CHUNK_BYTES,
  tusChunkSize,
} from "./limits";
export { encodeUploadMetadata } from "./metadata";
export { DEFAULT_RETRY_DELAYS, type UploadOptions, type UploadVideoSettings } from "./options";
export {
  createUploadQueue,
  DEFAULT_CONCURRENCY,
  type QueueItem,
  type UploadQueue,
  type UploadQueueOptions,
} from "./queue";
export type {
  UploadEvent,
  UploadListener,
  UploadProtocol,
  UploadResult,
  UploadSnapshot,
  UploadState,
} from "./state";
export {
  createMemoryUrlStorage,
  fingerprintOf,
  type StoredUpload,
  type UploadUrlStorage,
} from "./storage";
export { createUpload, StreamUpload } from "./upload";
