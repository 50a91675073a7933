import { StreamApiError, StreamValidationError } from "@streamkit/core";
import type { AudioTrack } from "@streamkit/core/media";
import { useAddAudioTrack, useUpdateAudioTrack } from "@streamkit/hooks/media";
import { type FormEvent, type ReactNode, useEffect, useId, useRef, useState } from "react";
import { useCommonMessages } from "../messages/context";
import { describeError } from "../messages/describeError";
import { SourceChoice } from "../parts/SourceChoice";
import type { AudioTracksMessages } from "./watermarkMessages";

type Field = "label" | "url" | "file" | "form";
type Errors = Partial<Record<Field, string>>;

/** The message of a refusal, without its `field: ` prefix. */
const detail = (error: StreamValidationError) => error.message.replace(/^[\w.]+: /, "");

/** Add a track from a URL or a file, with its label; waits for a ready video. */
export function AddAudioTrackForm({
  uid,
  text,
  tracks,
  videoReady,
  announce,
}: {
  uid: string;
  text: AudioTracksMessages;
  tracks: AudioTrack[];
  videoReady: boolean;
  announce: (text: string) => void;
}): ReactNode {
  const { requestFailed } = useCommonMessages();
  const id = useId();
  const form = useRef<HTMLFormElement>(null);
  const add = useAddAudioTrack();
  const [source, setSource] = useState<"url" | "file">("url");
  const [errors, setErrors] = useState<Errors>({});
  const why = videoReady ? undefined : `${id}-why`;

  const fail = (next: Errors) => {
    setErrors(next);
    const first = (Object.keys(next) as Field[]).find((f) => f !== "form");
    if (first) form.current?.querySelector<HTMLElement>(`[name="${first}"]`)?.focus();
  };
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (add.isPending || !videoReady) return;
    const data = new FormData(event.currentTarget);
    const label = String(data.get("label") ?? "").trim();
    if (!label) return fail({ label: text.noLabel });
    if (tracks.some((t) => t.label === label)) return fail({ label: text.duplicateLabel });
    const file =
      event.currentTarget.querySelector<HTMLInputElement>('input[name="file"]')?.files?.[0];
    const url = String(data.get("url") ?? "").trim();
    if (source === "file" && !file?.size) return fail({ file: text.noFile });
    if (source === "url" && !url) return fail({ url: text.invalidUrl });
    setErrors({});
    add.mutate(source === "file" && file ? { uid, label, file } : { uid, label, url }, {
      onSuccess: (track) => {
        form.current?.reset();
        announce(text.added(track.label));
      },
      onError: (error) => {
        if (error instanceof StreamApiError && error.status === 409)
          return fail({ label: text.duplicateLabel });
        if (!(error instanceof StreamValidationError))
          return setErrors({ form: describeError(error) });
        if (error.field === "url") return fail({ url: text.invalidUrl });
        if (error.field === "label" || error.field === "file")
          return fail({ [error.field]: text.invalid(detail(error)) });
        setErrors({ form: text.invalid(detail(error)) });
      },
    });
  };
  const described = (field: Field, help?: string) =>
    [help, errors[field] && `${id}-${field}-error`].filter(Boolean).join(" ") || undefined;
  const error = (field: Field) =>
    errors[field] && (
      <p id={`${id}-${field}-error`} className="sk-field__error">
        {errors[field]}
      </p>
    );

  return (
    <form ref={form} className="sk-media__form" onSubmit={submit} noValidate>
      <fieldset className="sk-fieldset">
        <legend>{text.addLegend}</legend>
        <div className="sk-field">
          <label htmlFor={`${id}-label`}>{text.labelLabel}</label>
          <input
            id={`${id}-label`}
            className="sk-input"
            name="label"
            autoComplete="off"
            aria-invalid={errors.label ? true : undefined}
            aria-describedby={described("label", `${id}-label-help`)}
          />
          <p id={`${id}-label-help`} className="sk-field__help">
            {text.labelHelp}
          </p>
          {error("label")}
        </div>
        <SourceChoice
          legend={text.source}
          name={`${id}-source`}
          order={["url", "file"] as const}
          value={source}
          onChange={(next) => {
            setSource(next);
            setErrors({});
          }}
          labels={{ url: text.fromUrl, file: text.fromFile }}
        />
        {source === "url" ? (
          <div className="sk-field">
            <label htmlFor={`${id}-url`}>{text.urlLabel}</label>
            <input
              id={`${id}-url`}
              className="sk-input"
              type="url"
              name="url"
              inputMode="url"
              spellCheck={false}
              aria-invalid={errors.url ? true : undefined}
              aria-describedby={described("url")}
            />
            {error("url")}
          </div>
        ) : (
          <div className="sk-field">
            <label htmlFor={`${id}-file`}>{text.fileLabel}</label>
            <input
              id={`${id}-file`}
              className="sk-input"
              type="file"
              name="file"
              accept="audio/*"
              aria-invalid={errors.file ? true : undefined}
              aria-describedby={described("file")}
            />
            {error("file")}
          </div>
        )}
        {why && (
          <p id={why} className="sk-status">
            {text.notReady}
          </p>
        )}
        {errors.form && (
          <p className="sk-alert" role="alert">
            {requestFailed(errors.form)}
          </p>
        )}
        <div className="sk-actions">
          <button
            type="submit"
            className="sk-button"
            data-variant="primary"
            disabled={!videoReady}
            aria-describedby={why}
            aria-disabled={add.isPending || undefined}
          >
            {add.isPending ? text.adding : text.add}
          </button>
        </div>
      </fieldset>
    </form>
  );
}

