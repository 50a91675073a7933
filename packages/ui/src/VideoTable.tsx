import type { Video } from "@streamkit/core";
import type { VideoListFilters } from "@streamkit/hooks";
import {
  type HTMLAttributes,
  type ReactNode,
  useCallback,
  useEffect,
  useRef,
  useState,
} from "react";
import { cx } from "./cx";
import { LibraryStatus } from "./library/LibraryStatus";
import { LibraryToolbar } from "./library/LibraryToolbar";
import { useDeleteMany } from "./library/useDeleteMany";
import { libraryState, useLibrary } from "./library/useLibrary";
import { VideoRow } from "./library/VideoRow";
import { useCommonMessages, useMessages } from "./messages/context";
import { tableMessages } from "./messages/table";
import { InlineConfirm } from "./parts/InlineConfirm";

export interface VideoLibraryProps
  extends Omit<HTMLAttributes<HTMLDivElement>, "onSelect" | "children"> {
  /** Filters always applied (`creator`, `limit` as page size, `asc`, …); may change after mount. */
  filters?: VideoListFilters;
  /** Activating a video's name (it becomes a button) calls this. */
  onSelect?: (video: Video) => void;
  /**
   * Renders the name cell instead (a router link, say); it receives the live video. Pass a stable
   * function (module level or `useCallback`) so rows stay memoized.
   */
  renderName?: (video: Video) => ReactNode;
  /** Milliseconds the search box waits after the last keystroke. Defaults to 300. */
  searchDelayMs?: number;
}

export interface VideoTableProps extends VideoLibraryProps {
  /** Checkboxes per row, select-all and "Delete N selected". Defaults to true. */
  selectable?: boolean;
}

/**
 * The video library as a table: search, status filter, cursor paging ("Load more"), live status
 * per unfinished row, selection with bulk delete, and a confirm step before every delete.
 * Rows are memoized: a poll that changes one video renders that one row.
 *
 * `data-state`: `loading`, `error`, `empty`, `ready`.
 */
export function VideoTable({
  filters,
  onSelect,
  renderName,
  searchDelayMs = 300,
  selectable = true,
  className,
  ...rest
}: VideoTableProps): ReactNode {
  const messages = useCommonMessages();
  const text = useMessages("table", tableMessages);
  const library = useLibrary(filters, searchDelayMs);
  const { videos } = library.list;
  const root = useRef<HTMLDivElement>(null);
  const selectAll = useRef<HTMLInputElement>(null);
  const [selected, setSelected] = useState<ReadonlySet<string>>(() => new Set());
  const deletion = useDeleteMany();
  const onSelectRef = useRef(onSelect);
  onSelectRef.current = onSelect;

  const toggle = useCallback((uid: string, on: boolean) => {
    setSelected((previous) => {
      const next = new Set(previous);
      if (on) next.add(uid);
      else next.delete(uid);
      return next;
    });
  }, []);
  const activate = useCallback((video: Video) => onSelectRef.current?.(video), []);
  const { remove } = deletion;
  const removeVideos = useCallback(
    (uids: string[]) => {
      // The rows (and the focused button) are about to go: keep focus in the library.
      root.current?.focus();
      setSelected((previous) => new Set([...previous].filter((uid) => !uids.includes(uid))));
      remove(uids);
    },
    [remove],
  );

  const chosen = videos.filter((v) => v.uid !== undefined && selected.has(v.uid));
  const allChosen = videos.length > 0 && chosen.length === videos.length;
  useEffect(() => {
    if (selectAll.current)
      selectAll.current.indeterminate = chosen.length > 0 && chosen.length < videos.length;
  });

  const state = libraryState(library);

  return (
    <div
      {...rest}
      ref={root}
      tabIndex={-1}
      className={cx("sk-library", className)}
      data-state={state}
    >
      <LibraryToolbar library={library}>
        {selectable && chosen.length > 0 && (
          <InlineConfirm
            label={text.deleteSelected(chosen.length)}
            question={text.confirmDeleteSelected(chosen.length)}
            confirmLabel={text.confirm}
            cancelLabel={text.cancel}
            onConfirm={() => removeVideos(chosen.map((v) => v.uid ?? ""))}
          />
        )}
      </LibraryToolbar>
      {videos.length > 0 && (
        <div className="sk-scroll">
          <table className="sk-table">
            <caption className="sk-visually-hidden">{text.caption}</caption>
            <thead>
              <tr>
                {selectable && (
                  <th scope="col">
                    <input
                      ref={selectAll}
                      type="checkbox"
                      aria-label={text.selectAll}
                      checked={allChosen}
                      onChange={(event) =>
                        setSelected(
                          new Set(event.target.checked ? videos.map((v) => v.uid ?? "") : []),
                        )
                      }
                    />
                  </th>
                )}
                <th scope="col">{text.columnName}</th>
                <th scope="col">{text.columnStatus}</th>
                <th scope="col">{text.columnDuration}</th>
                <th scope="col">{text.columnCreated}</th>
                <th scope="col">{text.columnActions}</th>
              </tr>
            </thead>
            <tbody>
              {videos.map((video) => (
                <VideoRow
                  key={video.uid}
                  video={video}
                  selected={video.uid !== undefined && selected.has(video.uid)}
                  selectable={selectable}
                  activatable={onSelect !== undefined}
                  renderName={renderName}
                  onToggle={toggle}
                  onActivate={activate}
                  onDelete={removeVideos}
                />
              ))}
            </tbody>
          </table>
        </div>
      )}
      <LibraryStatus library={library} />
      {deletion.error && (
        <p role="alert" className="sk-alert">
          {messages.requestFailed(deletion.error.message)}
        </p>
      )}
      <p role="status" className="sk-visually-hidden">
        {deletion.deleted > 0 ? text.deleted(deletion.deleted) : ""}
      </p>
    </div>
  );
}
