import type { ReactNode } from "react";

/** What a field's control takes to be labelled and described: spread it on the control. */
export interface FieldControlProps {
  id: string;
  "aria-invalid": true | undefined;
  "aria-describedby": string | undefined;
}

/**
 * A labelled form field (`.sk-field`): the label, the control, its help and its error under it.
 * The help and the error get ids from `id` (`<id>-help`, `<id>-error`), and `children` receives
 * the props that tie the control to them, so every form wires them the same way.
 */
export function Field({
  id,
  label,
  help,
  error,
  children,
}: {
  /** The control's id. */
  id: string;
  label: ReactNode;
  help?: ReactNode;
  /** Shown, and the control marked invalid, when not empty. */
  error?: ReactNode;
  children: (control: FieldControlProps) => ReactNode;
}): ReactNode {
  const described = [help !== undefined && `${id}-help`, error && `${id}-error`]
    .filter(Boolean)
    .join(" ");
  return (
    <div className="sk-field">
      <label htmlFor={id}>{label}</label>
      {children({
        id,
        "aria-invalid": error ? true : undefined,
        "aria-describedby": described || undefined,
      })}
      {help !== undefined && (
        <p id={`${id}-help`} className="sk-field__help">
          {help}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="sk-field__error">
          {error}
        </p>
      )}
    </div>
  );
}
