import { base64ToBytes } from "./base64";

/**
 * RSA private keys from PEM. WebCrypto imports PKCS#8 (`BEGIN PRIVATE KEY`) only, while
 * Cloudflare's `POST /stream/keys` hands out PKCS#1 (`BEGIN RSA PRIVATE KEY`), base64-encoded
 * once more. Both are accepted: PKCS#1 is wrapped into a PKCS#8 structure, which is a fixed
 * prefix plus two DER lengths.
 */

const PEM_BLOCK = /-----BEGIN ([A-Z ]+)-----([\s\S]+?)-----END \1-----/;

/** `SEQUENCE { OID rsaEncryption, NULL }`. */
const RSA_ALGORITHM = [
  0x30, 0x0d, 0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00,
];

export function pemText(input: string): string {
  const trimmed = input.trim();
  if (trimmed.includes("-----BEGIN")) return trimmed;
  let decoded: string;
  try {
    decoded = new TextDecoder().decode(base64ToBytes(trimmed));
  } catch {
    throw new TypeError("signingKey.pem is neither PEM text nor base64 of PEM text");
  }
  if (!decoded.includes("-----BEGIN"))
    throw new TypeError("signingKey.pem is neither PEM text nor base64 of PEM text");
  return decoded.trim();
}

/** PKCS#8 DER bytes of the RSA private key in `pem` (raw or base64 of PEM). */
export function privateKeyDer(pem: string): Uint8Array<ArrayBuffer> {
  const match = PEM_BLOCK.exec(pemText(pem));
  if (!match)
    throw new TypeError("signingKey.pem has no complete -----BEGIN …----- / -----END …----- block");
  const label = match[1];
  const der = base64ToBytes(match[2] ?? "");
  if (label === "PRIVATE KEY") return copy(der);
  if (label === "RSA PRIVATE KEY") return pkcs1ToPkcs8(der);
  throw new TypeError(`signingKey.pem must hold an RSA private key, got a "${label}" block`);
}

export function pkcs1ToPkcs8(pkcs1: Uint8Array): Uint8Array<ArrayBuffer> {
  const octetString = [0x04, ...derLength(pkcs1.length)];
  const innerLength = 3 + RSA_ALGORITHM.length + octetString.length + pkcs1.length;
  const head = [
    0x30,
    ...derLength(innerLength),
    0x02,
    0x01,
    0x00,
    ...RSA_ALGORITHM,
    ...octetString,
  ];
  const out = new Uint8Array(head.length + pkcs1.length);
  out.set(head, 0);
  out.set(pkcs1, head.length);
  return out;
}

function derLength(length: number): number[] {
  if (length < 0x80) return [length];
  const bytes: number[] = [];
  for (let n = length; n > 0; n = Math.floor(n / 256)) bytes.unshift(n % 256);
  return [0x80 | bytes.length, ...bytes];
}

function copy(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(bytes.length);
  out.set(bytes);
  return out;
}
