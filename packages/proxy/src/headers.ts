/**
 * Header filtering both ways. Allowlists, not denylists: a header the proxy does not name is not
 * forwarded, so cookies, the app's own auth, hop-by-hop and tracing headers never reach the
 * Stream API, and nothing upstream sends back (cookies, auth challenges) reaches the browser.
 */

/** Request headers the Stream API needs from the browser. Everything else is dropped. */
export const FORWARDED_REQUEST_HEADERS = [
  "content-type",
  "accept",
  "tus-resumable",
  "upload-length",
  "upload-metadata",
  "upload-creator",
] as const;

/** Response headers the browser may see. `content-length`/`content-encoding` are recomputed. */
export const PASSED_RESPONSE_HEADERS = [
  "content-type",
  "retry-after",
  "ratelimit",
  "ratelimit-policy",
  "location",
  "stream-media-id",
  "tus-resumable",
  "tus-version",
  "upload-offset",
  "upload-length",
] as const;

/** Never forwarded in either direction, whatever a future allowlist says. */
const NEVER = new Set([
  "authorization",
  "proxy-authorization",
  "proxy-authenticate",
  "www-authenticate",
  "cookie",
  "set-cookie",
  "x-auth-key",
  "x-auth-email",
  "x-auth-user-service-key",
  "connection",
  "keep-alive",
  "te",
  "trailer",
  "transfer-encoding",
  "upgrade",
  "host",
]);

/** What the browser exposes to scripts on a cross-origin answer (tus needs `Location`). */
export const EXPOSED_RESPONSE_HEADERS =
  "Location, stream-media-id, Tus-Resumable, Upload-Offset, Retry-After";

export function upstreamHeaders(
  incoming: Headers,
  apiToken: string,
  pick: readonly string[] = FORWARDED_REQUEST_HEADERS,
): Headers {
  const headers = new Headers();
  for (const name of pick) {
    const value = incoming.get(name);
    if (value !== null && !NEVER.has(name)) headers.set(name, value);
  }
  headers.set("authorization", `Bearer ${apiToken}`);
  return headers;
}

/**
 * The browser-visible headers of an upstream answer. A header whose value contains a secret is
 * dropped outright; a relative `Location` is resolved against the upstream URL so that tus
 * clients send their bytes to the Stream API, not back to the proxy.
 */
export function clientHeaders(
  upstream: Headers,
  secrets: readonly string[],
  upstreamUrl: string,
): Headers {
  const headers = new Headers();
  for (const name of PASSED_RESPONSE_HEADERS) {
    let value = upstream.get(name);
    if (value === null || NEVER.has(name)) continue;
    if (containsSecret(value, secrets)) continue;
    if (name === "location") {
      try {
        value = new URL(value, upstreamUrl).href;
      } catch {
        continue;
      }
    }
    headers.set(name, value);
  }
  headers.set("cache-control", "no-store");
  headers.set("x-content-type-options", "nosniff");
  return headers;
}

export function containsSecret(text: string, secrets: readonly string[]): boolean {
  return secrets.some((secret) => secret !== "" && text.includes(secret));
}

/** Replaces every occurrence of a secret; defence in depth should the upstream ever echo one. */
export function scrub(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) if (secret !== "") out = out.split(secret).join("[redacted]");
  return out;
}
