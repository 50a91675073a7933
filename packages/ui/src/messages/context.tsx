import { createContext, type ReactNode, useContext, useMemo } from "react";
import { type CommonMessages, commonMessages } from "./common";
import type { MessageGroup, StreamMessages, StreamMessagesOverrides } from "./types";

/**
 * Only the apps' overrides travel through context, never the default texts: each component
 * merges its own group's defaults in, so a bundle carries just the texts of what it renders.
 */
const OverridesContext = createContext<StreamMessagesOverrides>({});

/** Deep merge of plain objects; functions and strings replace. `base` is returned when nothing overrides it. */
export function merge<T>(base: T, overrides: object | undefined): T {
  if (!overrides) return base;
  const out = { ...base } as Record<string, unknown>;
  for (const [key, value] of Object.entries(overrides)) {
    const current = out[key];
    out[key] =
      value && typeof value === "object" && current && typeof current === "object"
        ? merge(current, value)
        : (value ?? current);
  }
  return out as T;
}

/** Replaces some or all texts for the components below it; nested providers merge. */
export function StreamMessagesProvider({
  messages,
  children,
}: {
  messages: StreamMessagesOverrides;
  children?: ReactNode;
}): ReactNode {
  const parent = useContext(OverridesContext);
  const merged = useMemo(() => merge(parent, messages), [parent, messages]);
  return <OverridesContext.Provider value={merged}>{children}</OverridesContext.Provider>;
}

/** Every override in effect here (for `useStreamMessages`, which adds every default). */
export function useOverrides(): StreamMessagesOverrides {
  return useContext(OverridesContext);
}

/**
 * One component's texts: `defaults` (imported by the component, so only used groups are
 * bundled) with the overrides merged in. Stable while the overrides are, so memoized rows do
 * not render again because of it.
 */
export function useMessages<G extends MessageGroup>(
  group: G,
  defaults: StreamMessages[G],
): StreamMessages[G] {
  const overrides = useContext(OverridesContext)[group];
  return useMemo(() => merge(defaults, overrides), [defaults, overrides]);
}

/** The shared texts (phase names, loading, errors…), merged the same way. */
export function useCommonMessages(): CommonMessages {
  const { phase, statusLabel, percent, loading, retry, requestFailed } =
    useContext(OverridesContext);
  return useMemo(
    () => merge(commonMessages, { phase, statusLabel, percent, loading, retry, requestFailed }),
    [phase, statusLabel, percent, loading, retry, requestFailed],
  );
}
