import type { Video } from "@streamkit/core";
import { useInfiniteQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import { useStreamContext } from "./context";
import type { VideoListFilters } from "./keys";
import { videosQueryOptions } from "./queryOptions";

export interface UseVideosOptions {
  enabled?: boolean;
}

/**
 * The video library with filters (`search`, `status`, `creator`, `limit` as page size, ...) and
 * cursor paging: `fetchNextPage()` loads the next window; `videos` is every loaded page in order.
 */
export function useVideos(
  filters: VideoListFilters = {},
  { enabled = true }: UseVideosOptions = {},
) {
  const { client, retry } = useStreamContext();
  const query = useInfiniteQuery({ ...videosQueryOptions(client, filters), ...retry, enabled });
  const pages = query.data?.pages;
  const videos = useMemo<Video[]>(() => pages?.flatMap((p) => p.videos) ?? [], [pages]);
  const total = pages?.[0]?.total;
  return { ...query, videos, total };
}
