import type { QueueItem } from "@streamkit/core/upload";
import { useQueryClient } from "@tanstack/react-query";
import { useCallback, useEffect, useRef } from "react";
import { updateListedVideos } from "./cacheUpdates";
import { streamKeys } from "./keys";

/**
 * Videos an upload deleted itself (cancelled, a refused file, a dead link) leave every cached
 * list at once: the engine forgets the uid when the video is gone, and a list fetched while the
 * placeholder still existed must not keep a "waiting for upload" row for it. Returns `forget`,
 * for uploads removed from the queue before the engine could say so.
 */
export function useForgottenUploads(items: readonly QueueItem[]): (uid: string) => void {
  const queryClient = useQueryClient();
  const known = useRef(new Map<string, string>());

  const forget = useCallback(
    (uid: string) => {
      updateListedVideos(queryClient, (videos) =>
        videos.some((v) => v.uid === uid) ? videos.filter((v) => v.uid !== uid) : videos,
      );
      queryClient.removeQueries({ queryKey: streamKeys.video(uid), exact: true });
    },
    [queryClient],
  );

  useEffect(() => {
    // Rows gone from the queue are `remove`'s to handle: only their memory goes here.
    const present = new Set(items.map((item) => item.id));
    for (const id of known.current.keys()) if (!present.has(id)) known.current.delete(id);
    for (const item of items) {
      const uid = item.snapshot.uid;
      const was = known.current.get(item.id);
      if (uid) known.current.set(item.id, uid);
      else if (was) {
        known.current.delete(item.id);
        forget(was);
      }
    }
  }, [items, forget]);

  return forget;
}
