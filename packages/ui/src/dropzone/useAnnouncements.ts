import type { UploadItem, UploadItemState } from "@streamkit/hooks/upload";
import { useEffect, useRef, useState } from "react";
import type { StreamMessages } from "../messages";
import { type DropzoneLimits, failure, refusal } from "./describe";

/**
 * The text of a polite live region: starts, completions (bytes in, then ready), failures,
 * refusals and cancellations, as they happen. Nothing is announced for what was there at mount.
 */
export function useAnnouncements(
  items: UploadItem[],
  messages: StreamMessages,
  limits: DropzoneLimits,
): string {
  const [text, setText] = useState("");
  const seen = useRef(new Map<string, UploadItemState>());
  const latest = useRef({ messages, limits });
  latest.current = { messages, limits };
  useEffect(() => {
    const { messages: m, limits: l } = latest.current;
    const t = m.dropzone;
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
        const refused = refusal(item, m, l);
        lines.push(
          refused
            ? t.announceRefused(name, refused)
            : t.announceFailed(name, failure(item, m) ?? ""),
        );
      }
    }
    if (lines.length > 0) setText(lines.join(" "));
  }, [items]);
  return text;
}
