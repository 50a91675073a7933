import { open } from "node:fs/promises";

export type Container =
  | "mp4"
  | "webm"
  | "avi"
  | "flv"
  | "mpegts"
  | "mpegps"
  | "ogg"
  | "asf"
  | "unknown";

/** Reads the first bytes of a file; enough to tell a media container from anything else. */
export async function readHead(file: string, length = 4096): Promise<Buffer> {
  const handle = await open(file, "r");
  try {
    const buffer = Buffer.alloc(length);
    const { bytesRead } = await handle.read(buffer, 0, length, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/**
 * Guesses the container from magic bytes. Used to tell "not a video at all" (ERR_NON_VIDEO) from
 * "a video file that is broken" (ERR_MALFORMED_VIDEO), and in degraded mode where there is no
 * ffprobe to ask.
 */
export function sniffContainer(head: Buffer): Container {
  if (head.length >= 12 && head.toString("latin1", 4, 8) === "ftyp") return "mp4";
  if (
    head.length >= 8 &&
    ["moov", "mdat", "wide", "free", "skip"].includes(head.toString("latin1", 4, 8))
  )
    return "mp4";
  if (head.length >= 4 && head.readUInt32BE(0) === 0x1a45dfa3) return "webm";
  if (
    head.length >= 12 &&
    head.toString("latin1", 0, 4) === "RIFF" &&
    head.toString("latin1", 8, 11) === "AVI"
  )
    return "avi";
  if (head.length >= 3 && head.toString("latin1", 0, 3) === "FLV") return "flv";
  if (head.length >= 4 && head.toString("latin1", 0, 4) === "OggS") return "ogg";
  if (head.length >= 4 && head.readUInt32BE(0) === 0x000001ba) return "mpegps";
  if (head.length >= 16 && head.readUInt32BE(0) === 0x3026b275) return "asf";
  if (head.length >= 377 && head[0] === 0x47 && head[188] === 0x47 && head[376] === 0x47)
    return "mpegts";
  return "unknown";
}

export function containerContentType(container: Container): string {
  switch (container) {
    case "mp4":
      return "video/mp4";
    case "webm":
      return "video/webm";
    case "ogg":
      return "video/ogg";
    case "mpegts":
      return "video/mp2t";
    default:
      return "application/octet-stream";
  }
}
