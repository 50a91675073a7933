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
export {
  createUploadQueue,
  DEFAULT_CONCURRENCY,
  type QueueItem,
  type QueueItemState,
  type UploadQueue,
  type UploadQueueOptions,
} from "./queue";
export { createMemoryUrlStorage, type StoredUpload, type UploadUrlStorage } from "./storage";
export {
  createUpload,
  DEFAULT_RETRY_DELAYS,
  fingerprintOf,
  StreamUpload,
  type UploadEvent,
  type UploadListener,
  type UploadOptions,
  type UploadProtocol,
  type UploadResult,
  type UploadSnapshot,
  type UploadState,
  type UploadVideoSettings,
} from "./upload";
