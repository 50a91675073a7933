import { useSyncExternalStore } from "react";

// One clock for every relative time on the page: a minute tick while anything listens.
const listeners = new Set<() => void>();
let timer: ReturnType<typeof setInterval> | undefined;

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  timer ??= setInterval(() => {
    for (const l of listeners) l();
  }, 60_000);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && timer !== undefined) {
      clearInterval(timer);
      timer = undefined;
    }
  };
}

// Ten-second steps keep the snapshot stable between renders while "5 minutes ago" stays
// right to the rounding (a whole-minute floor would say "4 minutes" for most of the fifth).
const minute = () => Math.floor(Date.now() / 10_000) * 10_000;
// The server (and hydration) has no "now" the client would agree with: absolute dates there.
const none = () => undefined;

/** The current time (to ten seconds, refreshed each minute) on the client; `undefined` on the server and while hydrating. */
export function useMinute(): number | undefined {
  return useSyncExternalStore(subscribe, minute, none);
}
