import type { StreamSdk } from "./types";

/**
 * Loads the player SDK script once per page and URL, however many players ask (`./sdk`). The
 * public export goes through a dynamic import: the loader's code then travels with the player's
 * SDK bridge, in a chunk of its own, and not in the first bundle of every page using the entry.
 */
export async function loadStreamSdk(url: string): Promise<StreamSdk> {
  const sdk = await import("./sdk");
  return sdk.loadStreamSdk(url);
}
