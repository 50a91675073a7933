import {
  type ErrorReason,
  errorReason,
  isUid,
  type Video,
  videoPhase,
  videoProgress,
} from "@streamkit/core";
import {
  createUploadQueue,
  type QueueItem,
  type UploadOptions,
  type UploadProtocol,
  type UploadQueue,
  VideoProcessingError,
} from "@streamkit/core/upload";
import { type QueryClient, useQueryClient } from "@tanstack/react-query";
import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from "react";
import { useStreamContext } from "./context";
import { streamKeys } from "./keys";

/**
 * `queued` (waiting for a slot) → `validating` → `uploading` ⇄ `paused` → `processing` (the bytes
 * are in; Stream encodes) → `ready`. `error` (typed, often retryable) and `cancelled` end it.
 */
export type UploadItemState =
  | "queued"
  | "validating"
  | "uploading"
  | "paused"
  | "processing"
  | "ready"
  | "error"
  | "cancelled";

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

/** What the cache holds for a video whose bytes just arrived, until the first poll answers. */
function seedVideo(uid: string, name: string): Video {
  return {
    uid,
    meta: { name },
    readyToStream: false,
    status: { state: "queued", pctComplete: "0", errorReasonCode: "", errorReasonText: "" },
  };
}

function describe(item: QueueItem, queryClient: QueryClient, pollError: unknown): UploadItem {
  const s = item.snapshot;
  const uploaded = s.state === "uploaded" && isUid(s.uid);
  const video = s.uid ? queryClient.getQueryData<Video>(streamKeys.video(s.uid)) : undefined;
  const base = {
    id: item.id,
    file: item.file,
    name: item.name,
    protocol: s.protocol,
    bytesUploaded: s.bytesUploaded,
    bytesTotal: s.bytesTotal,
    uid: s.uid,
    video: uploaded ? video : undefined,
    errorReason: undefined,
  };
  const uploadPercent = s.bytesTotal > 0 ? Math.floor((s.bytesUploaded / s.bytesTotal) * 100) : 0;
  if (!uploaded) {
    return {
      ...base,
      state: item.state === "uploaded" ? "processing" : item.state,
      percent: uploadPercent,
      error: s.error,
      canRetry: item.state === "error" && s.error?.name !== "StreamValidationError",
    };
  }
  const phase = video ? videoPhase(video) : undefined;
  if (phase === "ready") {
    return { ...base, state: "ready", percent: 100, error: undefined, canRetry: false };
  }
  const reason = phase === "error" ? errorReason(video) : undefined;
  if (video && reason) {
    return {
      ...base,
      state: "error",
      percent: 100,
      error: new VideoProcessingError(video, reason),
      errorReason: reason,
      canRetry: false,
    };
  }
  return {
    ...base,
    state: "processing",
    percent: Math.round(videoProgress(video) * 100),
    error: pollError instanceof Error ? pollError : undefined,
    canRetry: false,
  };
}

/**
 * Uploads files from the user's disk straight to Stream (basic POST up to 200 MB, tus above),
 * a few at a time, then follows each video's processing through the shared status poller until
 * it is ready. Files are validated (type, size, duration) before anything is requested.
 * Unmounting stops every upload (see `onUnmount`); nothing is set on an unmounted component.
 */
export function useUpload(options: UseUploadOptions = {}): UseUploadResult {
  const { client, poller } = useStreamContext();
  const queryClient = useQueryClient();
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

  // Uploaded videos: seed the cache, let the shared poller follow them, re-render on news.
  const [version, setVersion] = useState(0);
  const uploadedUids = useMemo(
    () =>
      queueItems
        .map((item) => (item.snapshot.state === "uploaded" ? item.snapshot.uid : undefined))
        .filter(isUid),
    [queueItems],
  );
  const uidKey = uploadedUids.join(",");
  const seeded = useRef(new Set<string>());
  useEffect(() => {
    if (uidKey === "") return;
    const uids = uidKey.split(",");
    const bump = () => setVersion((v) => v + 1);
    let fresh = false;
    for (const uid of uids) {
      if (seeded.current.has(uid)) continue;
      seeded.current.add(uid);
      fresh = true;
      const name = queue.getItems().find((i) => i.snapshot.uid === uid)?.name ?? uid;
      // The bytes are in: whatever an earlier poll saw (`pendingupload`) is out of date.
      queryClient.setQueryData<Video>(streamKeys.video(uid), (old) =>
        old && old.status?.state !== "pendingupload"
          ? old
          : { ...old, ...seedVideo(uid, name), meta: { name, ...old?.meta } },
      );
      poller.notify(uid);
    }
    if (fresh) void queryClient.invalidateQueries({ queryKey: streamKeys.lists() });
    const watching = new Set(uids);
    const stops = uids.map((uid) => poller.watch(uid, bump));
    const unsubscribe = queryClient.getQueryCache().subscribe((event) => {
      const key = event.query.queryKey;
      if (event.type === "updated" && watching.has(String(key[3])) && key[2] === "detail") bump();
    });
    bump();
    return () => {
      for (const stop of stops) stop();
      unsubscribe();
    };
  }, [uidKey, poller, queryClient, queue]);

  const items = useMemo(() => {
    void version; // cache and poller news re-derive the items
    return queueItems.map((item) =>
      describe(
        item,
        queryClient,
        item.snapshot.uid && item.snapshot.state === "uploaded"
          ? poller.getState(item.snapshot.uid).error
          : undefined,
      ),
    );
  }, [queueItems, version, queryClient, poller]);

  useCallbacks(items, latest, queryClient);

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

/** Calls onUploaded / onReady / onError once per item and event, with the latest callbacks. */
function useCallbacks(
  items: UploadItem[],
  latest: { current: { options: UseUploadOptions } },
  queryClient: QueryClient,
): void {
  const fired = useRef(new Map<string, Set<string>>());
  useEffect(() => {
    const o = latest.current.options;
    for (const item of items) {
      let seen = fired.current.get(item.id);
      if (!seen) {
        seen = new Set();
        fired.current.set(item.id, seen);
      }
      const once = (key: string, call: () => void) => {
        if (seen.has(key)) return;
        seen.add(key);
        call();
      };
      if (item.state === "processing" || item.state === "ready" || item.video) {
        once("uploaded", () => o.onUploaded?.(item));
      }
      if (item.state === "ready" && item.video) {
        const video = item.video;
        once("ready", () => {
          void queryClient.invalidateQueries({ queryKey: streamKeys.lists() });
          o.onReady?.(video, item);
        });
      }
      if (item.state === "error" && item.error) {
        const error = item.error;
        once(`error:${error.message}`, () => o.onError?.(error, item));
      }
      if (item.state !== "error")
        for (const key of seen) if (key.startsWith("error:")) seen.delete(key);
    }
  }, [items, latest, queryClient]);
}
