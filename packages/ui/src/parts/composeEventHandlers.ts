import type { SyntheticEvent } from "react";

/**
 * The app's handler first, then ours unless the app called `preventDefault()` (as in Radix):
 * a part that takes DOM props must not lose the app's handler, nor force ours on it.
 */
export function composeEventHandlers<E extends SyntheticEvent>(
  theirs: ((event: E) => void) | undefined,
  ours: (event: E) => void,
): (event: E) => void {
  return (event) => {
    theirs?.(event);
    if (!event.defaultPrevented) ours(event);
  };
}
