import type { PlayerLink } from "./link";
import type { StreamPlayerApi, StreamPlayerHandle } from "./types";

/** The media properties the handle mirrors, with what a `<video>` not loaded yet reports. */
const MEDIA = {
  currentTime: 0,
  muted: false,
  volume: 1,
  playbackRate: 1,
  loop: false,
  paused: true,
  ended: false,
  duration: Number.NaN,
};
/** Read-only, as on a `<video>`: setting them throws, like setting a getter-only property. */
const READ_ONLY = ["paused", "ended", "duration"];

/**
 * The ref object: reads go to the SDK object when it exists, with media defaults before; writes
 * before it exists are ignored. It lives in the first bundle, so it is built from a table
 * rather than written out property by property.
 */
export function createHandle(link: PlayerLink): StreamPlayerHandle {
  const handle: Omit<StreamPlayerHandle, keyof typeof MEDIA> = {
    play: async () =>
      (
        link.api ?? (await new Promise<StreamPlayerApi>((resolve) => link.waiters.push(resolve)))
      ).play(),
    pause: () => link.api?.pause(),
    get api() {
      return link.api;
    },
    get iframe() {
      return link.iframe;
    },
    // Listeners live on the handle so they survive a new iframe (a changed src or token).
    addEventListener(event, handler) {
      const set = link.listeners.get(event) ?? new Set();
      link.listeners.set(event, set);
      set.add(handler);
    },
    removeEventListener(event, handler) {
      link.listeners.get(event)?.delete(handler);
    },
  };
  for (const [key, fallback] of Object.entries(MEDIA)) {
    Object.defineProperty(handle, key, {
      enumerable: true,
      get: () => link.api?.[key as keyof typeof MEDIA] ?? fallback,
      set: READ_ONLY.includes(key)
        ? undefined
        : (value: unknown) => {
            if (link.api) Object.assign(link.api, { [key]: value });
          },
    });
  }
  // The loop above added the media properties.
  return handle as StreamPlayerHandle;
}
