import { useEffect, useState } from "react";

/** The nearest ancestor a person points at or tabs to: a link, a button, a radio, a label. */
const INTERACTIVE = 'a[href],button,label,[role="radio"],[tabindex]:not([tabindex="-1"])';

/**
 * True while the pointer is over `node`, or over or focused in its nearest interactive ancestor
 * (a thumbnail inside a link animates when the link is focused). Listeners go when `enabled`
 * turns false or the node changes.
 */
export function useHoverFocus(node: HTMLElement | null, enabled: boolean): boolean {
  const [active, setActive] = useState(false);
  useEffect(() => {
    if (!enabled || !node) return;
    const target = node.closest<HTMLElement>(INTERACTIVE) ?? node;
    const controller = new AbortController();
    const options = { signal: controller.signal };
    const on = () => setActive(true);
    const off = () => setActive(false);
    target.addEventListener("pointerenter", on, options);
    target.addEventListener("pointerleave", off, options);
    target.addEventListener("focusin", on, options);
    target.addEventListener("focusout", off, options);
    if (target.matches(":focus-within")) on();
    return () => {
      controller.abort();
      setActive(false);
    };
  }, [node, enabled]);
  return enabled && active;
}
