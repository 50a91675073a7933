import type { Video, VideoList } from "@streamkit/core";
import type { InfiniteData, QueryClient, QueryKey } from "@tanstack/react-query";
import { streamKeys } from "./keys";

type ListCache = InfiniteData<VideoList, unknown>;
export type ListSnapshot = [QueryKey, ListCache | undefined][];

/** Applies `change` to every cached page of every list; returns what was there, for rollback. */
export function updateListedVideos(
  queryClient: QueryClient,
  change: (videos: Video[]) => Video[],
): ListSnapshot {
  const snapshot = queryClient.getQueriesData<ListCache>({ queryKey: streamKeys.lists() });
  queryClient.setQueriesData<ListCache>({ queryKey: streamKeys.lists() }, (data) =>
    data
      ? { ...data, pages: data.pages.map((page) => ({ ...page, videos: change(page.videos) })) }
      : data,
  );
  return snapshot;
}

export function restoreLists(queryClient: QueryClient, snapshot: ListSnapshot): void {
  for (const [key, data] of snapshot) queryClient.setQueryData(key, data);
}
