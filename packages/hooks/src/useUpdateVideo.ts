import type { UpdateVideoRequest, Video } from "@streamkit/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type ListSnapshot, restoreLists, updateListedVideos } from "./cacheUpdates";
import { useStreamContext } from "./context";
import { streamKeys } from "./keys";

export interface UpdateVideoVariables {
  uid: string;
  changes: UpdateVideoRequest;
}

interface Rollback {
  previous: Video | undefined;
  lists: ListSnapshot;
}

/**
 * Edits a video (`POST /stream/{uid}`). The change shows at once in the video and in every cached
 * list; if the request fails it is rolled back and the error is the mutation's.
 */
export function useUpdateVideo() {
  const { client } = useStreamContext();
  const queryClient = useQueryClient();
  return useMutation<Video, Error, UpdateVideoVariables, Rollback>({
    mutationFn: ({ uid, changes }) => client.updateVideo(uid, changes),
    onMutate: async ({ uid, changes }) => {
      await queryClient.cancelQueries({ queryKey: streamKeys.video(uid) });
      const previous = queryClient.getQueryData<Video>(streamKeys.video(uid));
      const apply = (video: Video): Video =>
        ({
          ...video,
          ...changes,
          meta: changes.meta ? { ...video.meta, ...changes.meta } : video.meta,
        }) as Video;
      if (previous) queryClient.setQueryData(streamKeys.video(uid), apply(previous));
      const lists = updateListedVideos(queryClient, (videos) =>
        videos.map((v) => (v.uid === uid ? apply(v) : v)),
      );
      return { previous, lists };
    },
    onError: (_error, { uid }, rollback) => {
      if (!rollback) return;
      if (rollback.previous) queryClient.setQueryData(streamKeys.video(uid), rollback.previous);
      restoreLists(queryClient, rollback.lists);
    },
    onSuccess: (video, { uid }) => {
      queryClient.setQueryData(streamKeys.video(uid), video);
      updateListedVideos(queryClient, (videos) => videos.map((v) => (v.uid === uid ? video : v)));
    },
  });
}
