import type { StreamPlayerApi } from "./types";

/**
 * What a player view shares with its SDK bridge (`playerBridge`, loaded after the view): one per
 * player, kept across iframes. The bridge fills it; the ref handle reads it, so a ref works, and
 * `play()` waits, before the bridge's code has arrived.
 */
export interface PlayerLink {
  /** The SDK's player object for the current iframe, once the bridge has bound it. */
  api?: StreamPlayerApi | undefined;
  iframe: HTMLIFrameElement | null;
  /** `play()` calls made before there was a player object; the bridge resolves them. */
  waiters: ((api: StreamPlayerApi) => void)[];
  /** Listeners added through the handle; they follow the player across reloads. */
  listeners: Map<string, Set<EventListener>>;
  /**
   * Between a `seeking` and its `seeked` event. The SDK's player object has no such property,
   * so the bridge follows the events.
   */
  seeking?: boolean;
}

/**
 * How the player took its signed token, as the bridge tells the view: `rejected` (a fresh token
 * is on its way: load with it), `refused` (fresh tokens keep being rejected: stop and say why),
 * `accepted` (it plays after all; said only after a rejection).
 */
export type TokenStatus = "rejected" | "refused" | "accepted";

/**
 * The signed token the iframe's URL carries (`undefined`: the uid), and what the player last
 * said of it. A new src or token starts with no status.
 */
export interface UrlToken {
  src: string;
  token: string | undefined;
  status?: TokenStatus;
}
