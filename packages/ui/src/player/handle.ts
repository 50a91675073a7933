import type { PlayerLink } from "./link";
import type { StreamPlayerApi, StreamPlayerHandle } from "./types";

/** What a `<video>` with nothing loaded reports for its buffered and played ranges. */
const outOfRange = () => {
  throw new RangeError("no time range");
};
const NO_RANGES: TimeRanges = { length: 0, start: outOfRange, end: outOfRange };

/**
 * The media properties the handle mirrors, with what a `<video>` not loaded yet reports. From
 * `paused` on (`READ_ONLY_FROM`) they are read-only, as on a `<video>`: setting one throws, as
 * setting a getter-only property does.
 */
const MEDIA = {
  currentTime: 0,
  muted: false,
  volume: 1,
  playbackRate: 1,
  loop: false,
  paused: true,
  ended: false,
  duration: Number.NaN,
  buffered: NO_RANGES,
  played: NO_RANGES,
  videoWidth: 0,
  videoHeight: 0,
};
const READ_ONLY_FROM = 5;

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
    get seeking() {
      return Boolean(link.seeking);
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
  for (const [index, [key, fallback]] of Object.entries(MEDIA).entries()) {
    Object.defineProperty(handle, key, {
      enumerable: true,
      get: () => link.api?.[key as keyof typeof MEDIA] ?? fallback,
      // Before the player object exists a write goes nowhere (into a throwaway object).
      set:
        index < READ_ONLY_FROM
          ? (value: unknown) => Object.assign(link.api ?? {}, { [key]: value })
          : undefined,
    });
  }
  // The loop above added the media properties.
  return handle as StreamPlayerHandle;
}
