import {
  createUploadQueue,
  type QueueItem,
  type UploadQueue,
  uploadItemState,
} from "@streamkit/core/upload";
import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from "react";
import { useStreamContext } from "./context";
import type {
  UploadFileOptions,
  UploadItem,
  UseUploadOptions,
  UseUploadResult,
} from "./uploadTypes";
import { useForgottenUploads } from "./useForgottenUploads";
import { useUploadCallbacks } from "./useUploadCallbacks";
import { useUploadProcessing } from "./useUploadProcessing";

export type {
  UploadFileOptions,
  UploadItem,
  UploadItemState,
  UploadState,
  UseUploadOptions,
  UseUploadResult,
} from "./uploadTypes";

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
  const forget = useForgottenUploads(queueItems);

  // A row removed before its bytes were in takes its video with it (the queue cancels it), and
  // the queue no longer reports on it: the lists are told here.
  const remove = useCallback(
    async (id: string) => {
      const item = queue.get(id);
      const uid = item?.state === "processing" ? undefined : item?.snapshot.uid;
      await queue.remove(id);
      if (uid) forget(uid);
    },
    [queue, forget],
  );

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
    remove,
    cancelAll: queue.cancelAll,
    isUploading: items.some((i) =>
      ["queued", "validating", "uploading", "paused"].includes(i.state),
    ),
  };
}
