"use client";

export { StreamVideo } from "./video/StreamVideo";
/**
 * `@streamkit/ui/video`: `StreamVideo`, Stream playback in a real `<video>` from the HLS
 * manifest (hls.js, fetched only where the browser has no HLS of its own). A subpath so apps
 * that play in the iframe `StreamPlayer` do not carry it.
 */
export {
  type StreamVideoAudioTrack,
  type StreamVideoEngine,
  StreamVideoError,
  type StreamVideoErrorCode,
  type StreamVideoHlsConfig,
  type StreamVideoProps,
  type StreamVideoTextTrack,
  type StreamVideoTracks,
} from "./video/types";
