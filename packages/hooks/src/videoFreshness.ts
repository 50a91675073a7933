import { isTerminal, type Video } from "@streamkit/core";

/**
 * Whether `candidate` is a later copy of the same video than `held`: modified later, or finished
 * while the held copy had not. Lists and per-video entries are fetched at different times; this
 * is how each side tells whether the other's copy should win.
 */
export function isFresher(candidate: Video, held: Video): boolean {
  if (candidate === held) return false;
  const a = Date.parse(candidate.modified ?? "");
  const b = Date.parse(held.modified ?? "");
  if (a > b) return true;
  return isTerminal(candidate) && !isTerminal(held);
}
