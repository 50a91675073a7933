import type { Video } from "@streamkit/core";

/** `meta.name` when it is a non-empty string, else `fallback`. Rendered as text, never as markup. */
export function videoName(video: Video | undefined, fallback: string): string {
  const name = video?.meta?.name;
  return typeof name === "string" && name.trim() !== "" ? name : fallback;
}
