import {
  type SetStateAction,
  useCallback,
  useEffect,
  useInsertionEffect,
  useRef,
  useState,
} from "react";

// Bundlers replace `process.env.NODE_ENV`; without one, `process` may not exist at all.
declare const process: { env: { NODE_ENV?: string } } | undefined;

export interface ControllableStateOptions<T> {
  /** The controlled value; `undefined` means uncontrolled. */
  prop: T | undefined;
  /** The uncontrolled value at mount. */
  defaultProp: T;
  /** Called with every new value, controlled or not. The latest function is always used. */
  onChange?: ((value: T) => void) | undefined;
  /** For the dev warning: `VideoTable` and `selected`. */
  caller: string;
  name: string;
}

/**
 * One path for controlled and uncontrolled state (after Radix's `useControllableState`): the
 * value is `prop` whenever it is defined, else our own state starting at `defaultProp`; the
 * setter calls `onChange` either way and is stable, so memoized children keep their props.
 * Warns in development when a caller switches between the two modes, as React does for inputs.
 */
export function useControllableState<T>({
  prop,
  defaultProp,
  onChange,
  caller,
  name,
}: ControllableStateOptions<T>): [T, (next: SetStateAction<T>) => void] {
  const [inner, setInner] = useState(defaultProp);
  const controlled = prop !== undefined;
  const value = controlled ? prop : inner;
  const latest = useRef({ value, controlled, onChange });
  // Insertion effects run before any event can reach the setter, and stay silent on a server.
  useInsertionEffect(() => {
    latest.current = { value, controlled, onChange };
  });

  const wasControlled = useRef(controlled);
  useEffect(() => {
    if (wasControlled.current === controlled) return;
    wasControlled.current = controlled;
    // Production builds drop this branch, and `warnModeSwitch` with its texts.
    if (typeof process !== "undefined" && process.env.NODE_ENV !== "production")
      warnModeSwitch(caller, name, controlled);
  }, [controlled, caller, name]);

  const setValue = useCallback((next: SetStateAction<T>) => {
    const current = latest.current;
    const resolved =
      typeof next === "function" ? (next as (previous: T) => T)(current.value) : next;
    if (Object.is(resolved, current.value)) return;
    if (!current.controlled) {
      // Two updates in one event compose, as `setState(fn)` does; a controlled value waits for
      // the caller, who may refuse it.
      current.value = resolved;
      setInner(resolved);
    }
    current.onChange?.(resolved);
  }, []);

  return [value, setValue];
}

/** Says how to stay in one mode, as React does for an input switching modes. */
function warnModeSwitch(caller: string, name: string, controlled: boolean): void {
  const [from, to] = controlled ? ["uncontrolled", "controlled"] : ["controlled", "uncontrolled"];
  const capital = name.charAt(0).toUpperCase() + name.slice(1);
  console.warn(
    `streamkit: \`${caller}\` is changing from ${from} to ${to} \`${name}\`. Choose one for ` +
      `its lifetime: pass \`${name}\` always (with \`on${capital}Change\`), or only ` +
      `\`default${capital}\`.`,
  );
}
