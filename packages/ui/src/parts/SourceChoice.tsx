import type { ReactNode } from "react";

export type Source = "url" | "file";

export interface SourceChoiceProps {
  legend: string;
  /** The radio group's `name`. */
  name: string;
  /** The choices in the order shown (the first is the form's default). */
  order: readonly [Source, Source];
  value: Source;
  onChange: (source: Source) => void;
  labels: Record<Source, string>;
}

/** "From a URL or a file": the radio group of the forms that add media by either way. */
export function SourceChoice({
  legend,
  name,
  order,
  value,
  onChange,
  labels,
}: SourceChoiceProps): ReactNode {
  return (
    <fieldset className="sk-choice">
      <legend>{legend}</legend>
      {order.map((source) => (
        <label key={source}>
          <input
            type="radio"
            name={name}
            checked={value === source}
            onChange={() => onChange(source)}
          />
          {labels[source]}
        </label>
      ))}
    </fieldset>
  );
}
