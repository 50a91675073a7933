import type { CopyVideoRequest, Video } from "@streamkit/core";
import { type UseMutationOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import { useStreamContext } from "./context";
import { streamKeys } from "./keys";

export type UseUploadFromUrlOptions = Omit<
  UseMutationOptions<Video, Error, CopyVideoRequest>,
  "mutationFn"
>;

/**
 * Copies a video from a URL (`POST /stream/copy`). On success the new video (in `downloading`)
 * is put in the cache, so `useVideoStatus(video.uid)` starts from it, and lists are refreshed.
 * Bad input (a URL that is not http(s), say) fails with `StreamValidationError` before any request.
 */
export function useUploadFromUrl(options: UseUploadFromUrlOptions = {}) {
  const { client } = useStreamContext();
  const queryClient = useQueryClient();
  return useMutation<Video, Error, CopyVideoRequest>({
    ...options,
    mutationFn: (request) => client.copyFromUrl(request),
    onSuccess: async (video, ...rest) => {
      if (video?.uid) queryClient.setQueryData(streamKeys.video(video.uid), video);
      void queryClient.invalidateQueries({ queryKey: streamKeys.storage() });
      await queryClient.invalidateQueries({ queryKey: streamKeys.lists() });
      return options.onSuccess?.(video, ...rest);
    },
  });
}
