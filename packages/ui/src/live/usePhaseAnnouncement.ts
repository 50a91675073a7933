import { useEffect, useRef, useState } from "react";

/**
 * Text for a live region: empty at mount (nothing has changed yet), then `text` at each new
 * `phase`. The badge's own copy of `VideoStatusBadge`'s logic: sharing it would move bytes on
 * the main entry, which sits at its budget.
 */
export function usePhaseAnnouncement(phase: string | undefined, text: string): string {
  const [announcement, setAnnouncement] = useState("");
  const previous = useRef(phase);
  const latestText = useRef(text);
  latestText.current = text;
  useEffect(() => {
    if (previous.current === phase) return;
    const first = previous.current === undefined;
    previous.current = phase;
    if (!first && phase) setAnnouncement(latestText.current);
  }, [phase]);
  return announcement;
}
