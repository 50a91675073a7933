import type { ErrorReason, Video } from "@streamkit/core";
import {
  createUploadQueue,
  type QueueItem,
  type UploadOptions,
  type UploadProtocol,
  type UploadQueue,
  type UploadState,
  uploadItemState,
} from "@streamkit/core/upload";
import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from "react";
import { useStreamContext } from "./context";
import { useUploadCallbacks } from "./useUploadCallbacks";
import { useUploadProcessing } from "./useUploadProcessing";

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

export interface UseUploadResult {
  items: UploadItem[];
  /** Queues files (a `FileList` works); refused ones end in `error` without a request. */
  add(files: Iterable<Blob> | ArrayLike<Blob>, options?: UploadFileOptions): string[];
  pause(id: string): void;
  resume(id: string): void;
  cancel(id: string): Promise<void>;
  retry(id: string): void;
  /** Cancels it if unfinished, and drops it from `items`. */
  remove(id: string): Promise<void>;
  cancelAll(): Promise<void>;
  /** Some file is validating, queued, uploading or paused. */
  isUploading: boolean;
}

const EMPTY: readonly QueueItem[] = [];

/**
 * Uploads files from the user's disk straight to Stream (basic POST up to 200 MB, tus above),
 * a few at a time, then follows each video's processing through the shared status poller until
 * it is ready. Files are validated (type, size, duration) before anything is requested.
 * Unmounting stops every upload (see `onUnmount`); nothing is set on an unmounted component.
 */
export function useUpload(options: UseUploadOptions = {}): UseUploadResult {
  const { client } = useStreamContext();
  const latest = useRef({ options, client });
  latest.current = { options, client };
  const { concurrency = 2, onUnmount = "cancel" } = options;

  const [queue] = useState<UploadQueue>(() => createUploadQueue({ concurrency }));
  useEffect(() => queue.setConcurrency(concurrency), [queue, concurrency]);

  // Unmount stops everything. StrictMode's rehearsal (cleanup, then setup at once) is ignored:
  // the queue is only disposed if no setup followed within the same task.
  const mounted = useRef(0);
  const unmountMode = useRef(onUnmount);
  unmountMode.current = onUnmount;
  useEffect(() => {
    mounted.current += 1;
    return () => {
      mounted.current -= 1;
      queueMicrotask(() => {
        if (mounted.current === 0) void queue.dispose(unmountMode.current);
      });
    };
  }, [queue]);

  const queueItems = useSyncExternalStore(queue.subscribe, queue.getItems, () => EMPTY);

  // Uploads whose bytes are in: their videos, as the shared poller and the cache see them.
  const processing = useUploadProcessing(queueItems);
  const items = useMemo(
    () =>
      queueItems.map((item): UploadItem => {
        const s = item.snapshot;
        const seen = s.uid ? processing.get(s.uid) : undefined;
        return {
          id: item.id,
          file: item.file,
          name: item.name,
          protocol: s.protocol,
          bytesUploaded: s.bytesUploaded,
          bytesTotal: s.bytesTotal,
          uid: s.uid,
          ...uploadItemState({ ...s, state: item.state }, seen?.video, seen?.pollError),
        };
      }),
    [queueItems, processing],
  );

  useUploadCallbacks(items, latest);

  const add = useCallback(
    (files: Iterable<Blob> | ArrayLike<Blob>, extra: UploadFileOptions = {}) => {
      const { options: o, client: c } = latest.current;
      const {
        concurrency: _c,
        onUnmount: _u,
        onUploaded: _up,
        onReady: _r,
        onError: _e,
        ...defaults
      } = o;
      return queue.add(files, { ...defaults, ...extra, client: c }).map((item) => item.id);
    },
    [queue],
  );

  return {
    items,
    add,
    pause: queue.pause,
    resume: queue.resume,
    cancel: queue.cancel,
    retry: queue.retry,
    remove: queue.remove,
    cancelAll: queue.cancelAll,
    isUploading: items.some((i) =>
      ["queued", "validating", "uploading", "paused"].includes(i.state),
    ),
  };
}
