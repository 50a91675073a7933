import type { Video } from "@streamkit/core";
import { type ReactNode, useCallback, useRef } from "react";
import { cx } from "./cx";
import { LibraryStatus } from "./library/LibraryStatus";
import { LibraryToolbar } from "./library/LibraryToolbar";
import { useLibraryView } from "./library/useLibraryView";
import { useVirtualRows } from "./library/useVirtualRows";
import { VideoCard } from "./library/VideoCard";
import { useMessages } from "./messages/context";
import { tableMessages } from "./messages/table";
import { PAGE, type VideoLibraryProps } from "./VideoTable";

export interface VideoGridProps extends VideoLibraryProps {
  /** CSS width of each thumbnail. Defaults to 240. */
  thumbnailWidth?: number;
}

/**
 * The video library as cards with thumbnails: the same data, search, filter and paging as
 * `VideoTable`, without selection and delete. Search and status are controlled (`search` +
 * `onSearchChange`, …) or uncontrolled (`defaultSearch`, …).
 *
 * `data-state`: `loading`, `error`, `empty`, `ready`; on each card: the video's phase.
 */
export function VideoGrid(props: VideoGridProps): ReactNode {
  const {
    filters,
    onSelect,
    renderName,
    searchDelayMs,
    emptyAction,
    virtualize = true,
    thumbnailWidth = 240,
    search,
    defaultSearch,
    onSearchChange,
    status,
    defaultStatus,
    onStatusChange,
    className,
    ...rest
  } = props;
  const text = useMessages("table", tableMessages);
  const library = useLibraryView("VideoGrid", props);
  const { videos } = library.list;
  const onSelectRef = useRef(onSelect);
  onSelectRef.current = onSelect;
  const activate = useCallback((video: Video) => onSelectRef.current?.(video), []);
  const state = library.list.state;
  const list = useRef<HTMLUListElement>(null);
  const windowed = useVirtualRows(
    virtualize && (videos.length > PAGE || library.list.hasNextPage),
    list,
    { count: videos.length, estimate: 260, gap: 16, onNearEnd: library.loadMore },
  );
  const { first, columns } = windowed;

  return (
    <div {...rest} className={cx("sk-library", className)} data-state={state}>
      <LibraryToolbar library={library} />
      {videos.length > 0 && (
        <ul
          ref={list}
          className="sk-grid"
          aria-label={text.caption}
          style={{ paddingBlock: `${windowed.before}px ${windowed.after}px` }}
        >
          {videos.slice(first, windowed.last + 1).map((video, i) => (
            <VideoCard
              key={video.uid}
              row={Math.floor((first + i) / columns)}
              measure={(first + i) % columns ? undefined : windowed.measure}
              video={video}
              defer={windowed.fast}
              thumbnailWidth={thumbnailWidth}
              activatable={onSelect !== undefined}
              renderName={renderName}
              onActivate={activate}
            />
          ))}
        </ul>
      )}
      <LibraryStatus library={library} emptyAction={emptyAction} />
    </div>
  );
}
