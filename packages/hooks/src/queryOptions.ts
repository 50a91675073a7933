import type { ListVideosParams, StreamClient, Video, VideoList } from "@streamkit/core";
import { infiniteQueryOptions, queryOptions } from "@tanstack/react-query";
import { shareListedVideos } from "./cacheUpdates";
import { streamKeys, type VideoListFilters } from "./keys";
import { retryDelay, shouldRetry } from "./retry";

/** Query options for one video, for `useQuery`, `prefetchQuery` or `fetchQuery` outside our hooks. */
export function videoQueryOptions(client: StreamClient, uid: string) {
  return queryOptions<Video>({
    queryKey: streamKeys.video(uid),
    queryFn: ({ signal }) => client.getVideo(uid, { signal }),
    retry: shouldRetry,
    retryDelay,
  });
}

/** The default page size of `useVideos`: big enough for a table, small enough to render at once. */
export const DEFAULT_PAGE_SIZE = 50;

/** The cursor of the next page: `created` of the last video, in the direction of the sort. */
export type VideoCursor = Pick<ListVideosParams, "before" | "after"> | undefined;

/**
 * Options for a cursor-paged list (`useInfiniteQuery`). The API has no page numbers: the next
 * page starts before (or, ascending, after) the `created` of the last video of this one.
 */
export function videosQueryOptions(client: StreamClient, filters: VideoListFilters = {}) {
  const params: VideoListFilters = { limit: DEFAULT_PAGE_SIZE, ...filters };
  return infiniteQueryOptions<
    VideoList,
    Error,
    { pages: VideoList[]; pageParams: VideoCursor[] },
    ReturnType<typeof streamKeys.list>,
    VideoCursor
  >({
    queryKey: streamKeys.list(params),
    queryFn: async ({ pageParam, signal, client: queryClient }) => {
      const page = await client.listVideos({ ...params, ...pageParam }, { signal });
      shareListedVideos(queryClient, page.videos);
      return page;
    },
    initialPageParam: undefined,
    retry: shouldRetry,
    retryDelay,
    getNextPageParam: (last): VideoCursor => {
      const created = last.videos.at(-1)?.created;
      if (last.range <= 0 || !created) return undefined;
      return params.asc ? { after: created } : { before: created };
    },
  });
}
