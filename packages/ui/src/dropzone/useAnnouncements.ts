import type { UploadItem, UploadItemState } from "@streamkit/hooks/upload";
import { useEffect, useRef, useState } from "react";
import { type DropzoneLimits, type DropzoneTexts, failure, refusal } from "./describe";

/**
 * The text of a polite live region: starts, completions (bytes in, then ready), failures,
 * refusals and cancellations, as they happen. Nothing is announced for what was there at mount.
 */
export function useAnnouncements(
  items: UploadItem[],
  texts: DropzoneTexts,
  limits: DropzoneLimits,
): string {
  const [text, setText] = useState("");
  const seen = useRef(new Map<string, UploadItemState>());
  const latest = useRef({ texts, limits });
  latest.current = { texts, limits };
  useEffect(() => {
    const { texts: x, limits: l } = latest.current;
    const t = x.text;
    const lines: string[] = [];
    for (const item of items) {
      const before = seen.current.get(item.id);
      if (before === item.state) continue;
      seen.current.set(item.id, item.state);
      const name = item.name;
      if (item.state === "uploading" && before !== "paused") lines.push(t.announceStarted(name));
      else if (item.state === "processing" && before !== "processing")
        lines.push(t.announceUploaded(name));
      else if (item.state === "ready") lines.push(t.announceReady(name));
      else if (item.state === "cancelled") lines.push(t.announceCancelled(name));
      else if (item.state === "error") {
        const refused = refusal(item, x, l);
        lines.push(
          refused
            ? t.announceRefused(name, refused)
            : t.announceFailed(name, failure(item, x) ?? ""),
        );
      }
    }
    if (lines.length > 0) setText(lines.join(" "));
  }, [items]);
  return text;
}
