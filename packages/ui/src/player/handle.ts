import type { PlayerLink } from "./link";
import type { StreamPlayerApi, StreamPlayerHandle } from "./types";

/** The ref object: reads go to the SDK object when it exists, with media defaults before. */
export function createHandle(link: PlayerLink): StreamPlayerHandle {
  const get = <K extends keyof StreamPlayerApi>(key: K, fallback: StreamPlayerApi[K]) =>
    link.api?.[key] ?? fallback;
  const set = <K extends keyof StreamPlayerApi>(key: K, value: StreamPlayerApi[K]) => {
    if (link.api) link.api[key] = value;
  };
  return {
    play: async () =>
      (
        link.api ?? (await new Promise<StreamPlayerApi>((resolve) => link.waiters.push(resolve)))
      ).play(),
    pause: () => link.api?.pause(),
    get currentTime() {
      return get("currentTime", 0);
    },
    set currentTime(value) {
      set("currentTime", value);
    },
    get muted() {
      return get("muted", false);
    },
    set muted(value) {
      set("muted", value);
    },
    get volume() {
      return get("volume", 1);
    },
    set volume(value) {
      set("volume", value);
    },
    get playbackRate() {
      return get("playbackRate", 1);
    },
    set playbackRate(value) {
      set("playbackRate", value);
    },
    get loop() {
      return get("loop", false);
    },
    set loop(value) {
      set("loop", value);
    },
    get paused() {
      return get("paused", true);
    },
    get ended() {
      return get("ended", false);
    },
    get duration() {
      return get("duration", Number.NaN);
    },
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
}
