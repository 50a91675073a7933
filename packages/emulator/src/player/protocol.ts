/**
 * The postMessage protocol between `sdk.latest.js` (in the embedding page) and the iframe player.
 * Every message is an object tagged with `__privateUnstableMessageType`, as Stream's own player
 * does (§6). Stream's names are kept where they are known (iframeReady, propertyChange, event,
 * setProperty, bufferedTimeRangesUpdate); the rest are the emulator's own.
 *
 * iframe → page:
 *   { iframeReady }                                  the player is listening
 *   { propertyChange, property, value }              a mirrored property changed
 *   { event, eventName }                             a media event (after its property changes)
 *   { bufferedTimeRangesUpdate, timeRanges }         [{ start, end }]
 *   { playedTimeRangesUpdate, timeRanges }
 *   { playResult, requestId, ok, error? }            answer to playCommand (emulator's name)
 * page → iframe:
 *   { setProperty, property, value }
 *   { playCommand, requestId } / { pauseCommand }    (emulator's names)
 *   { sync }                                         resend iframeReady and every property
 */
export const MESSAGE_TYPE = "__privateUnstableMessageType";

/** Properties the player object exposes (stream-react's list plus HTMLMediaElement basics). */
export const WRITABLE_PROPERTIES = [
  "autoplay",
  "controls",
  "currentTime",
  "loop",
  "muted",
  "playbackRate",
  "preload",
  "volume",
  "poster",
  "primaryColor",
  "letterboxColor",
  "defaultTextTrack",
  "adUrl",
] as const;

export const READONLY_PROPERTIES = [
  "buffered",
  "duration",
  "ended",
  "paused",
  "played",
  "videoHeight",
  "videoWidth",
  "src",
] as const;

export const MEDIA_EVENTS = [
  "abort",
  "canplay",
  "canplaythrough",
  "durationchange",
  "emptied",
  "ended",
  "error",
  "loadeddata",
  "loadedmetadata",
  "loadstart",
  "pause",
  "play",
  "playing",
  "progress",
  "ratechange",
  "resize",
  "seeked",
  "seeking",
  "stalled",
  "suspend",
  "timeupdate",
  "volumechange",
  "waiting",
] as const;
