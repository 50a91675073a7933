import type { ReactNode } from "react";
import { useCommonMessages } from "../messages/context";
import { describeError } from "../messages/describeError";

/** A failed request: the typed error's message in an alert, and a button to try again. */
export function RequestError({
  error,
  onRetry,
}: {
  error: Error;
  onRetry?: () => void;
}): ReactNode {
  const messages = useCommonMessages();
  return (
    <div className="sk-error">
      <p role="alert">{messages.requestFailed(describeError(error))}</p>
      {onRetry && (
        <button type="button" className="sk-button" onClick={onRetry}>
          {messages.retry}
        </button>
      )}
    </div>
  );
}

/**
 * A failed action (save, delete, upload) as an alert under its form, worded as `RequestError`
 * words it; nothing while `error` is empty. No retry button: the form itself is the retry.
 */
export function FailureAlert({ error }: { error: Error | null | undefined }): ReactNode {
  const messages = useCommonMessages();
  return error ? (
    <p role="alert" className="sk-alert">
      {messages.requestFailed(describeError(error))}
    </p>
  ) : null;
}
