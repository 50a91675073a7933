import { useMemo } from "react";
import type { MessagesOverride } from "../media/useMediaTexts";
import { merge, useOverrides } from "../messages/context";
import { defaultLiveMessages, type LiveMessages } from "./messages";

/**
 * One live component's texts: the subpath's defaults, then the `live` overrides of the
 * `StreamMessagesProvider`s above, then the component's own `messages` prop. Stable while both
 * overrides are.
 */
export function useLiveTexts<G extends keyof LiveMessages>(
  group: G,
  prop: MessagesOverride<LiveMessages[G]> | undefined,
): LiveMessages[G] {
  const provided = useOverrides().live?.[group];
  return useMemo(
    () => merge(merge(defaultLiveMessages[group], provided), prop),
    [group, provided, prop],
  );
}
