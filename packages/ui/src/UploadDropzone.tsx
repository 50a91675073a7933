import type { Video } from "@streamkit/core";
import { DEFAULT_ACCEPT } from "@streamkit/core/upload";
import { type UploadFileOptions, type UploadItem, useUpload } from "@streamkit/hooks/upload";
import {
  type ChangeEvent,
  type HTMLAttributes,
  type ReactNode,
  useCallback,
  useId,
  useMemo,
  useRef,
} from "react";
import { cx } from "./cx";
import { formatLimit } from "./dropzone/describe";
import { UploadRow } from "./dropzone/UploadRow";
import { useAnnouncements } from "./dropzone/useAnnouncements";
import { useDropzoneTexts } from "./dropzone/useDropzoneTexts";
import { useFileDrop } from "./dropzone/useFileDrop";

/** Settings sent with every upload (`meta`, `creator`, `requireSignedURLs`, `protocol`, …). */
export type UploadDropzoneOptions = Omit<
  UploadFileOptions,
  "accept" | "maxSizeBytes" | "maxDurationSeconds"
>;

export interface UploadDropzoneProps
  extends Omit<HTMLAttributes<HTMLDivElement>, "children" | "onError"> {
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
 * Upload videos from the user's disk: a drop area and a real file input (keyboard and screen
 * reader friendly), files checked against `accept`/`maxSizeBytes`/`maxDurationSeconds` before any
 * request, one row per file with progress, pause/resume/cancel/retry, then the live processing
 * status until ready. Needs a `StreamProvider`.
 *
 * `data-state` on the root: `idle`, `dragover`, `disabled`; on each row: the upload's state.
 */
export function UploadDropzone({
  accept = DEFAULT_ACCEPT,
  maxSizeBytes,
  maxDurationSeconds,
  multiple = true,
  concurrency,
  disabled = false,
  uploadOptions,
  onUnmount,
  onUploaded,
  onReady,
  onError,
  className,
  ...rest
}: UploadDropzoneProps): ReactNode {
  const texts = useDropzoneTexts();
  const { text } = texts;
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
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
  const latest = useRef({ accept, limits, uploadOptions, multiple });
  latest.current = { accept, limits, uploadOptions, multiple };
  const { add } = upload;

  const addFiles = useCallback(
    (files: File[]) => {
      const { accept: a, limits: l, uploadOptions: o, multiple: m } = latest.current;
      add(m ? files : files.slice(0, 1), {
        ...o,
        accept: a,
        maxSizeBytes: l.maxSizeBytes,
        maxDurationSeconds: l.maxDurationSeconds,
      });
    },
    [add],
  );
  const drop = useFileDrop(addFiles, disabled);
  const announcement = useAnnouncements(upload.items, texts, limits);

  const chosen = (event: ChangeEvent<HTMLInputElement>) => {
    const files = Array.from(event.target.files ?? []);
    event.target.value = ""; // choosing the same file again still fires change
    if (files.length > 0) addFiles(files);
  };

  const hint = text.limits(
    maxSizeBytes === undefined ? undefined : text.formatSize(maxSizeBytes),
    maxDurationSeconds === undefined ? undefined : formatLimit(maxDurationSeconds, texts),
  );
  const state = disabled ? "disabled" : drop.dragging ? "dragover" : "idle";

  return (
    <div {...rest} className={cx("sk-dropzone", className)} data-state={state}>
      <fieldset
        className="sk-dropzone__area"
        aria-describedby={hint ? `${id}-hint` : undefined}
        {...drop.handlers}
      >
        <legend className="sk-visually-hidden">{text.area}</legend>
        <p className="sk-dropzone__prompt">{drop.dragging ? text.dropHere : text.prompt}</p>
        <input
          ref={input}
          id={`${id}-input`}
          className="sk-dropzone__input sk-visually-hidden"
          type="file"
          accept={accept}
          multiple={multiple}
          disabled={disabled}
          onChange={chosen}
        />
        <label htmlFor={`${id}-input`} className="sk-button sk-dropzone__button">
          {text.choose(multiple)}
        </label>
        {hint && (
          <p id={`${id}-hint`} className="sk-dropzone__hint">
            {hint}
          </p>
        )}
      </fieldset>
      <p className="sk-visually-hidden" role="status" aria-live="polite">
        {announcement}
      </p>
      {upload.items.length > 0 && (
        <ul className="sk-dropzone__list" aria-label={text.uploads}>
          {upload.items.map((item) => (
            <UploadRow
              key={item.id}
              item={item}
              limits={limits}
              actions={{
                pause: upload.pause,
                resume: upload.resume,
                retry: upload.retry,
                cancel: (itemId) => void upload.cancel(itemId),
                remove: (itemId) => void upload.remove(itemId),
              }}
            />
          ))}
        </ul>
      )}
    </div>
  );
}
