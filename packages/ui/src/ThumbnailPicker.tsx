import { StreamValidationError, type Video } from "@streamkit/core";
import { useVideoStatus } from "@streamkit/hooks";
import { type HTMLAttributes, type ReactNode, useId } from "react";
import { cx } from "./cx";
import { useCommonMessages, useMessages } from "./messages/context";
import { thumbnailsMessages } from "./messages/thumbnails";
import { Heading, type HeadingLevel } from "./parts/Heading";
import { RequestError } from "./parts/RequestError";
import { FramePicker } from "./thumbnails/FramePicker";
import { VideoStatusBadge } from "./VideoStatusBadge";

export interface ThumbnailPickerProps extends Omit<HTMLAttributes<HTMLElement>, "children"> {
  /** The video; a new uid starts over with that video's frames. */
  uid: string;
  /** How many frames to offer, evenly spread over the video. Defaults to 8. */
  frames?: number;
  /** A signed token, for the frame images of a `requireSignedURLs` video. */
  token?: string;
  /** The new thumbnail position was saved. */
  onSaved?: (video: Video) => void;
  /** Level of the "Thumbnail" heading. Defaults to 2. */
  headingLevel?: HeadingLevel;
}

/**
 * Choose a video's thumbnail among frames across its duration and save it as
 * `thumbnailTimestampPct`. Until the video is ready (its duration known) it explains why there
 * is nothing to choose and shows the live status.
 *
 * `data-state`: `loading`, `waiting`, `unavailable` (processing failed), `ready`, `error`.
 */
export function ThumbnailPicker({
  uid,
  frames = 8,
  token,
  onSaved,
  headingLevel = 2,
  className,
  ...rest
}: ThumbnailPickerProps): ReactNode {
  const messages = useCommonMessages();
  const text = useMessages("thumbnails", thumbnailsMessages);
  const id = useId();
  const status = useVideoStatus(uid);
  const { video, phase } = status;
  const ready = phase === "ready" && video?.duration !== undefined && video.duration > 0;
  const state = ready
    ? "ready"
    : phase === "error"
      ? "unavailable"
      : video
        ? "waiting"
        : status.error
          ? "error"
          : "loading";

  let body: ReactNode;
  if (ready && video) {
    body = <FramePicker key={uid} video={video} count={frames} token={token} onSaved={onSaved} />;
  } else if (video) {
    body = (
      <>
        <p id={`${id}-why`} className="sk-status">
          {phase === "error" ? text.failed : text.notReady}
        </p>
        {/* A failed video has no frames: the reason alone, no button that cannot work. */}
        {phase !== "error" && <VideoStatusBadge uid={uid} variant="full" />}
        <div className="sk-actions" hidden={phase === "error"}>
          <button
            type="button"
            className="sk-button"
            data-variant="primary"
            disabled
            aria-describedby={`${id}-why`}
          >
            {text.save}
          </button>
        </div>
      </>
    );
  } else if (status.error) {
    const fixable = !(status.error instanceof StreamValidationError);
    body = <RequestError error={status.error} onRetry={fixable ? status.refresh : undefined} />;
  } else {
    body = (
      <p role="status" className="sk-status">
        {messages.loading}
      </p>
    );
  }

  return (
    <section
      {...rest}
      className={cx("sk-picker", className)}
      aria-labelledby={`${id}-heading`}
      data-state={state}
    >
      <Heading level={headingLevel} id={`${id}-heading`}>
        {text.heading}
      </Heading>
      {body}
    </section>
  );
}
