import type { Video } from "@streamkit/core";
import { useQuery } from "@tanstack/react-query";
import { useStreamClient } from "./context";
import { videoQueryOptions } from "./queryOptions";
import { isFresher } from "./videoFreshness";

/**
 * A video from a list (`useVideos`, `useVideoLibrary`), kept live from its own cache entry,
 * where status polling and edits write. The list's copy seeds that entry, so a status poller
 * starts from it and waits a beat instead of asking at once. Reading is all this does: it never
 * fetches.
 *
 * The component re-renders only when the entry's data changes: an unchanged poll answer keeps
 * its reference (React Query's structural sharing), and nothing else of the query is read.
 */
export function useListedVideo(listed: Video): Video {
  const client = useStreamClient();
  const { data } = useQuery({
    ...videoQueryOptions(client, listed.uid ?? ""),
    enabled: false,
    initialData: listed,
  });
  return data && !isFresher(listed, data) ? data : listed;
}
