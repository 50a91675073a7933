import { assertUid } from "@streamkit/core";
import { bytesToBase64Url, textToBase64Url } from "./base64";
import { privateKeyDer } from "./pem";
import { checkTokenClaims, DEFAULT_TOKEN_TTL_SECONDS, type StreamTokenClaims } from "./tokenClaims";

/**
 * Self-signed Stream playback tokens: RS256 JWTs that Cloudflare verifies with the public half of
 * a key from `POST /stream/keys`. Signing locally needs no API call per token, which the API
 * recommends above 10,000 tokens a day. WebCrypto only, so it runs in Workers too.
 */

export type StreamSigningKey = { id: string; pem: string } | { id: string; key: CryptoKey };

export interface SignStreamTokenOptions extends StreamTokenClaims {
  /** Current time in milliseconds; for tests. */
  now?: number;
}

/** Imports an RSA private key (PEM, or base64 of PEM; PKCS#1 or PKCS#8) for RS256 signing. */
export async function importSigningKey(pem: string): Promise<CryptoKey> {
  return crypto.subtle.importKey(
    "pkcs8",
    privateKeyDer(pem),
    { name: "RSASSA-PKCS1-v1_5", hash: "SHA-256" },
    false,
    ["sign"],
  );
}

/**
 * Signs a token for video `uid`: header `{alg:"RS256",kid}`, payload `{sub,kid,exp,nbf?,
 * accessRules?,downloadable?,flags?}`. `exp` defaults to one hour from now and may be at most 24 h
 * ahead. Throws `StreamValidationError` for bad claims.
 */
export async function signStreamToken(
  key: StreamSigningKey,
  uid: string,
  options: SignStreamTokenOptions = {},
): Promise<string> {
  assertUid(uid);
  if (typeof key?.id !== "string" || key.id === "")
    throw new TypeError("signing key id is required");
  const { now, ...requested } = options;
  const nowSeconds = Math.floor((now ?? Date.now()) / 1000);
  const claims = checkTokenClaims(requested, nowSeconds);
  const payload: Record<string, unknown> = {
    sub: uid,
    kid: key.id,
    exp: claims.exp ?? nowSeconds + DEFAULT_TOKEN_TTL_SECONDS,
  };
  if (claims.nbf !== undefined) payload.nbf = claims.nbf;
  if (claims.accessRules !== undefined) payload.accessRules = claims.accessRules;
  if (claims.downloadable !== undefined) payload.downloadable = claims.downloadable;
  if (claims.flags !== undefined) payload.flags = claims.flags;

  const cryptoKey = "key" in key ? key.key : await importSigningKey(key.pem);
  const signingInput = `${textToBase64Url(JSON.stringify({ alg: "RS256", kid: key.id }))}.${textToBase64Url(
    JSON.stringify(payload),
  )}`;
  const signature = await crypto.subtle.sign(
    "RSASSA-PKCS1-v1_5",
    cryptoKey,
    new TextEncoder().encode(signingInput),
  );
  return `${signingInput}.${bytesToBase64Url(new Uint8Array(signature))}`;
}
