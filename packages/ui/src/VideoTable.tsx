import type { Video } from "@streamkit/core";
import type { VideoListFilters } from "@streamkit/hooks";
import { useDeleteVideos } from "@streamkit/hooks/library";
import {
  type HTMLAttributes,
  type ReactNode,
  useCallback,
  useEffect,
  useMemo,
  useRef,
} from "react";
import { cx } from "./cx";
import { LibraryStatus } from "./library/LibraryStatus";
import { LibraryToolbar } from "./library/LibraryToolbar";
import { type LibraryFilterProps, useLibraryView } from "./library/useLibraryView";
import { useVirtualRows } from "./library/useVirtualRows";
import { VideoRow } from "./library/VideoRow";
import { useMessages } from "./messages/context";
import { tableMessages } from "./messages/table";
import { InlineConfirm } from "./parts/InlineConfirm";
import { FailureAlert } from "./parts/RequestError";
import { useControllableState } from "./parts/useControllableState";

export interface VideoLibraryProps
  extends Omit<HTMLAttributes<HTMLDivElement>, "onSelect" | "children">,
    LibraryFilterProps {
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
  /**
   * Shown under the "no videos yet" text when the library holds none at all (not when a search
   * matches none): a call to action, such as a button that leads to the upload area.
   */
  emptyAction?: ReactNode;
  /**
   * Render only the rows near the viewport (the page's scroll), and fetch the next page as the
   * viewer nears the end. Defaults to true; `false` renders every loaded row.
   */
  virtualize?: boolean;
}

export interface VideoTableProps extends VideoLibraryProps {
  /** Checkboxes per row, select-all and "Delete N selected". Defaults to true. */
  selectable?: boolean;
  /** The uids of the selected rows, controlled (with `onSelectedChange`). */
  selected?: string[];
  /** The rows selected at mount, uncontrolled. Defaults to none. */
  defaultSelected?: string[];
  /** Every change of the selection: a checkbox, select-all, or selected rows deleted. */
  onSelectedChange?: (selected: string[]) => void;
}

const NONE: string[] = [];
/** Up to a page, every row is rendered and TanStack Virtual is never fetched. */
export const PAGE = 50;

/**
 * The video library as a table: search, status filter, cursor paging ("Load more"), live status
 * per unfinished row, selection with bulk delete, and a confirm step before every delete.
 * Rows are memoized: a poll that changes one video renders that one row. Selection, search and
 * status are each controlled (`selected` + `onSelectedChange`, …) or uncontrolled
 * (`defaultSelected`, …).
 *
 * `data-state`: `loading`, `error`, `empty`, `ready`; on each row: the video's phase (and
 * `data-selected`); on each checkbox: `checked`, `unchecked` (select-all: `indeterminate`).
 */
export function VideoTable(props: VideoTableProps): ReactNode {
  const {
    filters,
    onSelect,
    renderName,
    searchDelayMs,
    emptyAction,
    virtualize = true,
    selectable = true,
    search,
    defaultSearch,
    onSearchChange,
    status,
    defaultStatus,
    onStatusChange,
    selected: selectedProp,
    defaultSelected,
    onSelectedChange,
    className,
    ...rest
  } = props;
  const text = useMessages("table", tableMessages);
  const library = useLibraryView("VideoTable", props);
  const { videos } = library.list;
  const root = useRef<HTMLDivElement>(null);
  const selectAll = useRef<HTMLInputElement>(null);
  const [selectedList, setSelected] = useControllableState({
    prop: selectedProp,
    defaultProp: defaultSelected ?? NONE,
    onChange: onSelectedChange,
    caller: "VideoTable",
    name: "selected",
  });
  const selected = useMemo(() => new Set(selectedList), [selectedList]);
  const deletion = useDeleteVideos();
  const onSelectRef = useRef(onSelect);
  onSelectRef.current = onSelect;

  const toggle = useCallback(
    (uid: string, on: boolean) =>
      setSelected((previous) => {
        if (on === previous.includes(uid)) return previous;
        return on ? [...previous, uid] : previous.filter((u) => u !== uid);
      }),
    [setSelected],
  );
  const activate = useCallback((video: Video) => onSelectRef.current?.(video), []);
  const { remove } = deletion;
  const removeVideos = useCallback(
    (uids: string[]) => {
      // The rows (and the focused button) are about to go: keep focus in the library.
      root.current?.focus();
      setSelected((previous) => {
        const next = previous.filter((uid) => !uids.includes(uid));
        return next.length === previous.length ? previous : next;
      });
      void remove(uids);
    },
    [remove, setSelected],
  );

  const chosen = videos.filter((v) => v.uid !== undefined && selected.has(v.uid));
  const allChosen = videos.length > 0 && chosen.length === videos.length;
  const someChosen = chosen.length > 0 && !allChosen;
  useEffect(() => {
    if (selectAll.current) selectAll.current.indeterminate = someChosen;
  });

  const state = library.list.state;
  const body = useRef<HTMLTableSectionElement>(null);
  const windowed = useVirtualRows(
    virtualize && (videos.length > PAGE || library.list.hasNextPage),
    body,
    { count: videos.length, estimate: 49, gap: 0, onNearEnd: library.loadMore },
  );
  const columns = selectable ? 6 : 5;

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
          <table
            className="sk-table"
            // Every row counts, rendered or not; -1 while more pages exist (a total unknown).
            aria-rowcount={library.list.hasNextPage ? -1 : videos.length + 1}
          >
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
                      data-state={
                        allChosen ? "checked" : someChosen ? "indeterminate" : "unchecked"
                      }
                      onChange={(event) =>
                        setSelected(event.target.checked ? videos.map((v) => v.uid ?? "") : [])
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
            <tbody ref={body}>
              <Spacer height={windowed.before} columns={columns} />
              {videos.slice(windowed.first, windowed.last + 1).map((video, i) => {
                const index = windowed.first + i;
                return (
                  <VideoRow
                    key={video.uid}
                    index={index}
                    measure={windowed.measure}
                    video={video}
                    selected={video.uid !== undefined && selected.has(video.uid)}
                    selectable={selectable}
                    activatable={onSelect !== undefined}
                    renderName={renderName}
                    onToggle={toggle}
                    onActivate={activate}
                    onDelete={removeVideos}
                  />
                );
              })}
              <Spacer height={windowed.after} columns={columns} />
            </tbody>
          </table>
        </div>
      )}
      <LibraryStatus library={library} emptyAction={emptyAction} />
      <FailureAlert error={deletion.error} />
      <p role="status" className="sk-visually-hidden">
        {deletion.deleted > 0 ? text.deleted(deletion.deleted) : ""}
      </p>
    </div>
  );
}

/** The height of the rows not rendered, so the scrollbar and the page keep their full size. */
function Spacer({ height, columns }: { height: number; columns: number }): ReactNode {
  return height > 0 ? (
    // biome-ignore lint/a11y/noAriaHiddenOnFocusable: a <tr> is not focusable; this one holds no content, only space.
    <tr className="sk-spacer" aria-hidden="true">
      <td colSpan={columns} style={{ height }} />
    </tr>
  ) : null;
}
