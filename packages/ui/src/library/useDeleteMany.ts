import { useDeleteVideo } from "@streamkit/hooks";
import { useCallback, useRef, useState } from "react";

/**
 * Deletes videos through `useDeleteVideo` (each leaves the cached lists at once and comes back if
 * its request fails). Reports how many went and the first failure. `remove` is stable.
 */
export function useDeleteMany() {
  const mutation = useDeleteVideo();
  const mutate = useRef(mutation.mutateAsync);
  mutate.current = mutation.mutateAsync;
  const [deleted, setDeleted] = useState(0);
  const [error, setError] = useState<Error>();
  const remove = useCallback((uids: string[]) => {
    setError(undefined);
    void Promise.allSettled(uids.map((uid) => mutate.current(uid))).then((results) => {
      const done = results.filter((r) => r.status === "fulfilled").length;
      const failure = results.find((r) => r.status === "rejected");
      if (done > 0) setDeleted(done);
      if (failure) {
        const reason: unknown = failure.reason;
        setError(reason instanceof Error ? reason : new Error(String(reason)));
      }
    });
  }, []);
  return { remove, deleted, error };
}
