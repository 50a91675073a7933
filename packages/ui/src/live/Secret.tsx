import type { ReactNode } from "react";
import type { SecretMessages } from "./messages";

/**
 * A credential as text, or masked: the masked one is not in the page at all (nothing to read
 * off the DOM or a screenshot), and screen readers hear "hidden" instead of bullets.
 */
export function SecretValue({
  value,
  revealed,
  text,
}: {
  value: string;
  revealed: boolean;
  text: SecretMessages;
}): ReactNode {
  if (revealed) return <code className="sk-live-value">{value}</code>;
  return (
    <code className="sk-live-value" data-state="masked">
      <span aria-hidden="true">••••••••••••</span>
      <span className="sk-visually-hidden">{text.hidden}</span>
    </code>
  );
}

/** The Reveal toggle: its text stays, `aria-pressed` says whether the secret shows. */
export function RevealButton({
  name,
  revealed,
  onToggle,
  text,
}: {
  name: string;
  revealed: boolean;
  onToggle: () => void;
  text: SecretMessages;
}): ReactNode {
  return (
    <button
      type="button"
      className="sk-button"
      aria-pressed={revealed}
      aria-label={text.revealLabel(name)}
      onClick={onToggle}
    >
      {text.reveal}
    </button>
  );
}
