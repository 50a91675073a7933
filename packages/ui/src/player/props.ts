import type { Video } from "@streamkit/core";
import type { CSSProperties, Ref } from "react";
import type { Signing, WatchedStatus } from "./PlayerBox";
import type { PlayerEventProps, Preload, StreamPlayerApi, StreamPlayerHandle } from "./types";

/**
 * Props of `@cloudflare/stream-react`'s `<Stream>`, same names and defaults (a type test keeps
 * them so), plus streamkit's own.
 */
export interface StreamPlayerProps extends PlayerEventProps {
  /** Video uid, signed token, or a full iframe URL (used as is). */
  src: string;
  adUrl?: string;
  /** Defaults to false. Browsers usually allow it only when `muted`. */
  autoplay?: boolean;
  className?: string;
  /** Defaults to false, as in stream-react (the raw iframe shows controls by default). */
  controls?: boolean;
  /** Seeks when it changes. */
  currentTime?: number;
  customerCode?: string;
  /** Caption language shown at start; changing it reloads the player. */
  defaultTextTrack?: string;
  /** CSS pixels, for `responsive={false}`. */
  height?: string;
  letterboxColor?: string;
  /** Defaults to false. */
  loop?: boolean;
  /** Defaults to false. */
  muted?: boolean;
  /** Defaults to 1. */
  playbackRate?: number;
  /** Image shown before playback; defaults to the video's thumbnail. */
  poster?: string;
  /** Defaults to "metadata". */
  preload?: Preload;
  primaryColor?: string;
  /** Keep the box at the video's aspect ratio. Defaults to true. */
  responsive?: boolean;
  /** Seconds or `1h12m27s`; changing it reloads the player. */
  startTime?: string | number;
  /** Receives the SDK player object, as in stream-react. */
  streamRef?: { current: StreamPlayerApi | undefined };
  /** Accessible name of the iframe. */
  title?: string;
  /** 0..1; defaults to 1. */
  volume?: number;
  /** CSS pixels, for `responsive={false}`. */
  width?: string;

  /** Any delivery origin (the emulator, a custom domain); wins over `customerCode`. */
  deliveryOrigin?: string;
  /** The player SDK script; defaults to the provider's, else Cloudflare's. */
  sdkUrl?: string;
  /** A signed token that replaces the uid in every URL (for `requireSignedURLs` videos). */
  token?: string;
  /** Width / height as a number, or `"16/9"`. Defaults to the video's size when known, else 16/9. */
  aspectRatio?: number | string;
  /**
   * When the iframe is created: `eager` after hydration (default), `lazy` near the viewport,
   * `click` when the viewer presses play on the poster.
   */
  loading?: "eager" | "lazy" | "click";
  /** The video, when the app already has it: gives the aspect ratio and status at once. */
  video?: Video;
  /**
   * Inside a `StreamProvider`, a uid still processing shows its progress over the poster and plays
   * when ready. Defaults to true.
   */
  watchStatus?: boolean;
  /** The SDK player object is bound and the handle's properties are live. */
  onReady?: (player: StreamPlayerHandle) => void;
  style?: CSSProperties;
}

/** What `StreamPlayer` gives its view: the props, with the status and token it watched. */
export interface InnerProps extends StreamPlayerProps {
  handleRef: Ref<StreamPlayerHandle>;
  status?: WatchedStatus | undefined;
  /** Signed playback: waiting for the first token, and a way to replace a rejected one. */
  signing?: Signing | undefined;
}
