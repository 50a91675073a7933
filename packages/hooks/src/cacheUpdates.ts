import type { Video, VideoList } from "@streamkit/core";
import {
  type InfiniteData,
  notifyManager,
  type QueryClient,
  type QueryKey,
} from "@tanstack/react-query";
import { streamKeys } from "./keys";
import { isFresher } from "./videoFreshness";

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

/**
 * One video's latest copy (a poll, an event) in place of the older one in every cached list that
 * holds it. Lists without it, or already holding this copy, are not touched, so their readers
 * do not re-render for a video they do not show.
 */
export function replaceListedVideo(queryClient: QueryClient, video: Video): void {
  const uid = video.uid;
  if (!uid) return;
  const older = (v: Video) => v.uid === uid && v !== video;
  for (const [key, data] of queryClient.getQueriesData<ListCache>({
    queryKey: streamKeys.lists(),
  })) {
    if (!data?.pages.some((page) => page.videos.some(older))) continue;
    queryClient.setQueryData<ListCache>(key, {
      ...data,
      pages: data.pages.map((page) =>
        page.videos.some(older)
          ? { ...page, videos: page.videos.map((v) => (v.uid === uid ? video : v)) }
          : page,
      ),
    });
  }
}

/**
 * A poll's or an event's answer: into the video's own entry and into the lists that show it,
 * as the same object, so `useVideos().videos` and a badge never disagree. An unchanged answer
 * keeps the entry's reference (structural sharing), which the lists already hold: nothing
 * re-renders.
 */
export function writePolledVideo(queryClient: QueryClient, uid: string, video: Video): void {
  // One batch: a row reading both the entry and its list renders once for the change, not twice.
  notifyManager.batch(() => {
    queryClient.setQueryData(streamKeys.video(uid), video);
    const held = queryClient.getQueryData<Video>(streamKeys.video(uid));
    if (held) replaceListedVideo(queryClient, held);
  });
}

/**
 * A fetched list page's videos into the per-video entries (badges, players, detail pages) that
 * hold an older copy, so a list that saw a video fail is not contradicted by a badge still
 * saying "Downloading" until its next poll. Entries nobody made are not created.
 */
export function shareListedVideos(queryClient: QueryClient, videos: readonly Video[]): void {
  for (const video of videos) {
    if (!video.uid) continue;
    const key = streamKeys.video(video.uid);
    const held = queryClient.getQueryData<Video>(key);
    if (held && isFresher(video, held)) queryClient.setQueryData(key, video);
  }
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
