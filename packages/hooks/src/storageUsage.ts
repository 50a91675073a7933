import type { StreamClient } from "@streamkit/core";
import { getStorageUsage, type StorageUsage } from "@streamkit/core/media";
import { queryOptions, type UseQueryResult, useQuery } from "@tanstack/react-query";
import { useStreamContext } from "./context";
import { streamKeys } from "./keys";
import { retryDelay, shouldRetry } from "./retry";

/**
 * Query options for storage usage (`GET /stream/storage-usage`), of one `creator` or of the
 * whole account, for `prefetchQuery`, `useQuery` or `fetchQuery`.
 */
export function storageUsageQueryOptions(client: StreamClient, creator?: string) {
  return queryOptions<StorageUsage>({
    queryKey: streamKeys.storageUsage(creator),
    queryFn: ({ signal }) =>
      getStorageUsage(client, creator === undefined ? {} : { creator }, { signal }),
    retry: shouldRetry,
    retryDelay,
  });
}

export interface UseStorageUsageOptions {
  /** Only this creator's videos. Behind a scoped proxy the figures are the caller's anyway. */
  creator?: string;
  /** Defaults to true. */
  enabled?: boolean;
}

/**
 * Minutes stored against the account's limit, and how many videos. Refetched when the hooks
 * create or delete videos (`streamKeys.storage()` is invalidated); `storageFraction(data)` from
 * `@streamkit/core/media` gives the used share. A `creator` longer than the API allows fails with
 * `StreamValidationError` before any request.
 */
export function useStorageUsage({
  creator,
  enabled = true,
}: UseStorageUsageOptions = {}): UseQueryResult<StorageUsage, Error> {
  const { client, retry } = useStreamContext();
  return useQuery({ ...storageUsageQueryOptions(client, creator), ...retry, enabled });
}
