/** `preload` of the player: a hint, as for `<video>`. */
export type Preload = "auto" | "metadata" | "none" | boolean;

/**
 * The player object that the Stream SDK (`window.Stream(iframe)`) returns: properties mirror
 * HTMLMediaElement, methods and events go to the iframe over postMessage.
 */
export interface StreamPlayerApi {
  addEventListener: (event: string, handler: EventListener) => void;
  removeEventListener: (event: string, handler: EventListener) => void;
  play: () => Promise<void>;
  pause: () => void;
  adUrl?: string;
  autoplay: boolean;
  buffered: TimeRanges;
  controls: boolean;
  currentTime: number;
  /** Effective only when the player loads (stream-react reloads for it; so does StreamPlayer). */
  defaultTextTrack?: string;
  duration: number;
  ended: boolean;
  letterboxColor?: string;
  loop: boolean;
  muted: boolean;
  paused: boolean;
  playbackRate: number;
  played: TimeRanges;
  poster?: string;
  preload: Preload;
  primaryColor?: string;
  src: string;
  videoHeight: number;
  videoWidth: number;
  volume: number;
}

export type StreamSdk = (iframe: HTMLIFrameElement) => StreamPlayerApi;

/**
 * Event props, with the names `@cloudflare/stream-react` uses. Each hears the SDK event named
 * after it (`eventOf`). A list rather than a prop → event map: the names are all a bundle carries.
 */
export const PLAYER_EVENT_PROPS = [
  "onAbort",
  "onCanPlay",
  "onCanPlayThrough",
  "onDurationChange",
  "onEnded",
  "onError",
  "onLoadedData",
  "onLoadedMetaData",
  "onLoadStart",
  "onPause",
  "onPlay",
  "onPlaying",
  "onProgress",
  "onRateChange",
  "onResize",
  "onSeeked",
  "onSeeking",
  "onStalled",
  "onSuspend",
  "onTimeUpdate",
  "onVolumeChange",
  "onWaiting",
  "onStreamAdStart",
  "onStreamAdEnd",
  "onStreamAdTimeout",
] as const;

export type PlayerEventProp = (typeof PLAYER_EVENT_PROPS)[number];

/** The SDK event a prop hears: `onCanPlay` → `canplay`, `onStreamAdEnd` → `stream-adend`. */
export const eventOf = (prop: PlayerEventProp): string =>
  prop.slice(2).toLowerCase().replace("streamad", "stream-ad");

export type PlayerEventProps = { [K in PlayerEventProp]?: EventListener };

/** What a `ref` on `StreamPlayer` gets: usable before the SDK has loaded (calls wait or no-op). */
export interface StreamPlayerHandle {
  /** Starts playback once the player is ready; rejects as the SDK does (autoplay policy, say). */
  play(): Promise<void>;
  pause(): void;
  currentTime: number;
  muted: boolean;
  volume: number;
  playbackRate: number;
  loop: boolean;
  readonly paused: boolean;
  readonly ended: boolean;
  readonly duration: number;
  /** Between a `seeking` event and its `seeked`. */
  readonly seeking: boolean;
  /** Empty until the player reports ranges. */
  readonly buffered: TimeRanges;
  readonly played: TimeRanges;
  /** The current rendition's size; 0 until its metadata has loaded. */
  readonly videoWidth: number;
  readonly videoHeight: number;
  /** The SDK player object, once it exists. */
  readonly api: StreamPlayerApi | undefined;
  readonly iframe: HTMLIFrameElement | null;
  addEventListener(event: string, handler: EventListener): void;
  removeEventListener(event: string, handler: EventListener): void;
}
