import { useEffect, useRef } from "react";
import type { StreamPlayerApi } from "./types";

/** Props the SDK's player object can change in place, without a new iframe. */
const LIVE_PROPS = [
  "muted",
  "controls",
  "autoplay",
  "loop",
  "preload",
  "primaryColor",
  "letterboxColor",
  "poster",
  "volume",
  "playbackRate",
  "currentTime",
] as const satisfies readonly (keyof StreamPlayerApi)[];

export type LiveProps = Partial<Pick<StreamPlayerApi, (typeof LIVE_PROPS)[number]>>;

/**
 * Sets each defined live prop on the SDK object when it changes, as stream-react does, and all
 * of them on a new player object. One effect for all of them, comparing with what was last sent.
 */
export function useSdkProperties(api: StreamPlayerApi | undefined, props: LiveProps): void {
  const sent = useRef<{ api?: StreamPlayerApi; values: LiveProps }>({ values: {} });
  useEffect(() => {
    if (!api) return;
    if (sent.current.api !== api) sent.current = { api, values: {} };
    const { values } = sent.current;
    for (const key of LIVE_PROPS) {
      const value = props[key];
      if (value !== undefined && !Object.is(value, values[key])) {
        // Each key takes its own prop's type; TypeScript cannot follow that through the loop.
        Object.assign(api, { [key]: value });
        Object.assign(values, { [key]: value });
      }
    }
  });
}
