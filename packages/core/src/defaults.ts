/**
 * The only module that names Cloudflare's hosts. Everything else takes an origin, so the
 * emulator, a custom domain or a test server can stand in.
 */

/** `https://customer-<code>.cloudflarestream.com`: the current delivery origin of an account. */
export function customerOrigin(customerCode: string): string {
  return `https://customer-${customerCode}.cloudflarestream.com`;
}

/** The player SDK script that defines `window.Stream`. */
export const DEFAULT_SDK_URL = "https://embed.cloudflarestream.com/embed/sdk.latest.js";

/** The REST API root; the proxy appends `/accounts/{account_id}/stream`. */
export const DEFAULT_API_ORIGIN = "https://api.cloudflare.com/client/v4";

/**
 * Delivery without a customer code: the account-agnostic hosts that `@cloudflare/stream-react`
 * falls back on. The iframe there has no `/iframe` suffix (`https://iframe.videodelivery.net/<id>`).
 */
export const LEGACY_DELIVERY_ORIGIN = "https://videodelivery.net";
export const LEGACY_IFRAME_ORIGIN = "https://iframe.videodelivery.net";