/**
 * A track's rename: a button that turns into a small form (focus in the field; Escape or
 * Cancel puts it back and returns focus to the button).
 */
export function RenameAudioTrack({
  uid,
  track,
  tracks,
  text,
  announce,
  onError,
}: {
  uid: string;
  track: AudioTrack;
  tracks: AudioTrack[];
  text: AudioTracksMessages;
  announce: (text: string) => void;
  onError: (error: Error) => void;
}): ReactNode {
  const id = useId();
  const update = useUpdateAudioTrack();
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string>();
  const input = useRef<HTMLInputElement>(null);
  const trigger = useRef<HTMLButtonElement>(null);
  const focusNext = useRef<"input" | "trigger">(undefined);
  useEffect(() => {
    if (focusNext.current === "input") input.current?.focus();
    if (focusNext.current === "trigger") trigger.current?.focus();
    focusNext.current = undefined;
  }, [open]);
  const close = () => {
    focusNext.current = "trigger";
    setError(undefined);
    setOpen(false);
  };

  if (!open)
    return (
      <button
        ref={trigger}
        type="button"
        className="sk-button"
        aria-label={text.renameTrack(track.label)}
        onClick={() => {
          focusNext.current = "input";
          setOpen(true);
        }}
      >
        {text.rename}
      </button>
    );

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const label = input.current?.value.trim() ?? "";
    if (label === track.label) return close();
    if (!label) return setError(text.noLabel);
    if (tracks.some((t) => t.label === label && t.uid !== track.uid))
      return setError(text.duplicateLabel);
    close();
    update.mutate(
      { uid, audioUid: track.uid, label },
      { onSuccess: (t) => announce(text.renamed(t.label)), onError },
    );
  };
  return (
    <form
      className="sk-audio-rename"
      onSubmit={submit}
      noValidate
      onKeyDown={(event) => {
        if (event.key !== "Escape") return;
        event.preventDefault();
        close();
      }}
    >
      <label htmlFor={`${id}-label`} className="sk-visually-hidden">
        {text.newLabel}
      </label>
      <input
        ref={input}
        id={`${id}-label`}
        className="sk-input"
        defaultValue={track.label}
        autoComplete="off"
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
      />
      <button type="submit" className="sk-button" data-variant="primary">
        {text.save}
      </button>
      <button type="button" className="sk-button" onClick={close}>
        {text.cancel}
      </button>
      {error && (
        <p id={`${id}-error`} className="sk-field__error">
          {error}
        </p>
      )}
    </form>
  );
}
