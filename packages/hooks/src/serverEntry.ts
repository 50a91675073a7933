/**
 * `@streamkit/hooks/server`: the query keys and options, without `"use client"`, so a React
 * Server Component can call them to prefetch (`queryClient.prefetchInfiniteQuery(
 * videosQueryOptions(client))`, then `<HydrationBoundary state={dehydrate(queryClient)}>`).
 * Every other entry carries the directive, which makes each of its exports a client reference
 * on the server: callable only in the browser. Nothing here reaches React's context or hooks.
 */
export { streamKeys, type VideoListFilters } from "./keys";
export {
  DEFAULT_PAGE_SIZE,
  type VideoCursor,
  videoQueryOptions,
  videosQueryOptions,
} from "./queryOptions";
