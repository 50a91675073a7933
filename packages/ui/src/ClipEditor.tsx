import { StreamValidationError, type Video } from "@streamkit/core";
import { useVideoStatus } from "@streamkit/hooks";
import { type HTMLAttributes, type ReactNode, useId } from "react";
import { cx } from "./cx";
import { ClipForm } from "./media/ClipForm";
import { type ClipEditorMessages, clipEditorMessages } from "./media/clipMessages";
import type { ClipEditorState, ClipOptions, ClipRange } from "./media/clipTypes";
import { type MessagesOverride, useMediaTexts } from "./media/useMediaTexts";
import { useCommonMessages } from "./messages/context";
import { Heading, type HeadingLevel } from "./parts/Heading";
import { RequestError } from "./parts/RequestError";
import { VideoStatusBadge } from "./VideoStatusBadge";

export interface ClipEditorProps extends Omit<HTMLAttributes<HTMLElement>, "children"> {
  /** The video to clip; a new uid starts over with that video. */
  uid: string;
  /** How many frames the strip shows, evenly spread over the video. Defaults to 8. */
  frames?: number;
  /** A signed token, for the frames and the player of a `requireSignedURLs` video. */
  token?: string;
  /**
   * `"player"` (default): a `StreamPlayer` that seeks to the start as it moves; `"none"`: no
   * preview; or a function that renders one from the range.
   */
  preview?: "player" | "none" | ((range: ClipRange) => ReactNode);
  /** Sent with every clip: `creator`, `meta`, `requireSignedURLs`, `watermark`, … */
  clipOptions?: ClipOptions;
  /** The clip was created (still `queued`). */
  onCreated?: (clip: Video) => void;
  /** The clip finished processing. */
  onReady?: (clip: Video) => void;
  /** Level of the heading. Defaults to 2. */
  headingLevel?: HeadingLevel;
  /** Some or all texts. */
  messages?: MessagesOverride<ClipEditorMessages>;
}

/**
 * Cut a clip out of a ready video: a strip of its frames with the range highlighted, start and
 * end as sliders and number fields (whole seconds, checked inline before any request), a preview
 * that seeks to the start, and a name. The clip is created with `useCreateClip` and followed to
 * ready with a status badge; outcomes are announced in a polite live region.
 *
 * `data-state`: see `ClipEditorState`.
 */
export function ClipEditor({
  uid,
  frames = 8,
  token,
  preview = "player",
  clipOptions,
  onCreated,
  onReady,
  headingLevel = 2,
  messages,
  className,
  ...rest
}: ClipEditorProps): ReactNode {
  const common = useCommonMessages();
  const text = useMediaTexts(clipEditorMessages, messages);
  const id = useId();
  const status = useVideoStatus(uid);
  const { video, phase } = status;
  const ready = phase === "ready" && video?.duration !== undefined && video.duration > 0;

  if (ready && video) {
    return (
      <ClipForm
        key={uid}
        {...rest}
        className={cx("sk-clip", className)}
        idBase={id}
        uid={uid}
        video={video}
        frames={frames}
        token={token}
        preview={preview}
        clipOptions={clipOptions}
        onCreated={onCreated}
        onReady={onReady}
        headingLevel={headingLevel}
        text={text}
      />
    );
  }

  const state: ClipEditorState =
    phase === "error" ? "unavailable" : video ? "waiting" : status.error ? "error" : "loading";
  let body: ReactNode;
  if (video) {
    body = (
      <>
        <p className="sk-status">{phase === "error" ? text.unavailable : text.notReady}</p>
        <VideoStatusBadge uid={uid} variant="full" />
      </>
    );
  } else if (status.error) {
    const fixable = !(status.error instanceof StreamValidationError);
    body = <RequestError error={status.error} onRetry={fixable ? status.refresh : undefined} />;
  } else {
    body = (
      <p role="status" className="sk-status">
        {common.loading}
      </p>
    );
  }
  return (
    <section
      {...rest}
      className={cx("sk-clip", className)}
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

export type { ClipEditorState, ClipOptions, ClipRange };
