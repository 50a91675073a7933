import type { Video } from "@streamkit/core";
import { DEFAULT_ACCEPT } from "@streamkit/core/upload";
import { type UploadFileOptions, type UploadItem, useUpload } from "@streamkit/hooks/upload";
import { type HTMLAttributes, type ReactNode, useCallback, useId, useMemo, useRef } from "react";
import { cx } from "../cx";
import { type DropzoneInternals, UploadDropzoneContext, type UploadDropzoneState } from "./context";
import type { UploadRowActions } from "./UploadRow";
import { useFileDrop } from "./useFileDrop";

/** Settings sent with every upload (`meta`, `creator`, `requireSignedURLs`, `protocol`, …). */
export type UploadDropzoneOptions = Omit<
  UploadFileOptions,
  "accept" | "maxSizeBytes" | "maxDurationSeconds"
>;

export interface UploadDropzoneRootProps extends Omit<HTMLAttributes<HTMLDivElement>, "onError"> {
  /** Accepted files, as `<input accept>` takes them. Defaults to the containers Stream reads. */
  accept?: string;
  /** Largest file in bytes; larger ones are refused (and listed) without a request. */
  maxSizeBytes?: number;
  /** Longest video in seconds (read in the browser); also caps Stream's `maxDurationSeconds`. */
  maxDurationSeconds?: number;
  /** Several files at once. Defaults to true. */
  multiple?: boolean;
  /** Files sending at once. Defaults to 2. */
  concurrency?: number;
  disabled?: boolean;
  /** Sent with every upload. */
  uploadOptions?: UploadDropzoneOptions;
  /**
   * The watermark profile applied to each new upload (direct upload `watermark`, tus metadata
   * `watermark`); wins over `uploadOptions.watermark`. Read when files are added.
   */
  watermark?: { uid: string };
  /**
   * Unfinished uploads on unmount: `cancel` (default) deletes their half videos; `pause` leaves
   * tus uploads resumable after a reload (choose the same file again).
   */
  onUnmount?: "cancel" | "pause";
  /** The bytes are in; Stream processes the video next. */
  onUploaded?: (uid: string, item: UploadItem) => void;
  /** The video is ready to play. Once per file. */
  onReady?: (video: Video) => void;
  /** A file was refused, or its upload or processing failed. */
  onError?: (error: Error, item: UploadItem) => void;
}

/**
 * The root of a hand-composed dropzone: holds the upload queue and the settings, and renders
 * the `div.sk-dropzone` its parts (`UploadDropzoneInput`, `UploadDropzoneStatus`,
 * `UploadDropzoneList`, or the app's own through `useUploadDropzone`) go in. Needs a
 * `StreamProvider`. Every prop may change after mount.
 *
 * `data-state`: `idle`, `dragover`, `disabled`.
 */
export function UploadDropzoneRoot({
  accept = DEFAULT_ACCEPT,
  maxSizeBytes,
  maxDurationSeconds,
  multiple = true,
  concurrency,
  disabled = false,
  uploadOptions,
  watermark,
  onUnmount,
  onUploaded,
  onReady,
  onError,
  className,
  children,
  ...rest
}: UploadDropzoneRootProps): ReactNode {
  const id = useId();
  const upload = useUpload({
    concurrency,
    onUnmount,
    onUploaded: (item) => {
      if (item.uid) onUploaded?.(item.uid, item);
    },
    onReady: (video) => onReady?.(video),
    onError,
  });
  const limits = useMemo(
    () => ({ maxSizeBytes, maxDurationSeconds }),
    [maxSizeBytes, maxDurationSeconds],
  );
  const latest = useRef({ accept, limits, uploadOptions, multiple, watermark });
  latest.current = { accept, limits, uploadOptions, multiple, watermark };
  const { add, pause, resume, retry, cancel, remove } = upload;

  const addFiles = useCallback(
    (files: File[]) => {
      const { accept: a, limits: l, uploadOptions: o, multiple: m, watermark: w } = latest.current;
      add(m ? files : files.slice(0, 1), {
        ...o,
        ...(w ? { watermark: { uid: w.uid } } : {}),
        accept: a,
        maxSizeBytes: l.maxSizeBytes,
        maxDurationSeconds: l.maxDurationSeconds,
      });
    },
    [add],
  );
  const drop = useFileDrop(addFiles, disabled);
  const actions = useMemo<UploadRowActions>(
    () => ({
      pause,
      resume,
      retry,
      cancel: (itemId) => void cancel(itemId),
      remove: (itemId) => void remove(itemId),
    }),
    [pause, resume, retry, cancel, remove],
  );
  const state: UploadDropzoneState = disabled ? "disabled" : drop.dragging ? "dragover" : "idle";
  const context: DropzoneInternals = {
    upload,
    addFiles,
    state,
    accept,
    multiple,
    disabled,
    limits,
    id,
    drop,
    actions,
  };

  return (
    <UploadDropzoneContext.Provider value={context}>
      <div {...rest} className={cx("sk-dropzone", className)} data-state={state}>
        {children}
      </div>
    </UploadDropzoneContext.Provider>
  );
}
