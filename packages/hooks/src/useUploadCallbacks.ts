import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import { streamKeys } from "./keys";
import type { UploadItem, UseUploadOptions } from "./uploadTypes";

/** Calls onUploaded / onReady / onError once per item and event, with the latest callbacks. */
export function useUploadCallbacks(
  items: UploadItem[],
  latest: { current: { options: UseUploadOptions } },
): void {
  const queryClient = useQueryClient();
  const fired = useRef(new Map<string, Set<string>>());
  useEffect(() => {
    const o = latest.current.options;
    for (const item of items) {
      let seen = fired.current.get(item.id);
      if (!seen) {
        seen = new Set();
        fired.current.set(item.id, seen);
      }
      const once = (key: string, call: () => void) => {
        if (seen.has(key)) return;
        seen.add(key);
        call();
      };
      if (item.state === "processing" || item.state === "ready" || item.video) {
        once("uploaded", () => o.onUploaded?.(item));
      }
      if (item.state === "ready" && item.video) {
        const video = item.video;
        once("ready", () => {
          void queryClient.invalidateQueries({ queryKey: streamKeys.lists() });
          // Its duration is known now: the minutes stored changed.
          void queryClient.invalidateQueries({ queryKey: streamKeys.storage() });
          o.onReady?.(video, item);
        });
      }
      if (item.state === "error" && item.error) {
        const error = item.error;
        once(`error:${error.message}`, () => o.onError?.(error, item));
      }
      if (item.state !== "error")
        for (const key of seen) if (key.startsWith("error:")) seen.delete(key);
    }
  }, [items, latest, queryClient]);
}
