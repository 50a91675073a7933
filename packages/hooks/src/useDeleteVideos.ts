import { useCallback, useState } from "react";
import { useDeleteVideo } from "./useDeleteVideo";

/** How a `remove` call ended: the uids that went, and those whose delete failed, with why. */
export interface DeleteVideosOutcome {
  deleted: string[];
  failed: { uid: string; error: Error }[];
}

export interface UseDeleteVideosResult {
  /**
   * Deletes these videos, all at once. Each leaves every cached list at once and comes back if
   * its request fails. Stable across renders; the promise never rejects.
   */
  remove: (uids: readonly string[]) => Promise<DeleteVideosOutcome>;
  /** How many videos the last `remove` deleted (0 until one succeeds). */
  deleted: number;
  /** The first failure of the last `remove`, cleared when the next one starts. */
  error: Error | undefined;
  /** A `remove` is under way. */
  isPending: boolean;
}

/** Deletes many videos through `useDeleteVideo`, for bulk actions ("Delete 3 selected"). */
export function useDeleteVideos(): UseDeleteVideosResult {
  // `mutateAsync` is the observer's own bound method: stable, so `remove` is too.
  const { mutateAsync } = useDeleteVideo();
  const [deleted, setDeleted] = useState(0);
  const [error, setError] = useState<Error>();
  const [running, setRunning] = useState(0);
  const remove = useCallback(
    async (uids: readonly string[]): Promise<DeleteVideosOutcome> => {
      setError(undefined);
      setRunning((n) => n + 1);
      const results = await Promise.allSettled(uids.map((uid) => mutateAsync(uid)));
      const outcome: DeleteVideosOutcome = { deleted: [], failed: [] };
      results.forEach((result, i) => {
        const uid = uids[i] ?? "";
        if (result.status === "fulfilled") outcome.deleted.push(uid);
        else outcome.failed.push({ uid, error: asError(result.reason) });
      });
      setRunning((n) => n - 1);
      if (outcome.deleted.length > 0) setDeleted(outcome.deleted.length);
      const first = outcome.failed[0];
      if (first) setError(first.error);
      return outcome;
    },
    [mutateAsync],
  );
  return { remove, deleted, error, isPending: running > 0 };
}

function asError(reason: unknown): Error {
  return reason instanceof Error ? reason : new Error(String(reason));
}
