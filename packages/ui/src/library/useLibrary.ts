import type { VideoState } from "@streamkit/core";
import { useVideos, type VideoListFilters } from "@streamkit/hooks";
import { useState } from "react";
import { useDebouncedValue } from "./useDebouncedValue";

/**
 * The state behind `VideoTable` and `VideoGrid`: a search box (debounced; clearing it applies at
 * once), a status filter, and the cursor-paged list for both on top of the app's own `filters`.
 */
export function useLibrary(base: VideoListFilters | undefined, searchDelayMs: number) {
  const [search, setSearch] = useState("");
  const [status, setStatus] = useState<VideoState | "">("");
  const term = search.trim();
  const [settledTerm, flushSearch] = useDebouncedValue(term, term ? searchDelayMs : 0);
  const filters: VideoListFilters = {
    ...base,
    ...(settledTerm ? { search: settledTerm } : {}),
    ...(status ? { status } : {}),
  };
  const list = useVideos(filters);
  /** Whether an empty answer means "no matches" rather than "no videos yet". */
  const filtered = Boolean(
    filters.search || filters.status || filters.video_name || filters.name || filters.id,
  );
  return { search, setSearch, flushSearch, status, setStatus, filtered, list };
}

export type Library = ReturnType<typeof useLibrary>;

/** What a library view shows: `loading`, `error` (nothing loaded), `empty`, `ready`. */
export type LibraryState = "loading" | "error" | "empty" | "ready";

export function libraryState({ list }: Library): LibraryState {
  if (list.isPending) return "loading";
  if (list.videos.length > 0) return "ready";
  return list.error ? "error" : "empty";
}
