import type { StreamClient } from "@streamkit/core";
import {
  assertDownloadType,
  createDownload,
  type Downloads,
  type DownloadType,
  deleteDownload,
  listDownloads,
} from "@streamkit/core/captions";
import {
  queryOptions,
  type UseQueryResult,
  useMutation,
  useQuery,
  useQueryClient,
} from "@tanstack/react-query";
import { useStreamContext } from "./context";
import { streamKeys } from "./keys";
import { requireReadyVideo, type UseMediaOptions, updateCached, usePollWhile } from "./media";
import { queryUid } from "./queryUid";
import { retryDelay, shouldRetry } from "./retry";

/** Query options for the downloads of one video (`{ default?, audio? }`). */
export function downloadsQueryOptions(client: StreamClient, uid: string) {
  return queryOptions<Downloads>({
    queryKey: streamKeys.downloads(uid),
    queryFn: ({ signal }) => listDownloads(client, uid, { signal }),
    retry: shouldRetry,
    retryDelay,
  });
}

const preparing = (downloads: Downloads) =>
  Object.values(downloads).some((download) => download?.status === "inprogress");

/**
 * The MP4 (`default`) and M4A (`audio`) downloads of a video. While one is `inprogress` the
 * answer is polled, so `percentComplete` rises, until it is `ready` or `error`; then polling
 * stops. It also stops on unmount and while the page is hidden.
 */
export function useDownloads(
  uid: string | undefined,
  { enabled = true, intervalMs }: UseMediaOptions = {},
): UseQueryResult<Downloads, Error> {
  const { client, retry } = useStreamContext();
  const { key, run } = queryUid(uid);
  const refetchInterval = usePollWhile(preparing, intervalMs);
  return useQuery({
    ...downloadsQueryOptions(client, key),
    ...retry,
    enabled: enabled && run,
    refetchInterval,
  });
}

export interface DownloadVariables {
  uid: string;
  /** Defaults to `default`, the MP4. */
  type?: DownloadType;
}

/**
 * Starts making a download (`POST /{uid}/downloads`). The video must be ready (checked from the
 * cache, or asked afresh): otherwise it fails with `StreamValidationError` saying so. The
 * answer, every download of the video, replaces the cached one and `useDownloads` follows it.
 */
export function useCreateDownload() {
  const { client } = useStreamContext();
  const queryClient = useQueryClient();
  return useMutation<Downloads, Error, DownloadVariables>({
    mutationFn: async ({ uid, type = "default" }) => {
      assertDownloadType(type); // before the readiness check asks for the video
      await requireReadyVideo(queryClient, client, uid, "A download");
      return createDownload(client, uid, type);
    },
    onSuccess: async (downloads, { uid }) => {
      await queryClient.cancelQueries({ queryKey: streamKeys.downloads(uid), exact: true });
      queryClient.setQueryData(streamKeys.downloads(uid), downloads);
    },
  });
}

/** Deletes a download; it leaves the cache once the API has confirmed. */
export function useDeleteDownload() {
  const { client } = useStreamContext();
  const queryClient = useQueryClient();
  return useMutation<void, Error, DownloadVariables>({
    mutationFn: ({ uid, type }) => deleteDownload(client, uid, type),
    onSuccess: (_void, { uid, type = "default" }) =>
      updateCached<Downloads>(
        queryClient,
        streamKeys.downloads(uid),
        ({ [type]: _gone, ...rest }) => rest,
      ),
  });
}
