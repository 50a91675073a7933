import {
  createPrivateKey,
  createPublicKey,
  generateKeyPair,
  type KeyObject,
  sign,
  verify,
} from "node:crypto";
import type { SigningKey } from "./account";
import { newUid } from "./ids";

/** One access rule of a signed token (§3.7): the first rule that matches decides. */
export interface AccessRule {
  type: "any" | "ip.src" | "ip.geoip.country";
  action: "allow" | "block";
  country?: string[];
  ip?: string[];
}

export interface TokenClaims {
  sub: string;
  kid: string;
  /** Cloudflare's `/token` endpoint writes numeric strings; self-signed tokens use numbers. */
  exp?: number | string;
  nbf?: number | string;
  downloadable?: boolean;
  accessRules?: AccessRule[];
  flags?: { original?: boolean };
}

export type TokenVerdict = { ok: true; claims: TokenClaims } | { ok: false; reason: string };

export async function createSigningKey(internal: boolean): Promise<SigningKey> {
  const privatePem = await new Promise<string>((resolve, reject) => {
    generateKeyPair(
      "rsa",
      {
        modulusLength: 2048,
        publicKeyEncoding: { type: "spki", format: "pem" },
        privateKeyEncoding: { type: "pkcs1", format: "pem" },
      },
      (error, _publicKey, privateKey) => (error ? reject(error) : resolve(privateKey)),
    );
  });
  return { id: newUid(), created: new Date().toISOString(), privatePem, internal };
}

/** What `POST /keys` returns: the PEM and the JWK, each base64-encoded as Cloudflare does. */
export function describeNewKey(key: SigningKey) {
  const jwk = {
    ...createPrivateKey(key.privatePem).export({ format: "jwk" }),
    kid: key.id,
    alg: "RS256",
  };
  return {
    id: key.id,
    pem: Buffer.from(key.privatePem).toString("base64"),
    jwk: Buffer.from(JSON.stringify(jwk)).toString("base64"),
    created: key.created,
  };
}

/** Accepts a PEM, or a PEM in base64 as `/keys` hands it out. */
export function parsePrivateKey(pem: string): KeyObject {
  const text = pem.includes("-----BEGIN") ? pem : Buffer.from(pem, "base64").toString("utf8");
  return createPrivateKey(text);
}

const b64url = (data: Buffer | string) => Buffer.from(data).toString("base64url");

export function signToken(
  kid: string,
  privateKey: KeyObject | string,
  claims: TokenClaims,
): string {
  const header = b64url(JSON.stringify({ alg: "RS256", kid }));
  const payload = b64url(JSON.stringify(claims));
  const signature = sign("RSA-SHA256", Buffer.from(`${header}.${payload}`), privateKey);
  return `${header}.${payload}.${b64url(signature)}`;
}

function numeric(value: unknown): number | undefined {
  if (typeof value === "number" && Number.isFinite(value)) return value;
  if (typeof value === "string" && /^\d+(\.\d+)?$/.test(value)) return Number(value);
  return undefined;
}

function decodePart(part: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(part, "base64url").toString("utf8"));
    return typeof value === "object" && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Checks an RS256 token against the account's keys: signature, `kid`, `exp` and `nbf` (numbers or
 * numeric strings, as Cloudflare issues both). Which video it is for is the caller's check.
 */
export function verifyToken(
  token: string,
  findKey: (kid: string) => SigningKey | undefined,
  nowSeconds = Date.now() / 1000,
): TokenVerdict {
  const [headerPart, payloadPart, signaturePart] = token.split(".");
  if (!headerPart || !payloadPart || !signaturePart)
    return { ok: false, reason: "malformed token" };
  const header = decodePart(headerPart);
  const payload = decodePart(payloadPart);
  if (!header || !payload) return { ok: false, reason: "malformed token" };
  if (header.alg !== "RS256") return { ok: false, reason: "only RS256 tokens are accepted" };
  const kid = typeof header.kid === "string" ? header.kid : payload.kid;
  if (typeof kid !== "string") return { ok: false, reason: "token has no kid" };
  const key = findKey(kid);
  if (!key) return { ok: false, reason: "unknown or revoked signing key" };
  const valid = verify(
    "RSA-SHA256",
    Buffer.from(`${headerPart}.${payloadPart}`),
    createPublicKey(key.privatePem),
    Buffer.from(signaturePart, "base64url"),
  );
  if (!valid) return { ok: false, reason: "bad signature" };
  if (typeof payload.sub !== "string") return { ok: false, reason: "token has no sub" };
  const exp = numeric(payload.exp);
  if (payload.exp !== undefined && exp === undefined)
    return { ok: false, reason: "exp is not a number" };
  if (exp !== undefined && exp <= nowSeconds) return { ok: false, reason: "token expired" };
  const nbf = numeric(payload.nbf);
  if (payload.nbf !== undefined && nbf === undefined)
    return { ok: false, reason: "nbf is not a number" };
  if (nbf !== undefined && nbf > nowSeconds) return { ok: false, reason: "token not valid yet" };
  return { ok: true, claims: { ...(payload as unknown as TokenClaims), kid } };
}
