import type { ReactNode } from "react";
import type { CopyMessages } from "./messages";
import { useCopy } from "./useCopy";

/**
 * Copies `value` (a secret too, masked or not: copying does not reveal it on screen). "Copied"
 * shows beside the button in a polite live region for a moment; a refused clipboard says so
 * in an alert until the next try.
 *
 * `data-state` on `.sk-live-copy`: `idle`, `copied`, `failed`.
 */
export function CopyButton({
  value,
  name,
  text,
}: {
  value: string;
  /** What is copied, for the button's accessible name ("Copy Stream key"). */
  name: string;
  text: CopyMessages;
}): ReactNode {
  const { state, copy } = useCopy();
  return (
    <span className="sk-live-copy" data-state={state}>
      <button
        type="button"
        className="sk-button"
        aria-label={text.copyLabel(name)}
        onClick={() => copy(value)}
      >
        {text.copy}
      </button>
      <span className="sk-live-copy__status" role="status">
        {state === "copied" ? text.copied : ""}
      </span>
      {state === "failed" && (
        <span className="sk-field__error" role="alert">
          {text.copyFailed}
        </span>
      )}
    </span>
  );
}
