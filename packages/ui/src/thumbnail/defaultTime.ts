import type { Video } from "@streamkit/core";

/**
 * The frame a video's `thumbnailTimestampPct` points at, as the thumbnail URL's `time`
 * (`"2.4s"`). Stream picks that frame by itself when `time` is absent, but the URL then stays the
 * same when the frame is changed, so browsers (and Stream's cache, for an hour) keep showing the
 * old one. Naming the frame in the URL makes every poster follow the data at once. `undefined`
 * while the duration is unknown or no frame was chosen (Stream's default, the first frame).
 */
export function defaultThumbnailTime(video: Video | undefined): string | undefined {
  const at = (video?.thumbnailTimestampPct ?? 0) * (video?.duration ?? 0);
  // A negative duration (-1, unknown) or no choice (0) leaves Stream's default.
  return at > 0 ? `${Math.round(at * 100) / 100}s` : undefined;
}
