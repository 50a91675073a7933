import { StreamApiError, StreamValidationError } from "@streamkit/core";
import {
  type CreateWatermarkRequest,
  MAX_WATERMARK_BYTES,
  WATERMARK_POSITIONS,
  type WatermarkPosition,
} from "@streamkit/core/media";
import { useCreateWatermark } from "@streamkit/hooks/media";
import { type FormEvent, type ReactNode, useId, useRef, useState } from "react";
import { useCommonMessages } from "../messages/context";
import { describeError } from "../messages/describeError";
import { SourceChoice } from "../parts/SourceChoice";
import type { WatermarksMessages } from "./watermarkMessages";

type Field = "file" | "url" | "name" | "opacity" | "padding" | "scale" | "form";
type Errors = Partial<Record<Field, string>>;

const MAX_MB = Math.round(MAX_WATERMARK_BYTES / 1024 / 1024);
const FRACTIONS = [
  ["opacity", "opacityLabel", "1"],
  ["padding", "paddingLabel", "0.05"],
  ["scale", "scaleLabel", "0.15"],
] as const;

/** A refusal the panel explains itself: the proxy keeps profile changes for admins. */
export const isForbidden = (error: unknown) =>
  error instanceof StreamApiError && (error.status === 403 || error.status === 401);

/** What is wrong with a chosen file, by what the browser knows before reading it. */
function fileProblem(file: File, text: WatermarksMessages): string | undefined {
  if (file.type && !file.type.startsWith("image/")) return text.notImage;
  if (file.size > MAX_WATERMARK_BYTES) return text.tooLarge(MAX_MB);
  return undefined;
}

/**
 * Create a profile from an image file or URL with its placement. The file is checked when
 * chosen (type and size) and again, by its bytes, on submit; what is wrong shows at the field
 * at fault (`aria-invalid`), which gets focus.
 */
export function WatermarkForm({
  text,
  announce,
}: {
  text: WatermarksMessages;
  announce: (text: string) => void;
}): ReactNode {
  const { requestFailed } = useCommonMessages();
  const id = useId();
  const form = useRef<HTMLFormElement>(null);
  const create = useCreateWatermark();
  const [source, setSource] = useState<"file" | "url">("file");
  const [errors, setErrors] = useState<Errors>({});
  const [forbidden, setForbidden] = useState(false);

  const focus = (field: Field) =>
    form.current?.querySelector<HTMLElement>(`[name="${field}"]`)?.focus();
  const fail = (next: Errors) => {
    setErrors(next);
    const first = (Object.keys(next) as Field[]).find((f) => f !== "form");
    if (first) focus(first);
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (create.isPending) return;
    const data = new FormData(event.currentTarget);
    const str = (key: string) => String(data.get(key) ?? "").trim();
    const settings: Record<string, unknown> = { position: str("position") as WatermarkPosition };
    if (str("name")) settings.name = str("name");
    for (const [key] of FRACTIONS) if (str(key) !== "") settings[key] = Number(str(key));
    let body: CreateWatermarkRequest;
    if (source === "file") {
      const file =
        event.currentTarget.querySelector<HTMLInputElement>('input[name="file"]')?.files?.[0];
      if (!file || file.size === 0) return fail({ file: text.noFile });
      const problem = fileProblem(file, text);
      if (problem) return fail({ file: problem });
      body = { ...settings, file };
    } else {
      if (!str("url")) return fail({ url: text.invalidUrl });
      body = { ...settings, url: str("url") };
    }
    setErrors({});
    setForbidden(false);
    create.mutate(body, {
      onSuccess: (profile) => {
        form.current?.reset();
        announce(text.created(profile.name || text.untitled));
      },
      onError: (error) => {
        if (isForbidden(error)) return setForbidden(true);
        if (!(error instanceof StreamValidationError))
          return setErrors({ form: describeError(error) });
        const field = (["file", "url", "name", "opacity", "padding", "scale"] as const).find(
          (f) => f === error.field,
        );
        const detail = error.message.replace(/^[\w.]+: /, "");
        if (field === "url") return fail({ url: text.invalidUrl });
        if (field === "file" && /not an image/.test(detail)) return fail({ file: text.notImage });
        if (field) return fail({ [field]: text.invalid(detail) });
        setErrors({ form: text.invalid(detail) });
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
        <legend>{text.createLegend}</legend>
        <SourceChoice
          legend={text.source}
          name={`${id}-source`}
          order={["file", "url"] as const}
          value={source}
          onChange={(next) => {
            setSource(next);
            setErrors({});
          }}
          labels={{ url: text.fromUrl, file: text.fromFile }}
        />
        {source === "file" ? (
          <div className="sk-field">
            <label htmlFor={`${id}-file`}>{text.fileLabel}</label>
            <input
              id={`${id}-file`}
              className="sk-input"
              type="file"
              name="file"
              accept="image/png,image/jpeg,image/gif,image/webp"
              aria-invalid={errors.file ? true : undefined}
              aria-describedby={described("file", `${id}-file-help`)}
              onChange={(event) => {
                const file = event.target.files?.[0];
                const problem = file && fileProblem(file, text);
                setErrors(({ file: _old, ...rest }) =>
                  problem ? { ...rest, file: problem } : rest,
                );
              }}
            />
            <p id={`${id}-file-help`} className="sk-field__help">
              {text.fileHelp}
            </p>
            {error("file")}
          </div>
        ) : (
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
        )}
        <div className="sk-field">
          <label htmlFor={`${id}-name`}>{text.nameLabel}</label>
          <input
            id={`${id}-name`}
            className="sk-input"
            name="name"
            autoComplete="off"
            aria-invalid={errors.name ? true : undefined}
            aria-describedby={described("name")}
          />
          {error("name")}
        </div>
        <div className="sk-field">
          <label htmlFor={`${id}-position`}>{text.positionLabel}</label>
          <select
            id={`${id}-position`}
            className="sk-input"
            name="position"
            defaultValue="upperRight"
          >
            {WATERMARK_POSITIONS.map((p) => (
              <option key={p} value={p}>
                {text.position[p]}
              </option>
            ))}
          </select>
        </div>
        <div className="sk-watermark-form__numbers">
          {FRACTIONS.map(([key, labelKey, initial]) => (
            <div className="sk-field" key={key}>
              <label htmlFor={`${id}-${key}`}>{text[labelKey]}</label>
              <input
                id={`${id}-${key}`}
                className="sk-input"
                type="number"
                name={key}
                min={0}
                max={1}
                step={0.01}
                defaultValue={initial}
                aria-invalid={errors[key] ? true : undefined}
                aria-describedby={described(key, `${id}-fraction-help`)}
              />
              {error(key)}
            </div>
          ))}
        </div>
        <p id={`${id}-fraction-help`} className="sk-field__help">
          {text.fractionHelp}
        </p>
        {forbidden && (
          <p className="sk-alert" role="alert" data-reason="forbidden">
            {text.needsAdmin}
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
            aria-disabled={create.isPending || undefined}
          >
            {create.isPending ? text.creating : text.create}
          </button>
        </div>
      </fieldset>
    </form>
  );
}
