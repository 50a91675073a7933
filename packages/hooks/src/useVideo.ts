import type { Video } from "@streamkit/core";
import { type UseQueryResult, useQuery } from "@tanstack/react-query";
import { useStreamContext } from "./context";
import { videoQueryOptions } from "./queryOptions";
import { queryUid } from "./queryUid";

export interface UseVideoOptions {
  /** Defaults to true. A malformed uid never fetches: the query fails with `StreamValidationError`. */
  enabled?: boolean;
}

/** One video by uid, from the cache that every streamkit hook shares. */
export function useVideo(
  uid: string | undefined,
  { enabled = true }: UseVideoOptions = {},
): UseQueryResult<Video, Error> {
  const { client, retry } = useStreamContext();
  const { key, run } = queryUid(uid);
  return useQuery({ ...videoQueryOptions(client, key), ...retry, enabled: enabled && run });
}
