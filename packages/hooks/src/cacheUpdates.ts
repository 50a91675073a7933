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

/**
 * Puts one video back into every cached list it was in when `snapshot` was taken, before the
 * first video that followed it then and is still there. Unlike `restoreLists`, it keeps what
 * happened since: when several deletes run at once, one failing must not bring back the others.
 */
export function restoreListedVideo(
  queryClient: QueryClient,
  snapshot: ListSnapshot,
  uid: string,
): void {
  for (const [key, before] of snapshot) {
    if (!before) continue;
    queryClient.setQueryData<ListCache>(key, (now) => {
      if (!now) return before;
      if (now.pages.some((page) => page.videos.some((v) => v.uid === uid))) return now;
      const pages = now.pages.map((page, i) => {
        const was = before.pages[i]?.videos ?? [];
        const at = was.findIndex((v) => v.uid === uid);
        const video = was[at];
        if (!video) return page;
        const next = was.slice(at + 1).find((v) => page.videos.some((p) => p.uid === v.uid));
        const index = next ? page.videos.findIndex((v) => v.uid === next.uid) : page.videos.length;
        const videos = [...page.videos];
        videos.splice(index, 0, video);
        return { ...page, videos };
      });
      return { ...now, pages };
    });
  }
}
