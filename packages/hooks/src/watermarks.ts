import type { StreamClient } from "@streamkit/core";
import {
  type CreateWatermarkRequest,
  createWatermark,
  deleteWatermark,
  listWatermarks,
  type WatermarkProfile,
} from "@streamkit/core/media";
import {
  queryOptions,
  type UseQueryResult,
  useMutation,
  useQuery,
  useQueryClient,
} from "@tanstack/react-query";
import { useStreamContext } from "./context";
import { streamKeys } from "./keys";
import { updateCached } from "./media";
import { retryDelay, shouldRetry } from "./retry";

/** Query options for the account's watermark profiles (`GET /watermarks`). */
export function watermarksQueryOptions(client: StreamClient) {
  return queryOptions<WatermarkProfile[]>({
    queryKey: streamKeys.watermarks(),
    queryFn: ({ signal }) => listWatermarks(client, { signal }),
    retry: shouldRetry,
    retryDelay,
  });
}

export interface UseWatermarksOptions {
  /** Defaults to true. */
  enabled?: boolean;
}

/** The account's watermark profiles, oldest first, as the API lists them. */
export function useWatermarks({
  enabled = true,
}: UseWatermarksOptions = {}): UseQueryResult<WatermarkProfile[], Error> {
  const { client, retry } = useStreamContext();
  return useQuery({ ...watermarksQueryOptions(client), ...retry, enabled });
}

/**
 * Creates a profile (`POST /watermarks`) from an image `url` the API downloads, or a `file`
 * sent multipart. Both are checked first: settings in range, and a file must be a PNG, JPEG,
 * GIF or WebP (by its bytes) of at most `MAX_WATERMARK_BYTES`; otherwise it fails with
 * `StreamValidationError` and sends nothing. The new profile joins the cached list.
 */
export function useCreateWatermark() {
  const { client } = useStreamContext();
  const queryClient = useQueryClient();
  return useMutation<WatermarkProfile, Error, CreateWatermarkRequest>({
    mutationFn: (body) => createWatermark(client, body),
    onSuccess: (profile) =>
      updateCached<WatermarkProfile[]>(queryClient, streamKeys.watermarks(), (list) => [
        ...list.filter((p) => p.uid !== profile.uid),
        profile,
      ]),
  });
}

interface Rollback {
  /** The profile and where it was, to put it back if the API refuses. */
  profile: WatermarkProfile | undefined;
  index: number;
}

/**
 * Deletes a profile by uid. It leaves the cached list at once and comes back, in its place, if
 * the request fails. Videos made with it keep their watermark.
 */
export function useDeleteWatermark() {
  const { client } = useStreamContext();
  const queryClient = useQueryClient();
  const key = streamKeys.watermarks();
  return useMutation<void, Error, string, Rollback>({
    mutationFn: (uid) => deleteWatermark(client, uid),
    onMutate: async (uid) => {
      await queryClient.cancelQueries({ queryKey: key, exact: true });
      const list = queryClient.getQueryData<WatermarkProfile[]>(key) ?? [];
      const index = list.findIndex((p) => p.uid === uid);
      if (index >= 0)
        queryClient.setQueryData(
          key,
          list.filter((p) => p.uid !== uid),
        );
      return { profile: list[index], index };
    },
    onError: (_error, _uid, rollback) => {
      const profile = rollback?.profile;
      if (!profile) return;
      // Only this profile comes back: other deletes may have run since.
      queryClient.setQueryData<WatermarkProfile[]>(key, (list) =>
        !list || list.some((p) => p.uid === profile.uid)
          ? list
          : [...list.slice(0, rollback.index), profile, ...list.slice(rollback.index)],
      );
    },
  });
}
