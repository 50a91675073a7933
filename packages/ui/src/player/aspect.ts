import type { Video } from "@streamkit/core";

/** `16 / 9` from a number, a `"16/9"` or `"16:9"` string, or the video's source size; else 16/9. */
export function aspectRatioOf(
  aspectRatio: number | string | undefined,
  video: Video | undefined,
): number {
  if (typeof aspectRatio === "number" && Number.isFinite(aspectRatio) && aspectRatio > 0)
    return aspectRatio;
  if (typeof aspectRatio === "string") {
    const [w, h] = aspectRatio.split(/[/:]/).map((part) => Number.parseFloat(part));
    if (w && h && w > 0 && h > 0) return w / h;
    const single = Number.parseFloat(aspectRatio);
    if (single > 0) return single;
  }
  const width = video?.input?.width;
  const height = video?.input?.height;
  if (width && height && width > 0 && height > 0) return width / height;
  return 16 / 9;
}
