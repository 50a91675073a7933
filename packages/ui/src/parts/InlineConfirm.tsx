import { type ReactNode, useEffect, useId, useRef, useState } from "react";

export interface InlineConfirmProps {
  /** Visible text of the button that asks. */
  label: string;
  /** Its accessible name when the label alone is ambiguous ("Delete" → "Delete Cat video"). */
  accessibleLabel?: string;
  /** The question shown beside the confirm and cancel buttons. */
  question: string;
  confirmLabel: string;
  cancelLabel: string;
  /** Move focus elsewhere here if the trigger is about to disappear (a deleted row). */
  onConfirm: () => void;
  disabled?: boolean;
  /**
   * Which button gets focus when the question opens. Defaults to `cancel`: with focus on
   * confirm, pressing Enter twice on the trigger destroyed without a second thought.
   */
  initialFocus?: "confirm" | "cancel";
}

/**
 * A destructive button with an inline confirm step, no modal: the question and the confirm and
 * cancel buttons replace it, focus moves to cancel (or confirm, with `initialFocus`), Escape or Cancel puts focus back on it.
 *
 * `data-state` on `.sk-confirm`: `open`.
 */
export function InlineConfirm({
  label,
  accessibleLabel,
  question,
  confirmLabel,
  cancelLabel,
  onConfirm,
  disabled,
  initialFocus = "cancel",
}: InlineConfirmProps): ReactNode {
  const [open, setOpen] = useState(false);
  const questionId = useId();
  const trigger = useRef<HTMLButtonElement>(null);
  const confirm = useRef<HTMLButtonElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  const group = useRef<HTMLFieldSetElement>(null);
  /** Where focus goes when `open` changes; nothing on the first render. */
  const focusNext = useRef<"confirm" | "cancel" | "trigger" | undefined>(undefined);

  useEffect(() => {
    const target = focusNext.current;
    focusNext.current = undefined;
    if (target === "confirm") confirm.current?.focus();
    else if (target === "cancel") cancel.current?.focus();
    else if (target === "trigger") trigger.current?.focus();
  }, [open]);

  const close = () => {
    focusNext.current = "trigger";
    setOpen(false);
  };

  if (!open) {
    return (
      <button
        ref={trigger}
        type="button"
        className="sk-button"
        data-variant="danger"
        aria-label={accessibleLabel}
        aria-disabled={disabled || undefined}
        onClick={() => {
          if (disabled) return;
          focusNext.current = initialFocus;
          setOpen(true);
        }}
      >
        {label}
      </button>
    );
  }
  return (
    <fieldset
      ref={group}
      aria-labelledby={questionId}
      className="sk-confirm"
      data-state="open"
      onKeyDown={(event) => {
        if (event.key !== "Escape") return;
        event.preventDefault();
        event.stopPropagation();
        close();
      }}
    >
      <span id={questionId}>{question}</span>
      <button
        ref={confirm}
        type="button"
        className="sk-button"
        data-variant="danger"
        onClick={() => {
          onConfirm();
          // Unless onConfirm moved focus away (its trigger is going), it comes back to the trigger.
          const active = document.activeElement;
          const stayed = !active || active === document.body || group.current?.contains(active);
          focusNext.current = stayed ? "trigger" : undefined;
          setOpen(false);
        }}
      >
        {confirmLabel}
      </button>
      <button ref={cancel} type="button" className="sk-button" onClick={close}>
        {cancelLabel}
      </button>
    </fieldset>
  );
}
