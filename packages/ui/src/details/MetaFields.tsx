import { type ReactNode, useEffect, useId, useRef, useState } from "react";
import { useMessages } from "../messages/context";
import { detailsMessages } from "../messages/details";
import type { MetaRow } from "./draft";

/**
 * Key/value rows of `meta` (other than the name): add, edit, remove. A new row takes focus; after
 * a removal focus goes to "Add field". `errors` maps a row id to its message.
 */
export function MetaFields({
  rows,
  errors,
  onChange,
}: {
  rows: MetaRow[];
  errors: ReadonlyMap<number, string>;
  onChange: (rows: MetaRow[]) => void;
}): ReactNode {
  const text = useMessages("details", detailsMessages);
  const id = useId();
  const add = useRef<HTMLButtonElement>(null);
  const nextId = useRef(Math.max(-1, ...rows.map((row) => row.id)) + 1);
  const [focus, setFocus] = useState<number | "add">();

  useEffect(() => {
    if (focus === undefined) return;
    if (focus === "add") add.current?.focus();
    else document.getElementById(`${id}-key-${focus}`)?.focus();
    setFocus(undefined);
  }, [focus, id]);

  const edit = (rowId: number, patch: Partial<MetaRow>) =>
    onChange(rows.map((row) => (row.id === rowId ? { ...row, ...patch } : row)));

  return (
    <fieldset className="sk-fieldset">
      <legend>{text.metaLabel}</legend>
      {rows.map((row, index) => {
        const error = errors.get(row.id);
        const errorId = `${id}-error-${row.id}`;
        const n = index + 1;
        return (
          <div key={row.id} className="sk-meta">
            <input
              id={`${id}-key-${row.id}`}
              className="sk-input"
              aria-label={`${text.metaKey} ${n}`}
              value={row.key}
              onChange={(event) => edit(row.id, { key: event.target.value })}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? errorId : undefined}
            />
            <input
              className="sk-input"
              aria-label={`${text.metaValue} ${n}`}
              value={row.value}
              onChange={(event) => edit(row.id, { value: event.target.value })}
            />
            <button
              type="button"
              className="sk-button"
              aria-label={text.removeMeta(row.key || String(n))}
              onClick={() => {
                onChange(rows.filter((r) => r.id !== row.id));
                setFocus("add");
              }}
            >
              ×
            </button>
            {error && (
              <p id={errorId} className="sk-field__error">
                {error}
              </p>
            )}
          </div>
        );
      })}
      <div>
        <button
          ref={add}
          type="button"
          className="sk-button"
          onClick={() => {
            const rowId = nextId.current++;
            onChange([...rows, { id: rowId, key: "", value: "" }]);
            setFocus(rowId);
          }}
        >
          {text.addMeta}
        </button>
      </div>
    </fieldset>
  );
}
