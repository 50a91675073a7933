import { StreamValidationError } from "@streamkit/core";
import { CAPTION_GENERATE_LANGUAGES, type Caption } from "@streamkit/core/captions";
import { useGenerateCaption, useUploadCaption } from "@streamkit/hooks/captions";
import { type FormEvent, type ReactNode, useId, useRef, useState } from "react";
import { useCommonMessages, useMessages } from "../messages/context";
import { describeError } from "../messages/describeError";
import { captionsMessages } from "./messages";

interface FormProps {
  uid: string;
  /** Puts a sentence in the panel's live region. */
  announce: (text: string) => void;
}

/**
 * Upload a `.vtt` for a language. The file is checked in the browser first (core's WebVTT check,
 * through `useUploadCaption`); what is wrong shows at the field at fault, which gets focus.
 */
export function UploadCaptionForm({ uid, announce }: FormProps): ReactNode {
  const text = useMessages("captions", captionsMessages);
  const { requestFailed } = useCommonMessages();
  const id = useId();
  const form = useRef<HTMLFormElement>(null);
  const language = useRef<HTMLInputElement>(null);
  const file = useRef<HTMLInputElement>(null);
  const upload = useUploadCaption();
  const [errors, setErrors] = useState<{ language?: string; file?: string; form?: string }>({});

  const fail = (next: typeof errors) => {
    setErrors(next);
    (next.language ? language : file).current?.focus();
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (upload.isPending) return;
    const chosen = file.current?.files?.[0];
    if (!chosen) return fail({ file: text.noFile });
    setErrors({});
    upload.mutate(
      { uid, language: language.current?.value.trim() ?? "", file: chosen },
      {
        onSuccess: (caption) => {
          form.current?.reset();
          announce(text.uploaded(caption.label));
        },
        onError: (error) => {
          if (!(error instanceof StreamValidationError))
            return setErrors({ form: describeError(error) });
          if (error.field === "language") return fail({ language: text.invalidLanguage });
          fail({ file: text.invalidFile(error.message.replace(/^file: /, "")) });
        },
      },
    );
  };
  const describe = (field: "language" | "file", extra?: string) =>
    [extra, errors[field] && `${id}-${field}-error`].filter(Boolean).join(" ") || undefined;

  return (
    <form ref={form} className="sk-media__form" onSubmit={submit} noValidate>
      <fieldset className="sk-fieldset">
        <legend>{text.uploadLegend}</legend>
        <div className="sk-field">
          <label htmlFor={`${id}-language`}>{text.languageLabel}</label>
          <input
            ref={language}
            id={`${id}-language`}
            className="sk-input"
            name="language"
            autoComplete="off"
            spellCheck={false}
            required
            aria-invalid={errors.language ? true : undefined}
            aria-describedby={describe("language", `${id}-language-help`)}
          />
          <p id={`${id}-language-help`} className="sk-field__help">
            {text.languageHelp}
          </p>
          {errors.language && (
            <p id={`${id}-language-error`} className="sk-field__error">
              {errors.language}
            </p>
          )}
        </div>
        <div className="sk-field">
          <label htmlFor={`${id}-file`}>{text.fileLabel}</label>
          <input
            ref={file}
            id={`${id}-file`}
            className="sk-input"
            type="file"
            name="file"
            accept=".vtt,text/vtt"
            required
            aria-invalid={errors.file ? true : undefined}
            aria-describedby={describe("file")}
          />
          {errors.file && (
            <p id={`${id}-file-error`} className="sk-field__error">
              {errors.file}
            </p>
          )}
        </div>
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
            aria-disabled={upload.isPending || undefined}
          >
            {upload.isPending ? text.uploading : text.upload}
          </button>
        </div>
      </fieldset>
    </form>
  );
}

/**
 * Generate captions in one of the API's languages. Languages that already have captions are
 * offered but disabled (the API wants them deleted first); the button waits for a ready video.
 */
export function GenerateCaptionForm({
  uid,
  announce,
  captions,
  videoReady,
}: FormProps & { captions: Caption[]; videoReady: boolean }): ReactNode {
  const messages = useCommonMessages();
  const text = useMessages("captions", captionsMessages);
  const id = useId();
  const generate = useGenerateCaption();
  const [choice, setChoice] = useState("en");
  const [error, setError] = useState<string>();
  // The language just generated here, which stays chosen once its captions appear.
  const [generated, setGenerated] = useState<string>();
  const taken = new Set(captions.map((c) => c.language));
  const open = CAPTION_GENERATE_LANGUAGES.filter((code) => !taken.has(code));
  // A language found with captions already falls back to the first free one; the one just
  // generated stays put ("German (has captions)", the button off) rather than jumping to Czech.
  const value = taken.has(choice) && choice !== generated ? (open[0] ?? "") : choice;
  const why = videoReady ? undefined : `${id}-why`;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (generate.isPending || !videoReady || !value || taken.has(value)) return;
    setError(undefined);
    generate.mutate(
      { uid, language: value },
      {
        onSuccess: (caption) => {
          setGenerated(value);
          announce(text.started(caption.label));
        },
        onError: (failure) => setError(describeError(failure)),
      },
    );
  };

  return (
    <form className="sk-media__form" onSubmit={submit} noValidate>
      <fieldset className="sk-fieldset">
        <legend>{text.generateLegend}</legend>
        <div className="sk-field">
          <label htmlFor={`${id}-language`}>{text.generateLanguage}</label>
          <select
            id={`${id}-language`}
            className="sk-input"
            value={value}
            onChange={(event) => setChoice(event.target.value)}
          >
            {CAPTION_GENERATE_LANGUAGES.map((code) => (
              <option key={code} value={code} disabled={taken.has(code)}>
                {taken.has(code) ? text.exists(text.languageName(code)) : text.languageName(code)}
              </option>
            ))}
          </select>
        </div>
        {why && (
          <p id={why} className="sk-status">
            {text.notReady}
          </p>
        )}
        {error && (
          <p className="sk-alert" role="alert">
            {messages.requestFailed(error)}
          </p>
        )}
        <div className="sk-actions">
          <button
            type="submit"
            className="sk-button"
            disabled={!videoReady || !value || taken.has(value)}
            aria-describedby={why}
            aria-disabled={generate.isPending || undefined}
          >
            {generate.isPending ? text.generating : text.generate}
          </button>
        </div>
      </fieldset>
    </form>
  );
}
