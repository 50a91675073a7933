import { execFileSync, spawn } from "node:child_process";
import path from "node:path";

/** A solid-colour image made with ffmpeg (`.png`, `.jpg`, `.webp`, `.gif` by the name). */
export function solidImage(dir: string, name: string, color: string, size = "64x64"): string {
  const file = path.join(dir, name);
  execFileSync("ffmpeg", [
    "-v",
    "error",
    "-y",
    "-f",
    "lavfi",
    "-i",
    `color=c=${color}:s=${size}`,
    "-frames:v",
    "1",
    file,
  ]);
  return file;
}

/**
 * The first frame of an image or video (a file, URL or bytes), scaled to `width`×`height` and
 * decoded to RGB24, so pixels of different sources can be compared at the same coordinates.
 * Asynchronous on purpose: a URL may point at the emulator running in this very process.
 */
export function decodeFrame(
  input: string | Buffer,
  width: number,
  height: number,
): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      "ffmpeg",
      [
        "-v",
        "error",
        "-i",
        typeof input === "string" ? input : "pipe:0",
        "-frames:v",
        "1",
        "-vf",
        `scale=${width}:${height}`,
        "-f",
        "rawvideo",
        "-pix_fmt",
        "rgb24",
        "pipe:1",
      ],
      { stdio: ["pipe", "pipe", "pipe"] },
    );
    const out: Buffer[] = [];
    let err = "";
    child.stdout.on("data", (chunk: Buffer) => out.push(chunk));
    child.stderr.on("data", (chunk: Buffer) => {
      err += chunk.toString();
    });
    child.on("error", reject);
    child.on("close", (code) =>
      code === 0 ? resolve(Buffer.concat(out)) : reject(new Error(`ffmpeg ${code}: ${err}`)),
    );
    if (typeof input === "string") child.stdin.end();
    else child.stdin.end(input);
  });
}

export type Rgb = [number, number, number];

/** The mean colour of a rectangle `[x0, x1) × [y0, y1)` of an RGB24 frame `width` wide. */
export function regionMean(
  rgb: Buffer,
  width: number,
  box: { x0: number; y0: number; x1: number; y1: number },
): Rgb {
  const sum: Rgb = [0, 0, 0];
  let n = 0;
  for (let y = box.y0; y < box.y1; y++) {
    for (let x = box.x0; x < box.x1; x++) {
      const at = (y * width + x) * 3;
      sum[0] += rgb[at] ?? 0;
      sum[1] += rgb[at + 1] ?? 0;
      sum[2] += rgb[at + 2] ?? 0;
      n++;
    }
  }
  return sum.map((v) => v / n) as Rgb;
}

export const distance = (a: Rgb, b: Rgb) => Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);
