import type { Video } from "@streamkit/core";
import type { UseSignedTokenOptions } from "@streamkit/hooks";
import type { HlsConfig } from "hls.js";
import type { CSSProperties, ReactNode, VideoHTMLAttributes } from "react";

/** What makes a `StreamVideo` fail, as `StreamVideoError.code`. */
export type StreamVideoErrorCode =
  /** Neither native HLS nor Media Source Extensions: this browser cannot play HLS. */
  | "unsupported"
  /** The manifest or its segments could not be loaded (`status` has the HTTP status). */
  | "network"
  /** The browser could not decode what it loaded. */
  | "media"
  /** Fresh signed tokens kept being refused (signing key, allowed origins). */
  | "token-refused";

/** A playback failure of `StreamVideo`, given to `onPlaybackError` and shown in the box. */
export class StreamVideoError extends Error {
  override readonly name = "StreamVideoError";
  readonly code: StreamVideoErrorCode;
  /** The HTTP status of a refused request, when there was one. */
  readonly status: number | undefined;
  constructor(code: StreamVideoErrorCode, message: string, status?: number) {
    super(message);
    this.code = code;
    this.status = status;
  }
}

/** A caption or subtitle track of the manifest, as the element's `textTracks` hold it. */
export interface StreamVideoTextTrack {
  /** BCP-47 code, `""` when the manifest gives none. */
  language: string;
  label: string;
  kind: "subtitles" | "captions";
  showing: boolean;
}

/** An audio rendition of the manifest ("Original", a dub, a description track). */
export interface StreamVideoAudioTrack {
  language: string;
  label: string;
  enabled: boolean;
}

export interface StreamVideoTracks {
  text: StreamVideoTextTrack[];
  audio: StreamVideoAudioTrack[];
}

/** Which HLS implementation plays: the browser's own where it has one (`auto`), or hls.js. */
export type StreamVideoEngine = "auto" | "hls.js" | "native";

/** The hls.js settings a page may tune (buffer lengths, start level, low latency). */
export type StreamVideoHlsConfig = Partial<
  Pick<
    HlsConfig,
    | "maxBufferLength"
    | "maxMaxBufferLength"
    | "backBufferLength"
    | "startLevel"
    | "capLevelToPlayerSize"
    | "lowLatencyMode"
    | "maxBufferHole"
    | "debug"
  >
>;

/** The element's own attributes and events, except those `StreamVideo` owns. */
export type VideoElementProps = Omit<
  VideoHTMLAttributes<HTMLVideoElement>,
  "src" | "poster" | "children" | "width" | "height" | "className" | "style" | "title"
>;

export interface StreamVideoProps extends VideoElementProps {
  /** Video uid, signed token, or a full HLS manifest URL (used as is). */
  src: string;
  /** A signed token that replaces the uid in every URL; it may change while playing. */
  token?: string | undefined;
  customerCode?: string | undefined;
  /** Any delivery origin (the emulator, a custom domain); wins over `customerCode`. */
  deliveryOrigin?: string | undefined;
  /** Image shown before playback; defaults to the video's thumbnail. */
  poster?: string | undefined;
  /** Width / height as a number, or `"16/9"`. Defaults to the video's size when known, else 16/9. */
  aspectRatio?: number | string | undefined;
  /** Keep the box at the video's aspect ratio. Defaults to true. */
  responsive?: boolean | undefined;
  /** CSS pixels, for `responsive={false}`. */
  width?: string | undefined;
  /** CSS pixels, for `responsive={false}`. */
  height?: string | undefined;
  /** The video, when the app already has it: gives the aspect ratio, name and status at once. */
  video?: Video | undefined;
  /** Inside a `StreamProvider`, a uid still processing shows its progress and plays when ready. Default true. */
  watchStatus?: boolean | undefined;
  /** Lifetime and refresh of the tokens fetched for a private video (`useSignedToken`'s options). */
  tokenOptions?: Omit<UseSignedTokenOptions, "enabled"> | undefined;
  /** Accessible name of the video; defaults to its `meta.name`, else "Video player". */
  title?: string | undefined;
  /**
   * `eager` (default) loads after hydration, `lazy` once near the viewport, `click` when the
   * viewer asks to play (the poster's play button, or any `play()`: a skin's button, `controls`),
   * then plays and takes the focus.
   */
  loading?: "eager" | "lazy" | "click" | undefined;
  /** `auto` (default): native HLS where `canPlayType` says so, else hls.js, loaded on demand. */
  engine?: StreamVideoEngine | undefined;
  /** hls.js settings, applied when hls.js plays (a change reloads at the current time). */
  hlsConfig?: StreamVideoHlsConfig | undefined;
  /** Seeks when it changes. */
  currentTime?: number | undefined;
  /** 0..1, set when it changes. */
  volume?: number | undefined;
  /** Set when it changes. */
  playbackRate?: number | undefined;
  /**
   * The caption or subtitle track shown, by language or label; `null` shows none. Left
   * `undefined`, the viewer's choice stands (the browser's menu, a skin's captions button).
   */
  textTrack?: string | null | undefined;
  /** The audio rendition played, by language or label; `undefined` keeps the manifest's default. */
  audioTrack?: string | undefined;
  /** The manifest's text and audio tracks and which are on, at each change. */
  onTracksChange?: ((tracks: StreamVideoTracks) => void) | undefined;
  /** Playback failed for good (after hls.js's own retries, and fresh tokens for a private video). */
  onPlaybackError?: ((error: StreamVideoError) => void) | undefined;
  /**
   * Put in a slot of a media skin (`slot="media"` in Media Chrome's `<media-controller>`): the
   * `<video>` itself carries the slot and the skin is the box.
   */
  slot?: string | undefined;
  className?: string | undefined;
  style?: CSSProperties | undefined;
  /** Laid over the video (custom controls, a title); the box is their positioning parent. */
  children?: ReactNode;
}
