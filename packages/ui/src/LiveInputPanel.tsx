import { StreamApiError, StreamValidationError } from "@streamkit/core";
import type { LiveInput } from "@streamkit/core/live-inputs";
import {
  useDisableLiveInput,
  useEnableLiveInput,
  useLiveInput,
  useRotateLiveInputKeys,
} from "@streamkit/hooks/live-inputs";
import { type HTMLAttributes, type ReactNode, useId, useState } from "react";
import { cx } from "./cx";
import { LiveStatusBadge } from "./LiveStatusBadge";
import { Credentials } from "./live/Credentials";
import type { LiveInputPanelMessages, LiveStatusMessages } from "./live/messages";
import { RecordingForm } from "./live/RecordingForm";
import { useLiveTexts } from "./live/useLiveTexts";
import type { MessagesOverride } from "./media/useMediaTexts";
import { useCommonMessages } from "./messages/context";
import type { HeadingLevel } from "./parts/Heading";
import { InlineConfirm } from "./parts/InlineConfirm";
import { MediaSection } from "./parts/MediaSection";
import { RequestError } from "./parts/RequestError";

export interface LiveInputPanelProps extends Omit<HTMLAttributes<HTMLElement>, "children"> {
  /** The live input; a new uid shows that input, its secrets masked again. */
  uid: string;
  /** Level of the heading. Defaults to 2. */
  headingLevel?: HeadingLevel;
  /** Show the ffmpeg test command. Defaults to true. */
  ffmpeg?: boolean;
  /** Show the recording settings form. Defaults to true. */
  recordingForm?: boolean;
  /** Some or all texts. */
  messages?: MessagesOverride<LiveInputPanelMessages>;
  /** Texts of the status badge. */
  statusMessages?: MessagesOverride<LiveStatusMessages>;
}

/** `loading`, `error`, `not-found`, `ready`. */
export type LiveInputPanelState = "loading" | "error" | "not-found" | "ready";

/**
 * One live input for its owner: the broadcast's status; the ingest URLs and keys (RTMPS, SRT,
 * WebRTC when Stream gives one), each with Copy, the stream key and SRT passphrase masked
 * until Reveal is pressed; an ffmpeg command to test it; whether it accepts broadcasts;
 * rotate keys behind an inline confirmation; and the recording settings. Changes show at once
 * and go back if the API refuses, with the reason in an alert; outcomes are announced politely.
 *
 * `data-state`: `loading`, `error`, `not-found`, `ready`.
 */
export function LiveInputPanel({
  uid,
  headingLevel = 2,
  ffmpeg = true,
  recordingForm = true,
  messages,
  statusMessages,
  className,
  ...rest
}: LiveInputPanelProps): ReactNode {
  const common = useCommonMessages();
  const text = useLiveTexts("panel", messages);
  const id = useId();
  const query = useLiveInput(uid);
  const [announcement, announce] = useState("");
  const [failure, setFailure] = useState<Error>();
  // Another input: the last one's outcome and failure are not about this one.
  const [shown, setShown] = useState(uid);
  if (shown !== uid) {
    setShown(uid);
    setFailure(undefined);
    announce("");
  }
  const notFound = query.error instanceof StreamApiError && query.error.isNotFound;
  const input = query.data;
  const state: LiveInputPanelState = input
    ? "ready"
    : notFound
      ? "not-found"
      : query.error
        ? "error"
        : "loading";

  let body: ReactNode;
  if (input) {
    body = (
      <>
        <InputControls
          input={input}
          text={text}
          statusMessages={statusMessages}
          announce={announce}
          onError={setFailure}
        />
        <Credentials
          key={`${uid}-credentials`}
          input={input}
          text={text}
          ffmpeg={ffmpeg}
          headingLevel={headingLevel}
        />
      </>
    );
  } else if (notFound) {
    body = <p className="sk-status">{text.notFound}</p>;
  } else if (query.error) {
    const error = query.error;
    body = (
      <RequestError
        error={error}
        onRetry={error instanceof StreamValidationError ? undefined : () => void query.refetch()}
      />
    );
  } else {
    body = (
      <p role="status" className="sk-status">
        {common.loading}
      </p>
    );
  }

  return (
    <MediaSection
      {...rest}
      idBase={id}
      heading={text.heading}
      headingLevel={headingLevel}
      className={cx("sk-live-panel", className)}
      state={state}
      failure={failure}
      announcement={announcement}
      footer={
        input &&
        recordingForm && <RecordingForm key={`${uid}-recording`} input={input} text={text} />
      }
    >
      {body}
    </MediaSection>
  );
}

/** The status, the accept-broadcasts switch and rotate keys. */
function InputControls({
  input,
  text,
  statusMessages,
  announce,
  onError,
}: {
  input: LiveInput;
  text: LiveInputPanelMessages;
  statusMessages: MessagesOverride<LiveStatusMessages> | undefined;
  announce: (text: string) => void;
  onError: (error: Error | undefined) => void;
}): ReactNode {
  const id = useId();
  const enable = useEnableLiveInput();
  const disable = useDisableLiveInput();
  const rotate = useRotateLiveInputKeys();
  const enabled = input.enabled !== false;
  const name = typeof input.meta?.name === "string" ? input.meta.name : undefined;
  const toggling = enable.isPending || disable.isPending;

  return (
    <div className="sk-live-controls">
      <p className="sk-actions">
        <LiveStatusBadge liveInput={input} messages={statusMessages} />
        {name && <span className="sk-media__name">{name}</span>}
      </p>
      <div className="sk-field">
        <label className="sk-check">
          <input
            type="checkbox"
            checked={enabled}
            aria-describedby={`${id}-enabled-help`}
            onChange={(event) => {
              // The flag flips in the cache at once; a second press waits for the first answer.
              if (toggling) return;
              const next = event.target.checked;
              onError(undefined);
              (next ? enable : disable).mutate(input.uid, {
                onSuccess: () => announce(next ? text.nowEnabled : text.nowDisabled),
                onError,
              });
            }}
          />
          {text.enabled}
        </label>
        <p id={`${id}-enabled-help`} className="sk-field__help">
          {text.enabledHelp}
        </p>
      </div>
      <div className="sk-actions">
        <InlineConfirm
          label={text.rotate}
          question={text.confirmRotate}
          confirmLabel={text.confirmRotateLabel}
          cancelLabel={text.cancel}
          initialFocus="cancel"
          disabled={rotate.isPending}
          onConfirm={() => {
            onError(undefined);
            rotate.mutate(input.uid, { onSuccess: () => announce(text.rotated), onError });
          }}
        />
      </div>
    </div>
  );
}
