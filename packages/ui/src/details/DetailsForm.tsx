import type { Video } from "@streamkit/core";
import { useDeleteVideo, useUpdateVideo } from "@streamkit/hooks";
import { type FormEvent, type ReactNode, useEffect, useId, useRef, useState } from "react";
import { useMessages } from "../messages/context";
import { detailsMessages } from "../messages/details";
import { Field } from "../parts/Field";
import { InlineConfirm } from "../parts/InlineConfirm";
import { FailureAlert } from "../parts/RequestError";
import {
  type Draft,
  type DraftError,
  PUBLIC_DETAILS,
  type PublicDetail,
  toChanges,
  toDraft,
} from "./draft";
import { MetaFields } from "./MetaFields";

/** `idle`, `saving`, `saved`, `unchanged` (nothing to send), `failed`, `deleting`, `deleted`. */
export type DetailsState =
  | "idle"
  | "saving"
  | "saved"
  | "unchanged"
  | "failed"
  | "deleting"
  | "deleted";

const DAY_MS = 86_400_000;
const utcDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/**
 * The edit form of one video. Mounted with `key={uid}` by `VideoDetails`, so a new uid starts a
 * fresh draft. Saves are optimistic (`useUpdateVideo`); only changed fields are sent.
 */
export function DetailsForm({
  video,
  labelledBy,
  onDeleted,
}: {
  video: Video;
  labelledBy: string;
  onDeleted: (() => void) | undefined;
}): ReactNode {
  const text = useMessages("details", detailsMessages);
  const id = useId();
  const uid = video.uid ?? "";
  const form = useRef<HTMLFormElement>(null);
  const [base, setBase] = useState(video);
  const [draft, setDraft] = useState<Draft>(() => toDraft(video));
  const [errors, setErrors] = useState<DraftError[]>([]);
  const [state, setState] = useState<DetailsState>("idle");
  const [failure, setFailure] = useState<Error>();
  const [checkFocus, setCheckFocus] = useState(0);
  const update = useUpdateVideo();
  const remove = useDeleteVideo();
  const onDeletedRef = useRef(onDeleted);
  onDeletedRef.current = onDeleted;

  // After a rejected submit, the first field in error takes focus.
  useEffect(() => {
    if (checkFocus > 0) form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [checkFocus]);

  const change = (patch: Partial<Draft>) => {
    setDraft((previous) => ({ ...previous, ...patch }));
    if (state !== "saving" && state !== "deleting") setState("idle");
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (state === "saving" || state === "deleting") return;
    const result = toChanges(base, draft);
    setErrors(result.errors);
    if (result.errors.length > 0) {
      setCheckFocus((n) => n + 1);
      return;
    }
    if (Object.keys(result.changes).length === 0) {
      setState("unchanged");
      return;
    }
    setState("saving");
    setFailure(undefined);
    update.mutate(
      { uid, changes: result.changes },
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

  const metaErrors = new Map<number, string>();
  let originsError: string | undefined;
  const detailErrors = new Set<PublicDetail>();
  for (const error of errors) {
    if (error.field === "allowedOrigins") originsError = text.invalidOrigins(error.lines);
    else if (error.field === "publicDetails") detailErrors.add(error.key);
    else
      metaErrors.set(
        error.row,
        error.problem === "missing-key" ? text.metaKeyMissing : text.metaKeyDuplicate(error.key),
      );
  }
  const now = Date.now();
  const announcement =
    state === "saving"
      ? text.saving
      : state === "saved"
        ? text.saved
        : state === "unchanged"
          ? text.unchanged
          : state === "deleting"
            ? text.deleting
            : "";

  return (
    <form
      ref={form}
      className="sk-form"
      aria-labelledby={labelledBy}
      data-state={state}
      noValidate
      onSubmit={submit}
    >
      <Field id={`${id}-name`} label={text.nameLabel}>
        {(control) => (
          <input
            {...control}
            className="sk-input"
            autoComplete="off"
            value={draft.name}
            onChange={(event) => change({ name: event.target.value })}
          />
        )}
      </Field>
      <MetaFields rows={draft.meta} errors={metaErrors} onChange={(meta) => change({ meta })} />
      <label className="sk-check">
        <input
          type="checkbox"
          checked={draft.requireSignedURLs}
          onChange={(event) => change({ requireSignedURLs: event.target.checked })}
        />
        {text.requireSignedURLs}
      </label>
      <Field
        id={`${id}-origins`}
        label={text.allowedOrigins}
        help={text.allowedOriginsHelp}
        error={originsError}
      >
        {(control) => (
          <textarea
            {...control}
            className="sk-input"
            rows={3}
            spellCheck={false}
            value={draft.allowedOrigins}
            onChange={(event) => change({ allowedOrigins: event.target.value })}
          />
        )}
      </Field>
      <Field id={`${id}-deletion`} label={text.scheduledDeletion} help={text.scheduledDeletionHelp}>
        {(control) => (
          <input
            {...control}
            className="sk-input"
            type="date"
            min={utcDate(now + 30 * DAY_MS)}
            max={utcDate(now + 1096 * DAY_MS)}
            value={draft.scheduledDeletion}
            onChange={(event) => change({ scheduledDeletion: event.target.value })}
          />
        )}
      </Field>
      <fieldset className="sk-fieldset" aria-describedby={`${id}-public-help`}>
        <legend>{text.publicLegend}</legend>
        <p id={`${id}-public-help`} className="sk-field__help">
          {text.publicHelp}
        </p>
        {PUBLIC_DETAILS.map((key) => (
          <Field
            key={key}
            id={`${id}-${key}`}
            label={
              {
                title: text.publicTitle,
                share_link: text.publicShareLink,
                channel_link: text.publicChannelLink,
                logo: text.publicLogo,
              }[key]
            }
            error={detailErrors.has(key) && text.invalidUrl}
          >
            {(control) => (
              <input
                {...control}
                className="sk-input"
                type={key === "title" ? "text" : "url"}
                autoComplete="off"
                value={draft.publicDetails[key]}
                onChange={(event) =>
                  change({ publicDetails: { ...draft.publicDetails, [key]: event.target.value } })
                }
              />
            )}
          </Field>
        ))}
      </fieldset>
      <div className="sk-actions">
        <button
          type="submit"
          className="sk-button"
          data-variant="primary"
          aria-disabled={state === "saving" || state === "deleting" || undefined}
        >
          {state === "saving" ? text.saving : text.save}
        </button>
        <InlineConfirm
          label={text.delete}
          question={text.confirmDelete}
          confirmLabel={text.confirm}
          cancelLabel={text.cancel}
          disabled={state === "deleting" || state === "deleted"}
          onConfirm={() => {
            setState("deleting");
            setFailure(undefined);
            remove.mutate(uid, {
              onSuccess: () => {
                setState("deleted");
                onDeletedRef.current?.();
              },
              onError: (error) => {
                setFailure(error);
                setState("failed");
              },
            });
          }}
        />
      </div>
      <p role="status" className="sk-status">
        {announcement}
      </p>
      <FailureAlert error={failure} />
    </form>
  );
}
