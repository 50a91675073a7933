import type { VideoState } from "@streamkit/core";
import type { VideoListFilters } from "./keys";
import { useDebouncedValue } from "./useDebouncedValue";
import { useVideos } from "./useVideos";

export interface UseVideoLibraryOptions {
  /** Filters always applied (`creator`, `limit` as page size, `asc`, …); may change after mount. */
  filters?: VideoListFilters;
  /**
   * What the user typed in a search box. Sent once it has not changed for `searchDelayMs`;
   * clearing it applies at once. Surrounding spaces are ignored. Defaults to `""`.
   */
  search?: string;
  /** Only videos in this state; `""` or `undefined` means every state. */
  status?: VideoState | "";
  /** Milliseconds the search waits after the last change. Defaults to 300. */
  searchDelayMs?: number;
  /** Defaults to true. */
  enabled?: boolean;
}

/** What a library view shows: `loading`, `error` (nothing loaded), `empty`, `ready`. */
export type VideoLibraryState = "loading" | "error" | "empty" | "ready";

export type UseVideoLibraryResult = ReturnType<typeof useVideos> & {
  /** The list's state, for `data-state` and for choosing what to render. */
  state: VideoLibraryState;
  /** Whether an empty answer means "no matches" rather than "no videos yet". */
  filtered: boolean;
  /** Sends the current search at once instead of after the delay (Enter in the search box). */
  flushSearch: () => void;
};

/**
 * The state behind a library view (`VideoTable`, `VideoGrid`, or an app's own): a debounced
 * search and a status filter on top of the app's `filters`, and the cursor-paged list for them
 * (`useVideos`). The search text and status are the caller's state, so they can live in a URL.
 */
export function useVideoLibrary({
  filters: base,
  search = "",
  status,
  searchDelayMs = 300,
  enabled = true,
}: UseVideoLibraryOptions = {}): UseVideoLibraryResult {
  const term = search.trim();
  // An emptied box applies at once: "show me everything again" should not wait.
  const [settledTerm, flushSearch] = useDebouncedValue(term, term ? searchDelayMs : 0);
  const filters: VideoListFilters = {
    ...base,
    ...(settledTerm ? { search: settledTerm } : {}),
    ...(status ? { status } : {}),
  };
  const list = useVideos(filters, { enabled });
  const filtered = Boolean(
    filters.search || filters.status || filters.video_name || filters.name || filters.id,
  );
  return { ...list, state: videoLibraryState(list), filtered, flushSearch };
}

function videoLibraryState(list: ReturnType<typeof useVideos>): VideoLibraryState {
  if (list.isPending) return "loading";
  if (list.videos.length > 0) return "ready";
  return list.error ? "error" : "empty";
}
