/**
 * When a signed token expires, in ms since the epoch, read from its JWT payload. `exp` may be a
 * number or a numeric string (tokens from `POST …/token` carry strings). Undefined when unreadable.
 */
export function tokenExpiry(token: string): number | undefined {
  const payload = token.split(".")[1];
  if (!payload) return undefined;
  try {
    const base64 = payload.replace(/-/g, "+").replace(/_/g, "/");
    const json = JSON.parse(
      atob(base64.padEnd(base64.length + ((4 - (base64.length % 4)) % 4), "=")),
    ) as {
      exp?: unknown;
    };
    const exp = typeof json.exp === "string" ? Number(json.exp) : json.exp;
    return typeof exp === "number" && Number.isFinite(exp) && exp > 0 ? exp * 1000 : undefined;
  } catch {
    return undefined;
  }
}
