import {
  errorReason as reasonOf,
  type Video,
  type VideoPhase,
  videoPhase,
  videoProgress,
} from "@streamkit/core";
import { useOptionalStreamContext, useVideoStatus } from "@streamkit/hooks";
import { type HTMLAttributes, type ReactNode, useEffect, useRef, useState } from "react";
import { cx } from "./cx";
import { useCommonMessages } from "./messages/context";
import { describeError } from "./messages/describeError";

export interface VideoStatusBadgeProps extends Omit<HTMLAttributes<HTMLSpanElement>, "children"> {
  /** Watch this video's status live (shared, batched polling through `useVideoStatus`). */
  uid?: string;
  /** Or show the status of a video you already have; nothing is fetched. */
  video?: Video;
  /** `compact`: dot, phase and percent. `full`: adds a progress bar and the error reason. */
  variant?: "compact" | "full";
  /** Announce phase changes to screen readers through a polite live region. Defaults to true. */
  announce?: boolean;
}

/**
 * The phase of a video (downloading, processing 40%, ready, failed…) as a small, accessible badge.
 * With `video` it renders anywhere; with only `uid` it needs a `StreamProvider` to watch it.
 */
export function VideoStatusBadge(props: VideoStatusBadgeProps): ReactNode {
  const context = useOptionalStreamContext();
  return props.uid !== undefined && props.video === undefined && context ? (
    <LiveBadge {...props} uid={props.uid} />
  ) : (
    <BadgeView {...props} />
  );
}

function LiveBadge(props: VideoStatusBadgeProps & { uid: string }): ReactNode {
  const live = useVideoStatus(props.uid);
  return <BadgeView {...props} video={live.video} failure={live.error} />;
}

function BadgeView({
  uid: _uid,
  video,
  failure,
  variant = "compact",
  announce = true,
  className,
  ...rest
}: VideoStatusBadgeProps & { failure?: Error }): ReactNode {
  const messages = useCommonMessages();
  const phase: VideoPhase | undefined = video ? videoPhase(video) : undefined;
  const percent = phase === "processing" ? Math.round(videoProgress(video) * 100) : undefined;
  const label = phase
    ? messages.phase[phase]
    : failure
      ? messages.requestFailed(describeError(failure))
      : messages.loading;
  const reason = phase === "error" ? reasonOf(video)?.text : undefined;
  const accessible = messages.statusLabel(label, percent) + (reason ? `. ${reason}` : "");
  const announcement = usePhaseAnnouncement(phase, accessible);

  return (
    <span
      {...rest}
      className={cx("sk-badge", className)}
      data-state={phase ?? (failure ? "error" : "loading")}
      data-variant={variant}
    >
      <span className="sk-badge__dot" aria-hidden="true" />
      <span className="sk-badge__label" aria-hidden="true">
        {label}
      </span>
      {variant === "full" && percent !== undefined && (
        <span className="sk-badge__bar" aria-hidden="true">
          <span style={{ width: `${percent}%` }} />
        </span>
      )}
      {percent !== undefined && <span aria-hidden="true">{messages.percent(percent)}</span>}
      {variant === "full" && reason && (
        <span className="sk-badge__reason" aria-hidden="true">
          {reason}
        </span>
      )}
      <span className="sk-visually-hidden">{accessible}</span>
      {announce && (
        <span className="sk-visually-hidden" role="status" aria-live="polite">
          {announcement}
        </span>
      )}
    </span>
  );
}

/** Text for the live region: empty at mount (nothing to announce), then the label at each new phase. */
function usePhaseAnnouncement(phase: VideoPhase | undefined, text: string): string {
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
