import { type FfmpegTools, run } from "../processing/ffmpeg";

/** The image formats a watermark may be (what Stream's dashboard accepts, and ffmpeg decodes). */
export type ImageType = "png" | "jpeg" | "webp" | "gif";

export interface ImageInfo {
  type: ImageType;
  width: number;
  height: number;
}

/**
 * Reads the format and pixel size from an image's header. Magic bytes alone would take a PNG
 * signature followed by junk; requiring a readable size as well refuses those too, and works
 * without ffprobe (degraded mode). `undefined` means "not an image we accept".
 */
export function readImageInfo(bytes: Buffer): ImageInfo | undefined {
  const info = png(bytes) ?? jpeg(bytes) ?? gif(bytes) ?? webp(bytes);
  return info && info.width > 0 && info.height > 0 ? info : undefined;
}

function png(b: Buffer): ImageInfo | undefined {
  const signature = "89504e470d0a1a0a";
  if (b.length < 24 || b.toString("hex", 0, 8) !== signature) return undefined;
  if (b.toString("latin1", 12, 16) !== "IHDR") return undefined;
  return { type: "png", width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

function gif(b: Buffer): ImageInfo | undefined {
  const magic = b.toString("latin1", 0, 6);
  if (b.length < 10 || (magic !== "GIF87a" && magic !== "GIF89a")) return undefined;
  return { type: "gif", width: b.readUInt16LE(6), height: b.readUInt16LE(8) };
}

/** Walks the JPEG segments to the first start-of-frame marker, which holds the size. */
function jpeg(b: Buffer): ImageInfo | undefined {
  if (b.length < 4 || b[0] !== 0xff || b[1] !== 0xd8 || b[2] !== 0xff) return undefined;
  let at = 2;
  while (at + 9 < b.length) {
    if (b[at] !== 0xff) return undefined;
    const marker = b[at + 1] ?? 0;
    if (marker === 0xff) {
      at++; // fill byte
      continue;
    }
    const length = b.readUInt16BE(at + 2);
    // SOF0..SOF15, except DHT (C4), JPG (C8) and DAC (CC), which share the range.
    if (marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker)) {
      return { type: "jpeg", height: b.readUInt16BE(at + 5), width: b.readUInt16BE(at + 7) };
    }
    at += 2 + length;
  }
  return undefined;
}

function webp(b: Buffer): ImageInfo | undefined {
  if (b.length < 30 || b.toString("latin1", 0, 4) !== "RIFF") return undefined;
  if (b.toString("latin1", 8, 12) !== "WEBP") return undefined;
  const chunk = b.toString("latin1", 12, 16);
  if (chunk === "VP8 ") {
    return {
      type: "webp",
      width: b.readUInt16LE(26) & 0x3fff,
      height: b.readUInt16LE(28) & 0x3fff,
    };
  }
  if (chunk === "VP8L") {
    const bits = b.readUInt32LE(21);
    return { type: "webp", width: (bits & 0x3fff) + 1, height: ((bits >> 14) & 0x3fff) + 1 };
  }
  if (chunk === "VP8X") {
    return { type: "webp", width: b.readUIntLE(24, 3) + 1, height: b.readUIntLE(27, 3) + 1 };
  }
  return undefined;
}

/**
 * A header can be right and the rest junk; with ffmpeg at hand the emulator decodes the image
 * once, as the encoder will have to. Without it (degraded mode) the header check is all there is.
 */
export async function decodesAsImage(
  tools: FfmpegTools | undefined,
  file: string,
): Promise<boolean> {
  if (!tools) return true;
  try {
    await run(
      tools.ffmpeg,
      ["-v", "error", "-xerror", "-i", file, "-frames:v", "1", "-f", "null", "-"],
      {
        timeoutMs: 20_000,
      },
    );
    return true;
  } catch {
    return false;
  }
}
