import { StreamApiError, StreamValidationError } from "@streamkit/core";
import type { LiveOutput } from "@streamkit/core/live-inputs";
import {
  useDeleteLiveOutput,
  useLiveOutputs,
  useUpdateLiveOutput,
} from "@streamkit/hooks/live-inputs";
import { type HTMLAttributes, type ReactNode, useId, useRef, useState } from "react";
import { cx } from "./cx";
import type { LiveOutputsMessages } from "./live/messages";
import { OutputForm } from "./live/OutputForm";
import { RevealButton, SecretValue } from "./live/Secret";
import { useLiveTexts } from "./live/useLiveTexts";
import type { MessagesOverride } from "./media/useMediaTexts";
import { useCommonMessages } from "./messages/context";
import type { HeadingLevel } from "./parts/Heading";
import { InlineConfirm } from "./parts/InlineConfirm";
import { MediaSection } from "./parts/MediaSection";
import { RequestError } from "./parts/RequestError";

export interface LiveOutputsEditorProps extends Omit<HTMLAttributes<HTMLElement>, "children"> {
  /** The live input whose outputs these are; a new uid shows that input's. */
  uid: string;
  /** Level of the heading. Defaults to 2. */
  headingLevel?: HeadingLevel;
  /** Show the form that adds outputs. Defaults to true. */
  createForm?: boolean;
  /** Some or all texts. */
  messages?: MessagesOverride<LiveOutputsMessages>;
}

/** `loading`, `error`, `not-found` (no such input), `empty`, `ready`. */
export type LiveOutputsEditorState = "loading" | "error" | "not-found" | "empty" | "ready";

/**
 * A live input's simulcast outputs (the services it restreams to): each with its URL, its
 * stream key masked behind Reveal, a switch that starts or stops forwarding, and delete behind
 * an inline confirmation whose Cancel gets focus; a form adds one (an `rtmp://`, `rtmps://` or
 * `srt://` URL, checked at the field, and a key). Changes show at once and go back if the API
 * refuses; outcomes are announced politely.
 *
 * `data-state`: `loading`, `error`, `not-found`, `empty`, `ready`.
 */
export function LiveOutputsEditor({
  uid,
  headingLevel = 2,
  createForm = true,
  messages,
  className,
  ...rest
}: LiveOutputsEditorProps): ReactNode {
  const common = useCommonMessages();
  const text = useLiveTexts("outputs", messages);
  const id = useId();
  const section = useRef<HTMLElement>(null);
  const list = useLiveOutputs(uid);
  const update = useUpdateLiveOutput();
  const remove = useDeleteLiveOutput();
  const [announcement, announce] = useState("");
  const [failure, setFailure] = useState<Error>();
  // Another input: the last one's outcome and failure are not about this one.
  const [shown, setShown] = useState(uid);
  if (shown !== uid) {
    setShown(uid);
    setFailure(undefined);
    announce("");
  }
  const notFound = list.error instanceof StreamApiError && list.error.isNotFound;
  const outputs = list.data ?? [];
  const state: LiveOutputsEditorState = list.data
    ? outputs.length
      ? "ready"
      : "empty"
    : notFound
      ? "not-found"
      : list.error
        ? "error"
        : "loading";

  let body: ReactNode;
  if (list.data) {
    body = outputs.length ? (
      <ul className="sk-media__list" aria-label={text.list}>
        {outputs.map((output) => (
          <OutputRow
            key={output.uid}
            output={output}
            text={text}
            onToggle={(enabled) => {
              const url = output.url ?? "";
              setFailure(undefined);
              update.mutate(
                { uid, outputUid: output.uid, enabled },
                {
                  onSuccess: () => announce(enabled ? text.nowEnabled(url) : text.nowDisabled(url)),
                  onError: setFailure,
                },
              );
            }}
            onDelete={() => {
              // The row goes away at once: keep focus in the panel.
              section.current?.focus();
              setFailure(undefined);
              remove.mutate(
                { uid, outputUid: output.uid },
                { onSuccess: () => announce(text.deleted(output.url ?? "")), onError: setFailure },
              );
            }}
          />
        ))}
      </ul>
    ) : (
      <p className="sk-status">{text.empty}</p>
    );
  } else if (notFound) {
    body = <p className="sk-status">{text.notFound}</p>;
  } else if (list.error) {
    const error = list.error;
    body = (
      <RequestError
        error={error}
        onRetry={error instanceof StreamValidationError ? undefined : () => void list.refetch()}
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
      ref={section}
      idBase={id}
      heading={text.heading}
      headingLevel={headingLevel}
      className={cx("sk-live-outputs", className)}
      state={state}
      failure={failure}
      announcement={announcement}
      footer={
        createForm &&
        list.data && <OutputForm key={uid} uid={uid} text={text} announce={announce} />
      }
    >
      {body}
    </MediaSection>
  );
}

function OutputRow({
  output,
  text,
  onToggle,
  onDelete,
}: {
  output: LiveOutput;
  text: LiveOutputsMessages;
  onToggle: (enabled: boolean) => void;
  onDelete: () => void;
}): ReactNode {
  const [revealed, setRevealed] = useState(false);
  const url = output.url ?? "";
  const enabled = output.enabled !== false;
  return (
    <li className="sk-media__item sk-live-output" data-state={enabled ? "enabled" : "disabled"}>
      <span className="sk-media__name sk-live-output__url">{url}</span>
      <span className="sk-live-output__key">
        <span className="sk-visually-hidden">{text.streamKey}: </span>
        <SecretValue value={output.streamKey ?? ""} revealed={revealed} text={text} />
        <RevealButton
          name={text.keyOf(url)}
          revealed={revealed}
          onToggle={() => setRevealed((r) => !r)}
          text={text}
        />
      </span>
      <label className="sk-check">
        <input
          type="checkbox"
          checked={enabled}
          aria-label={text.enabledLabel(url)}
          onChange={(event) => onToggle(event.target.checked)}
        />
        <span aria-hidden="true">{text.enabled}</span>
      </label>
      <InlineConfirm
        label={text.delete}
        accessibleLabel={text.deleteOutput(url)}
        question={text.confirmDelete(url)}
        confirmLabel={text.confirm}
        cancelLabel={text.cancel}
        initialFocus="cancel"
        onConfirm={onDelete}
      />
    </li>
  );
}
