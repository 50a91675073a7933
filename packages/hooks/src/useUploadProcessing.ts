import { isUid, type PollerState, type Video } from "@streamkit/core";
import type { QueueItem } from "@streamkit/core/upload";
import { useQueries, useQueryClient } from "@tanstack/react-query";
import { useCallback, useEffect, useMemo, useRef, useSyncExternalStore } from "react";
import { useStreamContext } from "./context";
import { streamKeys } from "./keys";
import { videoQueryOptions } from "./queryOptions";

/** What the cache holds for a video whose bytes just arrived, until the first poll answers. */
function seedVideo(uid: string, name: string): Video {
  return {
    uid,
    meta: { name },
    readyToStream: false,
    status: { state: "queued", pctComplete: "0", errorReasonCode: "", errorReasonText: "" },
  };
}

export interface ProcessingStatus {
  video: Video | undefined;
  pollError: unknown;
}

const NO_STATES: readonly PollerState[] = [];

/** Module-level, so TanStack keeps the combined array until a video changes. */
const dataOf = (results: { data: Video | undefined }[]) => results.map((result) => result.data);

/**
 * The processing side of uploads whose bytes are in: each video is seeded into the cache (what an
 * earlier poll saw, `pendingupload`, is out of date), followed by the shared status poller, and
 * read back through `videoQueryOptions` like `useVideoStatus` does, so the component re-renders
 * when the poller, a webhook or the app writes the video.
 */
export function useUploadProcessing(items: readonly QueueItem[]): Map<string, ProcessingStatus> {
  const { client, poller, retry } = useStreamContext();
  const queryClient = useQueryClient();
  const uidKey = items
    .map((item) => (item.snapshot.state === "processing" ? item.snapshot.uid : undefined))
    .filter(isUid)
    .join(",");
  const uids = useMemo(() => (uidKey === "" ? [] : uidKey.split(",")), [uidKey]);

  const names = useMemo(
    () => new Map(items.map((item) => [item.snapshot.uid, item.name] as const)),
    [items],
  );
  // Declared before the poller subscription below, so the seed is in the cache when it polls.
  const seeded = useRef(new Set<string>());
  useEffect(() => {
    const fresh = uids.filter((uid) => !seeded.current.has(uid));
    for (const uid of fresh) {
      seeded.current.add(uid);
      const name = names.get(uid) ?? uid;
      queryClient.setQueryData<Video>(streamKeys.video(uid), (old) =>
        old && old.status?.state !== "pendingupload"
          ? old
          : { ...old, ...seedVideo(uid, name), meta: { name, ...old?.meta } },
      );
      poller.notify(uid);
    }
    if (fresh.length === 0) return;
    void queryClient.invalidateQueries({ queryKey: streamKeys.lists() });
    void queryClient.invalidateQueries({ queryKey: streamKeys.storage() });
  }, [uids, names, poller, queryClient]);

  const states = usePollerStates(uids);
  const videos = useQueries({
    queries: uids.map((uid) => ({ ...videoQueryOptions(client, uid), ...retry, enabled: false })),
    combine: dataOf,
  });

  return useMemo(() => {
    const byUid = new Map<string, ProcessingStatus>();
    uids.forEach((uid, i) => {
      byUid.set(uid, { video: videos[i], pollError: states[i]?.error });
    });
    return byUid;
  }, [uids, videos, states]);
}

/** The poller's state of each uid, watched (so polled) while mounted; stable until one changes. */
function usePollerStates(uids: readonly string[]): readonly PollerState[] {
  const { poller } = useStreamContext();
  const last = useRef<readonly PollerState[]>(NO_STATES);
  const subscribe = useCallback(
    (onChange: () => void) => {
      const stops = uids.map((uid) => poller.watch(uid, onChange));
      return () => {
        for (const stop of stops) stop();
      };
    },
    [poller, uids],
  );
  const read = useCallback(() => {
    const next = uids.map((uid) => poller.getState(uid));
    const prev = last.current;
    if (next.length === prev.length && next.every((state, i) => state === prev[i])) return prev;
    last.current = next;
    return next;
  }, [poller, uids]);
  return useSyncExternalStore(subscribe, read, () => NO_STATES);
}
