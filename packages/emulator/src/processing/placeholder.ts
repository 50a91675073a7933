import { deflateSync } from "node:zlib";

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(data: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of data) crc = (CRC_TABLE[(crc ^ byte) & 0xff] ?? 0) ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** Two colours from the uid, so different videos get visibly different placeholders. */
function palette(seed: string): [number[], number[]] {
  let h = 0;
  for (const ch of seed) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  const hue = h % 360;
  const rgb = (l: number): number[] => {
    const a = 0.45 * Math.min(l, 1 - l);
    const f = (n: number) => {
      const k = (n + hue / 30) % 12;
      return Math.round(255 * (l - a * Math.max(-1, Math.min(k - 3, 9 - k, 1))));
    };
    return [f(0), f(8), f(4)];
  };
  return [rgb(0.3), rgb(0.6)];
}

/**
 * A PNG placeholder of the requested size: a diagonal gradient with a play triangle. Degraded mode
 * (no ffmpeg) serves it for every thumbnail; browsers show it whatever the URL's extension.
 */
export function placeholderPng(width: number, height: number, seed: string): Buffer {
  const w = Math.max(1, Math.min(4096, Math.round(width)));
  const h = Math.max(1, Math.min(4096, Math.round(height)));
  const [dark, light] = palette(seed);
  const raw = Buffer.alloc((w * 3 + 1) * h);
  const cx = w / 2;
  const cy = h / 2;
  const r = Math.min(w, h) / 5;
  for (let y = 0; y < h; y++) {
    const row = y * (w * 3 + 1);
    raw[row] = 0; // filter: none
    for (let x = 0; x < w; x++) {
      const t = (x / w + y / h) / 2;
      // Play triangle pointing right, centred.
      const inTriangle =
        x >= cx - r * 0.6 && x <= cx + r && Math.abs(y - cy) <= ((cx + r - x) / (1.6 * r)) * r;
      for (let c = 0; c < 3; c++) {
        const value = inTriangle ? 245 : Math.round((dark[c] ?? 0) * (1 - t) + (light[c] ?? 0) * t);
        raw[row + 1 + x * 3 + c] = value;
      }
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(w, 0);
  header.writeUInt32BE(h, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // truecolour RGB
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(raw)),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}
