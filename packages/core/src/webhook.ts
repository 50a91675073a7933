/**
 * Cloudflare Stream webhook signatures: `Webhook-Signature: time=<unix s>,sig1=<hex>`, where
 * sig1 = HMAC-SHA256(key = the secret *string*, message = `${time}.${rawBody}`).
 * Uses WebCrypto so it runs in browsers, Node, Workers, Deno and Bun alike.
 */

export interface WebhookSignature {
  time: number;
  sig1: string;
}

export interface VerifyWebhookOptions {
  /** Seconds a signature stays acceptable, either side of now. Defaults to 300. */
  toleranceSeconds?: number;
  /** Current time in milliseconds; for tests. */
  now?: number;
}

export type WebhookVerdict =
  | { ok: true; time: number }
  | { ok: false; reason: "missing" | "malformed" | "stale" | "mismatch" };

const encoder = new TextEncoder();

/** Splits the header into its parts; `undefined` when it is not of the documented form. */
export function parseWebhookSignature(
  header: string | null | undefined,
): WebhookSignature | undefined {
  if (typeof header !== "string" || header.length > 512) return undefined;
  let time: number | undefined;
  let sig1: string | undefined;
  for (const part of header.split(",")) {
    const eq = part.indexOf("=");
    if (eq < 0) return undefined;
    const key = part.slice(0, eq).trim();
    const value = part.slice(eq + 1).trim();
    if (key === "time" && /^\d{1,12}$/.test(value)) time = Number(value);
    else if (key === "sig1" && /^[0-9a-f]{64}$/i.test(value)) sig1 = value.toLowerCase();
  }
  return time === undefined || sig1 === undefined ? undefined : { time, sig1 };
}

async function hmacHex(secret: string, message: string): Promise<string> {
  const key = await crypto.subtle.importKey(
    "raw",
    encoder.encode(secret),
    { name: "HMAC", hash: "SHA-256" },
    false,
    ["sign"],
  );
  const mac = new Uint8Array(await crypto.subtle.sign("HMAC", key, encoder.encode(message)));
  return Array.from(mac, (b) => b.toString(16).padStart(2, "0")).join("");
}

/** The header value Cloudflare would send for this body at this time (seconds). */
export async function signWebhook(
  secret: string,
  rawBody: string,
  time: number = Math.floor(Date.now() / 1000),
): Promise<string> {
  return `time=${time},sig1=${await hmacHex(secret, `${time}.${rawBody}`)}`;
}

/**
 * Checks a webhook against the raw body exactly as received. Re-serialised JSON will not match:
 * read the body as text before parsing it.
 */
export async function verifyWebhook(
  secret: string,
  rawBody: string,
  header: string | null | undefined,
  options: VerifyWebhookOptions = {},
): Promise<WebhookVerdict> {
  if (header === null || header === undefined || header === "")
    return { ok: false, reason: "missing" };
  const parsed = parseWebhookSignature(header);
  if (!parsed) return { ok: false, reason: "malformed" };
  const nowSeconds = (options.now ?? Date.now()) / 1000;
  if (Math.abs(nowSeconds - parsed.time) > (options.toleranceSeconds ?? 300)) {
    return { ok: false, reason: "stale" };
  }
  const expected = await hmacHex(secret, `${parsed.time}.${rawBody}`);
  return constantTimeEqual(expected, parsed.sig1)
    ? { ok: true, time: parsed.time }
    : { ok: false, reason: "mismatch" };
}

/** Compares every character whatever the first difference, so timing reveals nothing. */
export function constantTimeEqual(a: string, b: string): boolean {
  let diff = a.length ^ b.length;
  const length = Math.max(a.length, b.length);
  for (let i = 0; i < length; i++) diff |= (a.charCodeAt(i) || 0) ^ (b.charCodeAt(i) || 0);
  return diff === 0;
}
