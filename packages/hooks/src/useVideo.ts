import { isUid, type Video } from "@streamkit/core";
import { type UseQueryResult, useQuery } from "@tanstack/react-query";
import { useStreamContext } from "./context";
import { videoQueryOptions } from "./queryOptions";

export interface UseVideoOptions {
  /** Defaults to true; a uid that is not 32 lowercase hex never fetches. */
  enabled?: boolean;
}

/** One video by uid, from the cache that every streamkit hook shares. */
export function useVideo(
  uid: string | undefined,
  { enabled = true }: UseVideoOptions = {},
): UseQueryResult<Video, Error> {
  const { client } = useStreamContext();
  const valid = isUid(uid);
  return useQuery({ ...videoQueryOptions(client, valid ? uid : ""), enabled: enabled && valid });
}
