import { randomBytes } from "node:crypto";

const UID = /^[0-9a-f]{32}$/;

/** Video, key and caption-owner ids are 32 lowercase hex characters, like Cloudflare's. */
export function newUid(): string {
  return randomBytes(16).toString("hex");
}

export function isUid(value: unknown): value is string {
  return typeof value === "string" && UID.test(value);
}

/** A signed token is a JWT (three base64url parts) standing in for a uid in delivery URLs. */
export function looksLikeToken(value: string): boolean {
  return value.length < 8192 && /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/.test(value);
}
