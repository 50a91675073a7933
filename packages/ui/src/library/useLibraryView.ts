import type { VideoState } from "@streamkit/core";
import type { VideoListFilters } from "@streamkit/hooks";
import { type UseVideoLibraryResult, useVideoLibrary } from "@streamkit/hooks/library";
import { useControllableState } from "../parts/useControllableState";

/** The search box and status filter of a library view, each controlled or uncontrolled. */
export interface LibraryFilterProps {
  /** The search box's text, controlled (with `onSearchChange`). */
  search?: string;
  /** The search box's text at mount, uncontrolled. Defaults to `""`. */
  defaultSearch?: string;
  /** Every keystroke in the search box; the list follows after `searchDelayMs`. */
  onSearchChange?: (search: string) => void;
  /** The status filter, controlled (with `onStatusChange`); `""` shows every state. */
  status?: VideoState | "";
  /** The status filter at mount, uncontrolled. Defaults to `""` (every state). */
  defaultStatus?: VideoState | "";
  onStatusChange?: (status: VideoState | "") => void;
}

export interface Library {
  search: string;
  setSearch: (search: string) => void;
  status: VideoState | "";
  setStatus: (status: VideoState | "") => void;
  list: UseVideoLibraryResult;
  /** The next page, unless there is none, it is on its way, or the last request failed. */
  loadMore: () => void;
}

/** The state behind `VideoTable` and `VideoGrid`: filter values (ours or the app's) and the list. */
export function useLibraryView(
  caller: string,
  props: LibraryFilterProps & { filters?: VideoListFilters; searchDelayMs?: number },
): Library {
  const [search, setSearch] = useControllableState({
    prop: props.search,
    defaultProp: props.defaultSearch ?? "",
    onChange: props.onSearchChange,
    caller,
    name: "search",
  });
  const [status, setStatus] = useControllableState<VideoState | "">({
    prop: props.status,
    defaultProp: props.defaultStatus ?? "",
    onChange: props.onStatusChange,
    caller,
    name: "status",
  });
  const list = useVideoLibrary({
    filters: props.filters,
    search,
    status,
    searchDelayMs: props.searchDelayMs ?? 300,
  });
  const loadMore = () => {
    // `cancelRefetch: false`: a second call while the page is on its way does not fetch it again.
    if (list.hasNextPage && !list.error) void list.fetchNextPage({ cancelRefetch: false });
  };
  return { search, setSearch, status, setStatus, list, loadMore };
}
