import type { ErrorReason, Video } from "@streamkit/core";
import type {
  UploadOptions,
  UploadProtocol,
  UploadQueue,
  UploadState,
} from "@streamkit/core/upload";

/** The one upload vocabulary, the same union as `UploadState` of `@streamkit/core/upload`. */
export type UploadItemState = UploadState;
export type { UploadState };

export interface UploadItem {
  id: string;
  file: Blob;
  name: string;
  state: UploadItemState;
  protocol: UploadProtocol;
  bytesUploaded: number;
  bytesTotal: number;
  /** 0..100 of the current step: the bytes while uploading, encoding while processing. */
  percent: number;
  /** The video, once the proxy created it. */
  uid: string | undefined;
  /** The latest copy from the query cache, while processing and once ready. */
  video: Video | undefined;
  /**
   * `StreamValidationError` (refused before any request: `field` is `type`, `size` or
   * `duration`), `StreamApiError`, `StreamNetworkError`, or `VideoProcessingError`.
   */
  error: Error | undefined;
  /** Why processing failed. */
  errorReason: ErrorReason | undefined;
  /** `retry(id)` would do something (refused files cannot be retried). */
  canRetry: boolean;
}

/** Everything `createUpload` takes except the client, which comes from the provider. */
export type UploadFileOptions = Omit<UploadOptions, "client">;

export interface UseUploadOptions extends UploadFileOptions {
  /** Files sending at once. Defaults to 2. */
  concurrency?: number;
  /**
   * What unmounting does to unfinished uploads: `cancel` (default) stops them and deletes their
   * half videos; `pause` only stops them, so tus uploads continue after a reload.
   */
  onUnmount?: "cancel" | "pause";
  /** The bytes are in (processing starts). Once per file. */
  onUploaded?: (item: UploadItem) => void;
  /** The video is ready to play. Once per file. */
  onReady?: (video: Video, item: UploadItem) => void;
  /** Refused, failed upload, or failed processing. Once per failure. */
  onError?: (error: Error, item: UploadItem) => void;
}

/** The queue's own controls, by item id (`remove` cancels an unfinished one and drops it). */
type QueueControls = Pick<
  UploadQueue,
  "pause" | "resume" | "cancel" | "retry" | "remove" | "cancelAll"
>;

export interface UseUploadResult extends QueueControls {
  items: UploadItem[];
  /** Queues files (a `FileList` works); refused ones end in `error` without a request. */
  add(files: Iterable<Blob> | ArrayLike<Blob>, options?: UploadFileOptions): string[];
  /** Some file is validating, queued, uploading or paused. */
  isUploading: boolean;
}
