import { StreamValidationError } from "@streamkit/core";
import { useCreateLiveOutput } from "@streamkit/hooks/live-inputs";
import { type FormEvent, type ReactNode, useId, useRef, useState } from "react";
import { useCommonMessages } from "../messages/context";
import { describeError } from "../messages/describeError";
import type { LiveOutputsMessages } from "./messages";

type Field = "url" | "streamKey";
type Errors = Partial<Record<Field | "form", string>>;

/** The targets Stream restreams to, as core checks them: a scheme and a host at least. */
export const OUTPUT_URL = /^(rtmps?|srt):\/\/[^\s/]+/i;

/** Adds a simulcast target: its URL (checked at the field first) and its stream key. */
export function OutputForm({
  uid,
  text,
  announce,
}: {
  uid: string;
  text: LiveOutputsMessages;
  announce: (text: string) => void;
}): ReactNode {
  const { requestFailed } = useCommonMessages();
  const id = useId();
  const form = useRef<HTMLFormElement>(null);
  const create = useCreateLiveOutput();
  const [errors, setErrors] = useState<Errors>({});

  const fail = (next: Errors) => {
    setErrors(next);
    const first = (["url", "streamKey"] as const).find((field) => next[field]);
    if (first) form.current?.querySelector<HTMLElement>(`[name="${first}"]`)?.focus();
  };
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (create.isPending) return;
    const data = new FormData(event.currentTarget);
    const url = String(data.get("url") ?? "").trim();
    const streamKey = String(data.get("streamKey") ?? "").trim();
    const next: Errors = {};
    if (!OUTPUT_URL.test(url)) next.url = text.invalidUrl;
    if (!streamKey) next.streamKey = text.noStreamKey;
    if (next.url || next.streamKey) return fail(next);
    setErrors({});
    create.mutate(
      { uid, url, streamKey },
      {
        onSuccess: (output) => {
          form.current?.reset();
          announce(text.added(output.url ?? url));
        },
        onError: (error) => {
          if (error instanceof StreamValidationError && error.field === "url")
            return fail({ url: text.invalidUrl });
          if (error instanceof StreamValidationError && error.field === "streamKey")
            return fail({ streamKey: text.noStreamKey });
          setErrors({ form: describeError(error) });
        },
      },
    );
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
          <label htmlFor={`${id}-url`}>{text.urlLabel}</label>
          <input
            id={`${id}-url`}
            className="sk-input"
            name="url"
            type="url"
            inputMode="url"
            autoComplete="off"
            spellCheck={false}
            placeholder="rtmps://"
            aria-invalid={errors.url ? true : undefined}
            aria-describedby={described("url", `${id}-url-help`)}
          />
          <p id={`${id}-url-help`} className="sk-field__help">
            {text.urlHelp}
          </p>
          {error("url")}
        </div>
        <div className="sk-field">
          <label htmlFor={`${id}-streamKey`}>{text.streamKeyLabel}</label>
          <input
            id={`${id}-streamKey`}
            className="sk-input"
            name="streamKey"
            autoComplete="off"
            spellCheck={false}
            aria-invalid={errors.streamKey ? true : undefined}
            aria-describedby={described("streamKey")}
          />
          {error("streamKey")}
        </div>
        <div className="sk-actions">
          <button
            type="submit"
            className="sk-button"
            data-variant="primary"
            aria-disabled={create.isPending || undefined}
          >
            {create.isPending ? text.adding : text.add}
          </button>
        </div>
        {errors.form && (
          <p className="sk-alert" role="alert">
            {requestFailed(errors.form)}
          </p>
        )}
      </fieldset>
    </form>
  );
}
