import { StreamValidationError } from "../errors";
import { MAX_DURATION_SECONDS } from "../requests/limits";
import { MAX_UPLOAD_BYTES } from "./limits";

/**
 * Containers Stream takes (§7: MP4, MKV, MOV, AVI, FLV, MPEG-2 TS/PS, MXF, LXF, GXF, 3GP, WebM,
 * MPG, QuickTime), as an `accept` list. Extensions are listed beside `video/*` because browsers
 * often give MKV, MXF or TS files an empty or non-video type.
 */
export const DEFAULT_ACCEPT =
  "video/*,.mp4,.m4v,.mkv,.mov,.qt,.avi,.flv,.ts,.mts,.m2ts,.mpg,.mpeg,.vob,.mxf,.lxf,.gxf,.3gp,.webm";

/** What a file must satisfy before anything is asked of the proxy. */
export interface FileRules {
  /** An `accept` list as `<input type=file>` takes it: MIME types, `type/*`, `.ext`. */
  accept?: string;
  /** Largest file, in bytes. Stream's own 30 GB applies anyway. */
  maxSizeBytes?: number;
  /** Longest video, in seconds (checked when the duration can be read). */
  maxDurationSeconds?: number;
}

/** The `field` of the `StreamValidationError` tells the rule that refused the file. */
export type FileProblem = "type" | "size" | "duration";

interface NamedBlob {
  readonly size: number;
  readonly type: string;
  readonly name?: string;
}

/** Whether a file matches an `accept` list; an empty list, `*` or `*\/*` accepts everything. */
export function matchesAccept(file: NamedBlob, accept: string | undefined): boolean {
  const tokens = (accept ?? "")
    .split(",")
    .map((t) => t.trim().toLowerCase())
    .filter(Boolean);
  if (tokens.length === 0) return true;
  const type = (file.type ?? "").toLowerCase().split(";")[0]?.trim() ?? "";
  const name = (file.name ?? "").toLowerCase();
  return tokens.some((token) => {
    if (token === "*" || token === "*/*") return true;
    if (token.startsWith(".")) return name.endsWith(token);
    if (token.endsWith("/*")) return type.startsWith(token.slice(0, -1));
    return type === token;
  });
}

/** `1.5 MB`, `200 MB`, `3.2 GB` (decimal units, as Stream states its limits). */
export function formatBytes(bytes: number): string {
  const units = ["bytes", "KB", "MB", "GB", "TB"];
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit += 1;
  }
  const shown = unit === 0 || value >= 100 ? Math.round(value) : Math.round(value * 10) / 10;
  return `${shown} ${units[unit]}`;
}

/**
 * Checks type and size synchronously; throws `StreamValidationError` with `field` `type` or
 * `size`. Duration is checked separately, once read (`checkDuration`).
 */
export function checkFile(file: NamedBlob, rules: FileRules = {}): void {
  const label = file.name ? `${file.name}` : "the file";
  if (!matchesAccept(file, rules.accept)) {
    throw new StreamValidationError(
      "type",
      `${label} (${file.type || "unknown type"}) is not an accepted video type (${rules.accept})`,
    );
  }
  if (file.size === 0) throw new StreamValidationError("size", `${label} is empty`);
  const max = Math.min(rules.maxSizeBytes ?? MAX_UPLOAD_BYTES, MAX_UPLOAD_BYTES);
  if (file.size > max) {
    throw new StreamValidationError(
      "size",
      `${label} is ${formatBytes(file.size)}; the limit is ${formatBytes(max)}`,
    );
  }
}

/** Throws `StreamValidationError` (`field` `duration`) when a known duration exceeds the limit. */
export function checkDuration(
  durationSeconds: number | undefined,
  maxDurationSeconds: number | undefined,
  name?: string,
): void {
  if (durationSeconds === undefined || maxDurationSeconds === undefined) return;
  if (durationSeconds > maxDurationSeconds) {
    throw new StreamValidationError(
      "duration",
      `${name ?? "the video"} lasts ${Math.round(durationSeconds)} s; the limit is ${maxDurationSeconds} s`,
    );
  }
}

/** Seconds added to a measured duration: browsers and ffprobe disagree by a frame or an audio tail. */
export const DURATION_MARGIN_SECONDS = 5;

/**
 * The `maxDurationSeconds` sent to Stream: the measured duration plus a margin, within the app's
 * limit; the app's limit (or Stream's 36,000 s) when the duration is unknown. Stream reserves
 * this many seconds of storage until the video is processed, so a close figure matters.
 */
export function maxDurationFor(
  durationSeconds: number | undefined,
  limit: number | undefined,
): number {
  const ceiling = Math.min(limit ?? MAX_DURATION_SECONDS, MAX_DURATION_SECONDS);
  if (durationSeconds === undefined) return Math.max(1, Math.floor(ceiling));
  return Math.max(
    1,
    Math.min(Math.floor(ceiling), Math.ceil(durationSeconds) + DURATION_MARGIN_SECONDS),
  );
}
