import type { LiveInput } from "@streamkit/core/live-inputs";
import { useUpdateLiveInput } from "@streamkit/hooks/live-inputs";
import { type FormEvent, type ReactNode, useEffect, useId, useRef, useState } from "react";
import { describeError } from "../messages/describeError";
import type { LiveInputPanelMessages } from "./messages";
import {
  DAYS_MAX,
  DAYS_MIN,
  type RecordingDraft,
  type RecordingField,
  TIMEOUT_MAX,
  toRecordingDraft,
  toRecordingRequest,
} from "./recordingDraft";

/** `idle`, `saving`, `saved`, `unchanged` (nothing to send), `invalid`, `failed`. */
export type RecordingFormState = "idle" | "saving" | "saved" | "unchanged" | "invalid" | "failed";

/**
 * A live input's recording settings: whether broadcasts are recorded, how long a recording
 * waits for a dropped broadcaster, signed URLs for the recordings, and when they are deleted.
 * Saved with `useUpdateLiveInput`, which shows them at once and puts the old ones back if the
 * API refuses; the form keeps what was typed, so Save tries again. Mounted with `key={uid}`.
 */
export function RecordingForm({
  input,
  text,
}: {
  input: LiveInput;
  text: LiveInputPanelMessages;
}): ReactNode {
  const id = useId();
  const form = useRef<HTMLFormElement>(null);
  const update = useUpdateLiveInput();
  // What the last answer said is saved: changes are computed from it, not from the cache the
  // optimistic update writes while a save is under way.
  const [base, setBase] = useState(input);
  const [draft, setDraft] = useState<RecordingDraft>(() => toRecordingDraft(input));
  const [errors, setErrors] = useState<RecordingField[]>([]);
  const [state, setState] = useState<RecordingFormState>("idle");
  const [failure, setFailure] = useState<Error>();
  const [checkFocus, setCheckFocus] = useState(0);

  // Settings changed elsewhere (another tab, another person) show here while nothing was typed.
  const pristine = same(draft, toRecordingDraft(base));
  if (state !== "saving" && pristine && !same(toRecordingDraft(input), toRecordingDraft(base))) {
    setBase(input);
    setDraft(toRecordingDraft(input));
  }

  useEffect(() => {
    if (checkFocus > 0) form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [checkFocus]);

  const change = (patch: Partial<RecordingDraft>) => {
    setDraft((previous) => ({ ...previous, ...patch }));
    if (state !== "saving") setState("idle");
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (state === "saving") return;
    const { body, errors: invalid } = toRecordingRequest(base, draft);
    setErrors(invalid);
    if (invalid.length > 0) {
      setState("invalid");
      setCheckFocus((n) => n + 1);
      return;
    }
    if (Object.keys(body).length === 0) return setState("unchanged");
    setState("saving");
    setFailure(undefined);
    update.mutate(
      { uid: input.uid, body },
      {
        onSuccess: (saved) => {
          setBase(saved);
          setState("saved");
        },
        onError: (error) => {
          setFailure(error);
          setState("failed");
        },
      },
    );
  };

  const invalid = (field: RecordingField) => errors.includes(field);
  const described = (field: RecordingField) =>
    `${id}-${field}-help${invalid(field) ? ` ${id}-${field}-error` : ""}`;
  const announcement =
    state === "saving"
      ? text.saving
      : state === "saved"
        ? text.saved
        : state === "unchanged"
          ? text.unchanged
          : "";

  return (
    <form ref={form} className="sk-media__form" data-state={state} noValidate onSubmit={submit}>
      <fieldset className="sk-fieldset sk-live-recording">
        <legend>{text.recordingLegend}</legend>
        <fieldset className="sk-choice">
          <legend>{text.mode}</legend>
          {(["automatic", "off"] as const).map((mode) => (
            <label key={mode}>
              <input
                type="radio"
                name={`${id}-mode`}
                checked={draft.mode === mode}
                onChange={() => change({ mode })}
              />
              {mode === "automatic" ? text.modeAutomatic : text.modeOff}
            </label>
          ))}
        </fieldset>
        <div className="sk-field">
          <label htmlFor={`${id}-timeoutSeconds`}>{text.timeout}</label>
          <input
            id={`${id}-timeoutSeconds`}
            className="sk-input"
            type="number"
            inputMode="numeric"
            min={0}
            max={TIMEOUT_MAX}
            step={1}
            value={draft.timeoutSeconds}
            onChange={(event) => change({ timeoutSeconds: event.target.value })}
            aria-invalid={invalid("timeoutSeconds") || undefined}
            aria-describedby={described("timeoutSeconds")}
          />
          <p id={`${id}-timeoutSeconds-help`} className="sk-field__help">
            {text.timeoutHelp}
          </p>
          {invalid("timeoutSeconds") && (
            <p id={`${id}-timeoutSeconds-error`} className="sk-field__error">
              {text.invalidTimeout(TIMEOUT_MAX)}
            </p>
          )}
        </div>
        <label className="sk-check">
          <input
            type="checkbox"
            checked={draft.requireSignedURLs}
            onChange={(event) => change({ requireSignedURLs: event.target.checked })}
          />
          {text.requireSignedURLs}
        </label>
        <div className="sk-field">
          <label htmlFor={`${id}-deleteRecordingAfterDays`}>{text.deleteAfter}</label>
          <input
            id={`${id}-deleteRecordingAfterDays`}
            className="sk-input"
            type="number"
            inputMode="numeric"
            min={DAYS_MIN}
            max={DAYS_MAX}
            step={1}
            value={draft.deleteRecordingAfterDays}
            onChange={(event) => change({ deleteRecordingAfterDays: event.target.value })}
            aria-invalid={invalid("deleteRecordingAfterDays") || undefined}
            aria-describedby={described("deleteRecordingAfterDays")}
          />
          <p id={`${id}-deleteRecordingAfterDays-help`} className="sk-field__help">
            {text.deleteAfterHelp(DAYS_MIN, DAYS_MAX)}
          </p>
          {invalid("deleteRecordingAfterDays") && (
            <p id={`${id}-deleteRecordingAfterDays-error`} className="sk-field__error">
              {text.invalidDeleteAfter(DAYS_MIN, DAYS_MAX)}
            </p>
          )}
        </div>
        <div className="sk-actions">
          <button
            type="submit"
            className="sk-button"
            data-variant="primary"
            aria-disabled={state === "saving" || undefined}
          >
            {state === "saving" ? text.saving : text.save}
          </button>
        </div>
      </fieldset>
      <p role="status" className="sk-status">
        {announcement}
      </p>
      {failure && (
        <p role="alert" className="sk-alert">
          {text.saveFailed(describeError(failure))}
        </p>
      )}
    </form>
  );
}

const same = (a: RecordingDraft, b: RecordingDraft) =>
  a.mode === b.mode &&
  a.timeoutSeconds === b.timeoutSeconds &&
  a.requireSignedURLs === b.requireSignedURLs &&
  a.deleteRecordingAfterDays === b.deleteRecordingAfterDays;
