import type { Video } from "@streamkit/core";
import { type ClipRequest, createClip } from "@streamkit/core/media";
import { type UseMutationOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import { useStreamContext } from "./context";
import { streamKeys } from "./keys";

export type UseCreateClipOptions = Omit<
  UseMutationOptions<Video, Error, ClipRequest>,
  "mutationFn"
>;

/**
 * Cuts a new video out of a ready one (`POST /stream/clip`), from `startTimeSeconds` to
 * `endTimeSeconds` (whole seconds, end after start). The request is checked first: a bad window
 * fails with `StreamValidationError` and sends nothing; the API refuses a source that is not
 * ready or a start past its end (`StreamApiError`, 400). On success the clip (in `queued`) is put
 * in the cache, so `useVideoStatus(clip.uid)` follows it to ready, and lists and storage usage
 * are refreshed.
 */
export function useCreateClip(options: UseCreateClipOptions = {}) {
  const { client } = useStreamContext();
  const queryClient = useQueryClient();
  return useMutation<Video, Error, ClipRequest>({
    ...options,
    mutationFn: (request) => createClip(client, request),
    onSuccess: async (video, ...rest) => {
      if (video?.uid) queryClient.setQueryData(streamKeys.video(video.uid), video);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: streamKeys.lists() }),
        queryClient.invalidateQueries({ queryKey: streamKeys.storage() }),
      ]);
      return options.onSuccess?.(video, ...rest);
    },
  });
}
