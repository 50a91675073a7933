import { useMemo } from "react";
import { merge } from "../messages/context";

type DeepPartial<T> = {
  [K in keyof T]?: T[K] extends (...args: never[]) => unknown
    ? T[K]
    : T[K] extends object
      ? DeepPartial<T[K]>
      : T[K];
};

/** Some or all of a component's texts, as its `messages` prop takes them. */
export type MessagesOverride<T> = DeepPartial<T>;

/** A component's texts: its defaults with the `messages` prop merged in (stable while it is). */
export function useMediaTexts<T>(defaults: T, overrides: MessagesOverride<T> | undefined): T {
  return useMemo(() => merge(defaults, overrides), [defaults, overrides]);
}
