import { errorReason, isTerminal, type Video, videoPhase } from "@streamkit/core";
import { useListedVideo } from "@streamkit/hooks/library";
import { memo, type ReactNode, useState } from "react";
import { useMessages } from "../messages/context";
import { tableMessages } from "../messages/table";
import { InlineConfirm } from "../parts/InlineConfirm";
import { videoName } from "../parts/videoName";
import { VideoStatusBadge } from "../VideoStatusBadge";

export interface VideoRowProps {
  /** The list's copy; the row follows the video's cache entry from there. */
  video: Video;
  /** Its place in the loaded list, for windowing and `aria-rowindex`. */
  index: number;
  /** Measures the row's height when the table is windowed. */
  measure: (element: Element | null) => void;
  selected: boolean;
  selectable: boolean;
  /** The name is a button that calls `onActivate`. */
  activatable: boolean;
  renderName: ((video: Video) => ReactNode) | undefined;
  onToggle: (uid: string, selected: boolean) => void;
  onActivate: (video: Video) => void;
  onDelete: (uids: string[]) => void;
}

/**
 * One row of `VideoTable`. Memoized: with stable callbacks it renders again only when its own
 * video or selection changes, never because a poll answered the same thing.
 */
export const VideoRow = memo(function VideoRow({
  video: listed,
  index,
  measure,
  selected,
  selectable,
  activatable,
  renderName,
  onToggle,
  onActivate,
  onDelete,
}: VideoRowProps): ReactNode {
  const text = useMessages("table", tableMessages);
  const video = useListedVideo(listed);
  const uid = video.uid ?? "";
  const name = videoName(video, text.untitled);
  // Unfinished at mount: the badge watches the uid (and stops polling by itself at ready).
  // Finished at mount: the badge just shows the video; a ready row costs no requests.
  const [live] = useState(() => !isTerminal(video));
  const duration = video.duration !== undefined && video.duration > 0 ? video.duration : undefined;
  // Shown, not only read out: the badge's own text already carries it for screen readers.
  const reason = errorReason(video)?.text;

  return (
    <tr
      ref={measure}
      data-index={index}
      // The header is row 1; with rows windowed, the reader still hears each row's place.
      aria-rowindex={index + 2}
      data-state={videoPhase(video)}
      data-selected={selected || undefined}
    >
      {selectable && (
        <td>
          <input
            type="checkbox"
            aria-label={text.selectRow(name)}
            checked={selected}
            data-state={selected ? "checked" : "unchecked"}
            onChange={(event) => onToggle(uid, event.target.checked)}
          />
        </td>
      )}
      <th scope="row">
        {renderName ? (
          renderName(video)
        ) : activatable ? (
          <button
            type="button"
            className="sk-link sk-clamp"
            title={name}
            onClick={() => onActivate(video)}
          >
            {name}
          </button>
        ) : (
          <span className="sk-clamp" title={name}>
            {name}
          </span>
        )}
      </th>
      <td data-label={text.columnStatus}>
        {live ? (
          <VideoStatusBadge uid={uid} />
        ) : (
          <VideoStatusBadge video={video} announce={false} />
        )}
        {reason && (
          <span className="sk-reason sk-clamp" aria-hidden="true" title={reason}>
            {reason}
          </span>
        )}
      </td>
      <td data-label={text.columnDuration}>
        {duration === undefined ? text.unknown : text.formatDuration(duration)}
      </td>
      <td data-label={text.columnCreated}>
        {video.created ? (
          <time dateTime={video.created}>{text.formatCreated(video.created)}</time>
        ) : (
          text.unknown
        )}
      </td>
      <td>
        <InlineConfirm
          label={text.delete}
          accessibleLabel={text.deleteVideo(name)}
          question={text.confirmDelete(name)}
          confirmLabel={text.confirm}
          cancelLabel={text.cancel}
          onConfirm={() => onDelete([uid])}
        />
      </td>
    </tr>
  );
});
