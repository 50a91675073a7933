import { StreamValidationError } from "../errors";

/** Base64 of the UTF-8 bytes of `text` (names may hold any character). */
export function base64Utf8(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

const KEY = /^[A-Za-z0-9_.-]{1,64}$/;

/**
 * tus `Upload-Metadata`: comma-separated `key base64(value)` pairs; `true` is a bare flag,
 * `false`, `undefined` and `null` are left out. Keys are checked (the proxy refuses others).
 */
export function encodeUploadMetadata(
  entries: Record<string, string | number | boolean | null | undefined>,
): string {
  const pairs: string[] = [];
  for (const [key, value] of Object.entries(entries)) {
    if (value === undefined || value === null || value === false) continue;
    if (!KEY.test(key)) {
      throw new StreamValidationError(
        "meta",
        `tus metadata keys are 1-64 letters, digits, "_", "." or "-"; got ${JSON.stringify(key)}`,
      );
    }
    pairs.push(value === true ? key : `${key} ${base64Utf8(String(value))}`);
  }
  return pairs.join(",");
}
