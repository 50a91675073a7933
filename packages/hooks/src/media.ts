import {
  assertUid,
  DEFAULT_POLLING_POLICY,
  type StreamClient,
  type Video,
  videoPhase,
} from "@streamkit/core";
import { assertVideoReady } from "@streamkit/core/captions";
import type { Query, QueryClient, QueryKey } from "@tanstack/react-query";
import { useStreamContext } from "./context";
import { streamKeys } from "./keys";
import { shouldRetry } from "./retry";

/** Shared by the captions and downloads hooks. */

export interface UseMediaOptions {
  /** Defaults to true. A malformed uid never fetches: the query fails with `StreamValidationError`. */
  enabled?: boolean;
  /**
   * Milliseconds between polls while a caption or download is being made. Defaults to the
   * provider's `polling.processingMs` (5 s).
   */
  intervalMs?: number;
}

/**
 * `refetchInterval` for a list that has work under way: poll every `ms` while `busy(data)`, stop
 * once nothing is, and stop on a failure retrying cannot fix (a deleted video answers 404).
 * Observers going away (unmount) stop it too; hidden pages do not poll.
 */
export function usePollWhile<T>(
  busy: (data: T) => boolean,
  intervalMs: number | undefined,
): (query: Query<T, Error, T, QueryKey>) => number | false {
  const { polling } = useStreamContext();
  const ms = intervalMs ?? polling.processingMs ?? DEFAULT_POLLING_POLICY.processingMs;
  return ({ state }) =>
    state.error && !shouldRetry(0, state.error)
      ? false
      : state.data !== undefined && busy(state.data)
        ? ms
        : false;
}

/**
 * The video, known to be ready: from the cache when it says so (a ready video stays ready),
 * otherwise asked afresh. Throws `StreamValidationError` (`video`) with `action` when it is not.
 */
export async function requireReadyVideo(
  queryClient: QueryClient,
  client: StreamClient,
  uid: string,
  action: string,
): Promise<void> {
  assertUid(uid);
  const cached = queryClient.getQueryData<Video>(streamKeys.video(uid));
  let video = cached;
  if (!video || videoPhase(video) !== "ready") {
    video = await client.getVideo(uid);
    queryClient.setQueryData(streamKeys.video(uid), video);
  }
  assertVideoReady(video, action);
}

/**
 * Writes a mutation's answer into a cached list. A poll already in flight is cancelled first,
 * or its older answer would land after this one and hide the change. Nothing cached yet: the
 * list is fetched afresh instead.
 */
export async function updateCached<T>(
  queryClient: QueryClient,
  queryKey: QueryKey,
  update: (data: T) => T,
): Promise<void> {
  const filters = { queryKey, exact: true };
  if (queryClient.getQueryData(queryKey) === undefined) {
    await queryClient.invalidateQueries(filters);
    return;
  }
  await queryClient.cancelQueries(filters);
  queryClient.setQueryData<T>(queryKey, (data) => (data === undefined ? data : update(data)));
}
