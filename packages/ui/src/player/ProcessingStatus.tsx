import { type Video, videoPhase, videoProgress } from "@streamkit/core";
import { type ReactNode, useState } from "react";
import { useCommonMessages } from "../messages/context";

/**
 * The status line over the poster of a video still processing: phase, bar and percent, drawn
 * and worded like a full `VideoStatusBadge` (same classes, texts and polite announcement of a
 * new phase). The badge itself also watches uids and shows failures; the player does both
 * already, so its first bundle carries only this much.
 */
export function ProcessingStatus({ video }: { video: Video }): ReactNode {
  const text = useCommonMessages();
  const phase = videoPhase(video);
  const percent = phase === "processing" ? Math.round(videoProgress(video) * 100) : undefined;
  const label = text.phase[phase];
  const accessible = text.statusLabel(label, percent);

  // Empty at mount (nothing to announce), then the status at each new phase (state adjusted
  // while rendering, as React documents for a changed prop: no effect, no extra commit).
  const [announced, setAnnounced] = useState({ phase, text: "" });
  if (announced.phase !== phase) setAnnounced({ phase, text: accessible });

  return (
    <span className="sk-badge" data-state={phase} data-variant="full">
      <span className="sk-badge__dot" aria-hidden="true" />
      <span aria-hidden="true">{label}</span>
      {percent !== undefined && (
        <>
          <span className="sk-badge__bar" aria-hidden="true">
            <span style={{ width: `${percent}%` }} />
          </span>
          <span aria-hidden="true">{text.percent(percent)}</span>
        </>
      )}
      <span className="sk-visually-hidden">{accessible}</span>
      <span className="sk-visually-hidden" role="status" aria-live="polite">
        {announced.text}
      </span>
    </span>
  );
}
