import type { Video } from "@streamkit/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type ListSnapshot, restoreListedVideo, updateListedVideos } from "./cacheUpdates";
import { useStreamContext } from "./context";
import { streamKeys } from "./keys";

interface Rollback {
  previous: Video | undefined;
  lists: ListSnapshot;
}

/** Deletes a video. It leaves every cached list at once and comes back if the request fails. */
export function useDeleteVideo() {
  const { client } = useStreamContext();
  const queryClient = useQueryClient();
  return useMutation<void, Error, string, Rollback>({
    mutationFn: (uid) => client.deleteVideo(uid),
    onMutate: async (uid) => {
      await queryClient.cancelQueries({ queryKey: streamKeys.video(uid) });
      const previous = queryClient.getQueryData<Video>(streamKeys.video(uid));
      const lists = updateListedVideos(queryClient, (videos) =>
        videos.filter((v) => v.uid !== uid),
      );
      return { previous, lists };
    },
    onError: (_error, uid, rollback) => {
      // Only this video comes back: other deletes may have run since the snapshot.
      if (rollback) restoreListedVideo(queryClient, rollback.lists, uid);
    },
    onSuccess: (_void, uid) => {
      queryClient.removeQueries({ queryKey: streamKeys.video(uid), exact: true });
      void queryClient.invalidateQueries({ queryKey: streamKeys.storage() });
    },
  });
}
