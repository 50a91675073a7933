import type { Video } from "@streamkit/core";

/**
 * The `?filename=` Stream takes on a download link, from the video's name: what was
 * "Holiday in Rome.mov" downloads as `Holiday_in_Rome.mp4`, not `<uid>.mp4`. Stream allows up to
 * 120 of `[A-Za-z0-9_-]` and adds the extension itself; accents are dropped to their letters.
 * `undefined` when nothing of the name is left.
 */
export function downloadFilename(video: Video | undefined): string | undefined {
  const name = video?.meta?.name;
  if (typeof name !== "string") return undefined;
  const slug = name
    .replace(/\.[A-Za-z0-9]{2,4}$/, "")
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^A-Za-z0-9_-]+/g, "_")
    .replace(/^_+|_+$/g, "")
    .slice(0, 120)
    .replace(/_+$/, "");
  return slug || undefined;
}

/** The link with its `filename` (and whatever query it had). */
export function withFilename(url: string, filename: string | undefined): string {
  if (!filename) return url;
  return `${url}${url.includes("?") ? "&" : "?"}filename=${filename}`;
}
