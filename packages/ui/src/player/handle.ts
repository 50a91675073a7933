import type { StreamPlayerApi, StreamPlayerHandle } from "./types";

interface HandleSource {
  api(): StreamPlayerApi | undefined;
  iframe(): HTMLIFrameElement | null;
  /** Resolves with the player object once it exists. */
  ready(): Promise<StreamPlayerApi>;
  listeners: Map<string, Set<EventListener>>;
}

/** The ref object: reads go to the SDK object when it exists, with media defaults before. */
export function createHandle(source: HandleSource): StreamPlayerHandle {
  const get = <K extends keyof StreamPlayerApi>(key: K, fallback: StreamPlayerApi[K]) =>
    source.api()?.[key] ?? fallback;
  const set = <K extends keyof StreamPlayerApi>(key: K, value: StreamPlayerApi[K]) => {
    const api = source.api();
    if (api) api[key] = value;
  };
  return {
    play: async () => (await source.ready()).play(),
    pause: () => source.api()?.pause(),
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
      return source.api();
    },
    get iframe() {
      return source.iframe();
    },
    // Listeners live on the handle so they survive a new iframe (a changed src or token).
    addEventListener(event, handler) {
      const set = source.listeners.get(event) ?? new Set();
      source.listeners.set(event, set);
      set.add(handler);
    },
    removeEventListener(event, handler) {
      source.listeners.get(event)?.delete(handler);
    },
  };
}
