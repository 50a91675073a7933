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

/** The keys Stream reads as settings (§3.6), case-insensitively. */
export const TUS_SETTING_KEYS: readonly string[] = [
  "name",
  "requiresignedurls",
  "allowedorigins",
  "thumbnailtimestamppct",
  "watermark",
  "scheduleddeletion",
  "maxdurationseconds",
  "expiry",
];

/**
 * tus `Upload-Metadata`: comma-separated `key base64(value)` pairs; `true` is a bare flag,
 * `false`, `undefined` and `null` are left out. Keys are checked (the proxy refuses others), and
 * may not repeat in another case: Stream reads its own keys case-insensitively.
 */
export function encodeUploadMetadata(
  entries: Record<string, string | number | boolean | null | undefined>,
): string {
  const pairs: string[] = [];
  const seen = new Set<string>();
  for (const [key, value] of Object.entries(entries)) {
    if (value === undefined || value === null || value === false) continue;
    if (!KEY.test(key)) {
      throw new StreamValidationError(
        "meta",
        `tus metadata keys are 1-64 letters, digits, "_", "." or "-"; got ${JSON.stringify(key)}`,
      );
    }
    if (seen.has(key.toLowerCase())) {
      throw new StreamValidationError(
        "meta",
        `tus metadata key ${JSON.stringify(key)} appears twice (keys are compared without case)`,
      );
    }
    seen.add(key.toLowerCase());
    pairs.push(value === true ? key : `${key} ${base64Utf8(String(value))}`);
  }
  return pairs.join(",");
}

/**
 * `meta` entries for tus metadata, where Stream would read a key such as `RequireSignedURLs` as a
 * setting: such keys are refused (set the option itself), so meta can never change a setting.
 */
export function tusMetaEntries(meta: Record<string, unknown>): Record<string, string> {
  const entries: Record<string, string> = {};
  for (const [key, value] of Object.entries(meta)) {
    if (key === "name" || value === undefined || value === null) continue;
    if (TUS_SETTING_KEYS.includes(key.toLowerCase())) {
      throw new StreamValidationError(
        `meta.${key}`,
        `${JSON.stringify(key)} is a Stream setting in tus metadata; pass it as its own option`,
      );
    }
    entries[key] = String(value);
  }
  return entries;
}
