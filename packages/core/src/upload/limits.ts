const KiB = 1024;
const MiB = 1024 * KiB;

/**
 * The largest file sent with one basic POST. Cloudflare says "200 MB"; the decimal reading is the
 * stricter one, so files above 200,000,000 bytes go with tus.
 */
export const BASIC_UPLOAD_MAX_BYTES = 200_000_000;
/** Stream's largest file (30 GB). */
export const MAX_UPLOAD_BYTES = 30_000_000_000;

/** tus chunk rules of Stream (§3.6): 5 MiB minimum except the last chunk… */
export const TUS_MIN_CHUNK_BYTES = 5 * MiB;
/** …every chunk but the last a multiple of 256 KiB… */
export const TUS_CHUNK_MULTIPLE = 256 * KiB;
/** …and 200 MiB at most. */
export const TUS_MAX_CHUNK_BYTES = 200 * MiB;
/** Cloudflare's recommended chunk, used for big files. */
export const TUS_DEFAULT_CHUNK_BYTES = 50 * MiB;

/**
 * The chunk size to PATCH with, always one Stream accepts.
 *
 * - A file of 5 MiB or less goes in one PATCH (the last chunk may be any size).
 * - A requested size is rounded down to a multiple of 256 KiB and clamped to 5 MiB..200 MiB.
 * - Without a request: a quarter of the file, rounded down to 256 KiB and clamped to 5..50 MiB.
 *   Files up to 200 MiB so go in about four chunks (a dropped connection costs at most a quarter,
 *   and progress survives a reload in useful steps); bigger files use the recommended 50 MiB.
 */
export function tusChunkSize(fileSize: number, requested?: number): number {
  if (!Number.isFinite(fileSize) || fileSize <= 0) return TUS_MIN_CHUNK_BYTES;
  if (fileSize <= TUS_MIN_CHUNK_BYTES) return fileSize;
  const wanted =
    requested !== undefined && Number.isFinite(requested) && requested > 0
      ? requested
      : Math.min(TUS_DEFAULT_CHUNK_BYTES, fileSize / 4);
  const aligned = Math.floor(wanted / TUS_CHUNK_MULTIPLE) * TUS_CHUNK_MULTIPLE;
  return Math.min(TUS_MAX_CHUNK_BYTES, Math.max(TUS_MIN_CHUNK_BYTES, aligned));
}

/** `auto`: basic POST up to `BASIC_UPLOAD_MAX_BYTES`, tus above. */
export function chooseProtocol(
  size: number,
  protocol: "auto" | "basic" | "tus" = "auto",
): "basic" | "tus" {
  if (protocol !== "auto") return protocol;
  return size > BASIC_UPLOAD_MAX_BYTES ? "tus" : "basic";
}
