import type { ChangeEvent, FieldsetHTMLAttributes, ReactNode } from "react";
import { cx } from "../cx";
import { composeEventHandlers } from "../parts/composeEventHandlers";
import { useDropzonePart } from "./context";
import { formatLimit } from "./describe";
import { useDropzoneTexts } from "./useDropzoneTexts";

export interface UploadDropzoneInputProps extends FieldsetHTMLAttributes<HTMLFieldSetElement> {
  /** Replaces the visible prompt ("Drag videos here, or"); the file input and its label stay. */
  children?: ReactNode;
}

/**
 * The drop area of an `UploadDropzoneRoot`: a fieldset that takes dropped files, with a real
 * file input (keyboard and screen reader friendly) behind a button-like label, and the limits
 * as a hint. The app's drag handlers run first; `preventDefault()` in one skips ours.
 *
 * `data-state`: the root's, `idle`, `dragover`, `disabled`.
 */
export function UploadDropzoneInput({
  children,
  className,
  onDragEnter,
  onDragOver,
  onDragLeave,
  onDrop,
  ...rest
}: UploadDropzoneInputProps): ReactNode {
  const { id, drop, accept, multiple, disabled, limits, state, addFiles } =
    useDropzonePart("UploadDropzoneInput");
  const texts = useDropzoneTexts();
  const { text } = texts;
  const { maxSizeBytes, maxDurationSeconds } = limits;

  const chosen = (event: ChangeEvent<HTMLInputElement>) => {
    const files = Array.from(event.target.files ?? []);
    event.target.value = ""; // choosing the same file again still fires change
    if (files.length > 0) addFiles(files);
  };
  const hint = text.limits(
    maxSizeBytes === undefined ? undefined : text.formatSize(maxSizeBytes),
    maxDurationSeconds === undefined ? undefined : formatLimit(maxDurationSeconds, texts),
  );

  return (
    <fieldset
      aria-describedby={hint ? `${id}-hint` : undefined}
      {...rest}
      className={cx("sk-dropzone__area", className)}
      data-state={state}
      onDragEnter={composeEventHandlers(onDragEnter, drop.handlers.onDragEnter)}
      onDragOver={composeEventHandlers(onDragOver, drop.handlers.onDragOver)}
      onDragLeave={composeEventHandlers(onDragLeave, drop.handlers.onDragLeave)}
      onDrop={composeEventHandlers(onDrop, drop.handlers.onDrop)}
    >
      <legend className="sk-visually-hidden">{text.area}</legend>
      <p className="sk-dropzone__prompt">
        {drop.dragging ? (
          text.dropHere
        ) : children !== undefined ? (
          children
        ) : (
          // Both are rendered and CSS shows one, so server HTML and hydration agree on any device.
          <>
            <span className="sk-dropzone__prompt-fine">{text.prompt}</span>
            <span className="sk-dropzone__prompt-touch">{text.promptTouch}</span>
          </>
        )}
      </p>
      <input
        id={`${id}-input`}
        className="sk-dropzone__input sk-visually-hidden"
        type="file"
        accept={accept}
        multiple={multiple}
        disabled={disabled}
        onChange={chosen}
      />
      <label htmlFor={`${id}-input`} className="sk-button sk-dropzone__button">
        {text.choose(multiple)}
      </label>
      {hint && (
        <p id={`${id}-hint`} className="sk-dropzone__hint">
          {hint}
        </p>
      )}
    </fieldset>
  );
}
