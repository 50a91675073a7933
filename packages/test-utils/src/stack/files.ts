import { execFile } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { createReadStream, openAsBlob } from "node:fs";
import { appendFile, readFile, stat } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import type { Stack } from "./stack";

const run = promisify(execFile);

/**
 * A real MP4 (ffmpeg's test pattern, `seconds` long) padded with a top-level `free` box to
 * exactly `bytes`: ffprobe and ffmpeg read it as the video it starts with, and every byte of the
 * padding is random, so a misplaced byte changes the sha256.
 */
export async function makeVideoFile(
  dir: string,
  name: string,
  bytes: number,
  seconds = 2,
): Promise<string> {
  const target = path.join(dir, name);
  await run("ffmpeg", [
    ...["-v", "error", "-y", "-f", "lavfi"],
    ...["-i", `testsrc=duration=${seconds}:size=320x180:rate=15`],
    ...["-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p"],
    ...["-movflags", "+faststart", target],
  ]);
  const size = (await stat(target)).size;
  const padding = bytes - size;
  if (padding < 8) throw new Error(`the video alone is ${size} bytes, more than ${bytes}`);
  const header = Buffer.alloc(8);
  header.writeUInt32BE(padding, 0);
  header.write("free", 4, "latin1");
  await appendFile(target, header);
  const piece = 4 * 1024 * 1024;
  for (let left = padding - 8; left > 0; left -= piece) {
    await appendFile(target, randomBytes(Math.min(piece, left)));
  }
  return target;
}

/** A `File` backed by the file on disk (Node's `openAsBlob`): nothing is read into memory. */
export async function fileFromDisk(
  filePath: string,
  type = "video/mp4",
  lastModified = 1_700_000_000_000,
): Promise<File> {
  const blob = await openAsBlob(filePath, { type });
  return new File([blob], path.basename(filePath), { type, lastModified });
}

export function sha256File(filePath: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash("sha256");
    createReadStream(filePath)
      .on("data", (chunk) => hash.update(chunk))
      .on("end", () => resolve(hash.digest("hex")))
      .on("error", reject);
  });
}

/** The emulator's own tiny sample: a video that processes in a moment. */
export async function tinyVideo(stack: Pick<Stack, "emulator">): Promise<Uint8Array> {
  const tiny = await fetch(`${stack.emulator.url}/samples/tiny.mp4`);
  return new Uint8Array(await tiny.arrayBuffer());
}

/** An MP4 long enough for a download export to report progress (the tiny sample without ffmpeg). */
export async function sampleVideo(stack: Pick<Stack, "emulator" | "dataDir">): Promise<Uint8Array> {
  if (stack.emulator.degraded) return tinyVideo(stack);
  const file = path.join(stack.dataDir, "sample-8s.mp4");
  await run("ffmpeg", [
    ...["-hide_banner", "-loglevel", "error", "-y"],
    ...["-f", "lavfi", "-i", "testsrc2=duration=8:size=640x360:rate=30"],
    ...["-f", "lavfi", "-i", "sine=frequency=440:duration=8"],
    ...["-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p"],
    ...["-c:a", "aac", "-shortest", file],
  ]);
  return new Uint8Array(await readFile(file));
}
