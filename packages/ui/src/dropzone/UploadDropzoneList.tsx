import type { UploadItem } from "@streamkit/hooks/upload";
import type { HTMLAttributes, LiHTMLAttributes, ReactNode } from "react";
import { cx } from "../cx";
import { useDropzonePart } from "./context";
import { UploadRow } from "./UploadRow";
import { useAnnouncements } from "./useAnnouncements";
import { useDropzoneTexts } from "./useDropzoneTexts";

export interface UploadDropzoneListProps
  extends Omit<HTMLAttributes<HTMLUListElement>, "children"> {
  /** Renders each file; give it a `key`. Defaults to `<UploadDropzoneRow key={item.id} item={item} />`. */
  children?: (item: UploadItem) => ReactNode;
}

const defaultRow = (item: UploadItem) => <UploadDropzoneRow key={item.id} item={item} />;

/**
 * The files of an `UploadDropzoneRoot`, one row each; nothing while there are none.
 *
 * `data-state`: `active` while a file is validating, queued, uploading or paused; else `idle`.
 */
export function UploadDropzoneList({
  children = defaultRow,
  className,
  ...rest
}: UploadDropzoneListProps): ReactNode {
  const { upload } = useDropzonePart("UploadDropzoneList");
  const { text } = useDropzoneTexts();
  if (upload.items.length === 0) return null;
  return (
    <ul
      aria-label={text.uploads}
      {...rest}
      className={cx("sk-dropzone__list", className)}
      data-state={upload.isUploading ? "active" : "idle"}
    >
      {upload.items.map(children)}
    </ul>
  );
}

export interface UploadDropzoneRowProps extends Omit<LiHTMLAttributes<HTMLLIElement>, "children"> {
  item: UploadItem;
}

/**
 * One file of an `UploadDropzoneRoot`: name, size, progress while sending, then the live status;
 * pause/resume/retry and cancel/remove buttons that keep focus as the state changes.
 *
 * `data-state`: the upload's state (`queued`, `uploading`, `paused`, `processing`, `ready`, …).
 */
export function UploadDropzoneRow(props: UploadDropzoneRowProps): ReactNode {
  const { actions, limits } = useDropzonePart("UploadDropzoneRow");
  return <UploadRow {...props} actions={actions} limits={limits} />;
}

/**
 * The polite live region of an `UploadDropzoneRoot`: starts, completions, failures, refusals and
 * cancellations as they happen. Keep one in every dropzone, even a hand-composed one: without
 * it, screen reader users hear nothing of uploads they cannot see progressing.
 */
export function UploadDropzoneStatus({
  className,
  ...rest
}: Omit<HTMLAttributes<HTMLParagraphElement>, "children">): ReactNode {
  const { upload, limits } = useDropzonePart("UploadDropzoneStatus");
  const texts = useDropzoneTexts();
  const announcement = useAnnouncements(upload.items, texts, limits);
  return (
    <p {...rest} className={cx("sk-visually-hidden", className)} role="status" aria-live="polite">
      {announcement}
    </p>
  );
}
