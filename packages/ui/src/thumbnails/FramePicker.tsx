import type { Video } from "@streamkit/core";
import { useUpdateVideo } from "@streamkit/hooks";
import { type KeyboardEvent, type ReactNode, useRef, useState } from "react";
import { useMessages } from "../messages/context";
import { thumbnailsMessages } from "../messages/thumbnails";
import { FailureAlert } from "../parts/RequestError";
import { VideoThumbnail } from "../VideoThumbnail";
import { frameTimes, nearestFrame, timestampPct } from "./frames";

const NEXT: Record<string, (index: number, count: number) => number> = {
  ArrowRight: (i, n) => (i + 1) % n,
  ArrowDown: (i, n) => (i + 1) % n,
  ArrowLeft: (i, n) => (i - 1 + n) % n,
  ArrowUp: (i, n) => (i - 1 + n) % n,
  Home: () => 0,
  End: (_i, n) => n - 1,
};

/**
 * The frames of a ready video as a radio group (one tab stop; arrows, Home and End move and
 * choose), a large preview of the chosen one, and Save. Mounted with `key={uid}`.
 */
export function FramePicker({
  video,
  count,
  token,
  onSaved,
}: {
  video: Video;
  count: number;
  token: string | undefined;
  onSaved: ((video: Video) => void) | undefined;
}): ReactNode {
  const text = useMessages("thumbnails", thumbnailsMessages);
  const duration = video.duration ?? 0;
  const times = frameTimes(duration, count);
  const [chosen, setChosen] = useState(() =>
    nearestFrame(times, (video.thumbnailTimestampPct ?? 0) * duration),
  );
  const index = Math.min(chosen, times.length - 1);
  const time = times[index] ?? 0;
  const radios = useRef<(HTMLButtonElement | null)[]>([]);
  const [state, setState] = useState<"idle" | "saving" | "saved" | "failed">("idle");
  const [failure, setFailure] = useState<Error>();
  const update = useUpdateVideo();
  const onSavedRef = useRef(onSaved);
  onSavedRef.current = onSaved;

  const choose = (next: number) => {
    setChosen(next);
    if (state !== "saving") setState("idle");
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const step = NEXT[event.key];
    if (!step) return;
    event.preventDefault();
    const next = step(index, times.length);
    choose(next);
    radios.current[next]?.focus();
  };
  const save = () => {
    if (state === "saving") return;
    setState("saving");
    setFailure(undefined);
    update.mutate(
      { uid: video.uid ?? "", changes: { thumbnailTimestampPct: timestampPct(time, duration) } },
      {
        onSuccess: (saved) => {
          setState("saved");
          onSavedRef.current?.(saved);
        },
        onError: (error) => {
          setFailure(error);
          setState("failed");
        },
      },
    );
  };

  return (
    <>
      <div role="radiogroup" aria-label={text.choose} className="sk-frames" onKeyDown={onKeyDown}>
        {times.map((t, i) => (
          // biome-ignore lint/a11y/useSemanticElements: an image radio with a roving tabindex, as in the WAI-ARIA radio group pattern
          <button
            key={t}
            ref={(button) => {
              radios.current[i] = button;
            }}
            type="button"
            role="radio"
            aria-checked={i === index}
            aria-label={text.frame(t)}
            tabIndex={i === index ? 0 : -1}
            className="sk-frame"
            onClick={() => choose(i)}
          >
            <VideoThumbnail video={video} token={token} time={t} width={120} alt="" />
          </button>
        ))}
      </div>
      <VideoThumbnail
        className="sk-preview"
        video={video}
        token={token}
        time={time}
        width={480}
        alt={text.preview(time)}
        loading="eager"
      />
      <div className="sk-actions">
        <button
          type="button"
          className="sk-button"
          data-variant="primary"
          aria-disabled={state === "saving" || undefined}
          onClick={save}
        >
          {state === "saving" ? text.saving : text.save}
        </button>
      </div>
      <p role="status" className="sk-status">
        {state === "saving" ? text.saving : state === "saved" ? text.saved : ""}
      </p>
      <FailureAlert error={failure} />
    </>
  );
}
