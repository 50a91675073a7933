import type { StreamPlayerApi } from "./types";

/**
 * What a player view shares with its SDK bridge (`SdkBridge`, loaded after the view): one per
 * player, kept across iframes. The ref handle reads it, so a ref works, and `play()` waits,
 * before the bridge's code has arrived.
 */
export interface PlayerLink {
  /** The SDK's player object for the current iframe, once the bridge has bound it. */
  api?: StreamPlayerApi | undefined;
  iframe: HTMLIFrameElement | null;
  /** `play()` calls made before there was a player object; the bridge resolves them. */
  waiters: ((api: StreamPlayerApi) => void)[];
  /** Listeners added through the handle; they follow the player across reloads. */
  listeners: Map<string, Set<EventListener>>;
}
