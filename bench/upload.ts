import { execFile, spawn } from "node:child_process";
import { createReadStream, createWriteStream } from "node:fs";
import { mkdtemp, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { pipeline } from "node:stream/promises";
import { promisify } from "node:util";
import { makeVideoFile, sha256File, startStack } from "@streamkit/test-utils/stack";

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, "..");
const MB = 1_000_000;

export interface UploadFigures {
  /** Our engine's throughput over curl's, for the same tus PATCHes to the same emulator. */
  ratio: number;
  engineMBps: number;
  curlMBps: number;
  /** Resident memory high-water mark of the uploading process, MB. */
  peakRssMB: number;
  /** Of which the upload added, MB (peak minus the process at rest before it). */
  rssGrowthMB: number;
}

interface ChildResult {
  uid: string;
  ms: number;
  baselineRssMB: number;
  peakRssMB: number;
  vmHwmMB: number;
}

/** Runs bench/uploadChild.ts in its own Node process (tsx, source condition). */
async function engineUpload(baseUrl: string, file: string, chunk: number): Promise<ChildResult> {
  const tsx = path.join(root, "node_modules/.bin/tsx");
  const { stdout } = await run(
    tsx,
    [
      "--conditions=@streamkit/source",
      "--expose-gc",
      path.join(root, "bench/uploadChild.ts"),
      baseUrl,
      file,
      String(chunk),
    ],
    { cwd: root, maxBuffer: 1 << 20 },
  );
  return JSON.parse(stdout.trim().split("\n").at(-1) ?? "{}") as ChildResult;
}

/** The file cut into the chunks curl sends, one file each (written before any clock starts). */
async function splitFile(file: string, chunk: number, dir: string): Promise<string[]> {
  const size = (await stat(file)).size;
  const parts: string[] = [];
  for (let offset = 0, i = 0; offset < size; offset += chunk, i++) {
    const part = path.join(dir, `part-${i}`);
    await pipeline(
      createReadStream(file, { start: offset, end: Math.min(size, offset + chunk) - 1 }),
      createWriteStream(part),
    );
    parts.push(part);
  }
  return parts;
}

function curl(args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn("curl", args, { stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    let err = "";
    child.stdout.on("data", (d: Buffer) => (out += d));
    child.stderr.on("data", (d: Buffer) => (err += d));
    child.on("error", reject);
    child.on("close", (code) =>
      code === 0 ? resolve(out) : reject(new Error(`curl exited ${code}: ${err}`)),
    );
  });
}

/**
 * curl doing what the engine does: the tus creation through the proxy, then one PATCH per chunk
 * on one keep-alive connection (`--next`), each chunk read from its own file with `-T`.
 */
async function curlUpload(baseUrl: string, parts: string[], size: number, chunk: number) {
  const started = performance.now();
  const headers = await curl([
    "-sS",
    "-D",
    "-",
    "-o",
    "/dev/null",
    "-X",
    "POST",
    "-H",
    "Tus-Resumable: 1.0.0",
    "-H",
    `Upload-Length: ${size}`,
    "-H",
    `Upload-Metadata: name ${Buffer.from("curl.mp4").toString("base64")},maxdurationseconds ${Buffer.from("36000").toString("base64")}`,
    baseUrl,
  ]);
  const location = /^location:\s*(\S+)/im.exec(headers)?.[1];
  const uid = /^stream-media-id:\s*(\S+)/im.exec(headers)?.[1];
  if (!location || !uid) throw new Error(`tus creation failed:\n${headers}`);
  const args: string[] = [];
  parts.forEach((part, i) => {
    if (i > 0) args.push("--next");
    args.push(
      "-sS",
      "--fail",
      "-o",
      "/dev/null",
      "-X",
      "PATCH",
      "-T",
      part,
      "-H",
      "Tus-Resumable: 1.0.0",
      "-H",
      "Content-Type: application/offset+octet-stream",
      "-H",
      `Upload-Offset: ${i * chunk}`,
      // curl waits for "100 Continue" on big bodies; browsers and Node do not.
      "-H",
      "Expect:",
      location,
    );
  });
  await curl(args);
  return { uid, ms: performance.now() - started };
}

/**
 * Uploads the same file `runs` times with our engine (in a child process) and with curl, both
 * over tus with the same chunk size to the same emulator on loopback, and keeps each one's best
 * time. Every upload's stored bytes are checked against the source.
 */
export async function measureUpload({
  bytes,
  chunk,
  runs,
}: {
  bytes: number;
  chunk: number;
  runs: number;
}): Promise<UploadFigures> {
  const dir = await mkdtemp(path.join(tmpdir(), "streamkit-bench-upload-"));
  // No ffmpeg: processing the uploads would compete with them for the two cores.
  const stack = await startStack({ emulator: { ffmpegPath: false } });
  try {
    const file = await makeVideoFile(dir, "bench.mp4", bytes);
    const expected = await sha256File(file);
    const parts = await splitFile(file, chunk, dir);
    let engineMs = Number.POSITIVE_INFINITY;
    let curlMs = Number.POSITIVE_INFINITY;
    let peakRssMB = 0;
    let rssGrowthMB = 0;
    for (let i = 0; i < runs; i++) {
      const ours = await engineUpload(stack.baseUrl, file, chunk);
      if ((await sha256File(stack.sourcePath(ours.uid))) !== expected)
        throw new Error("the engine stored different bytes");
      engineMs = Math.min(engineMs, ours.ms);
      peakRssMB = Math.max(peakRssMB, ours.peakRssMB);
      rssGrowthMB = Math.max(rssGrowthMB, ours.peakRssMB - ours.baselineRssMB);
      await stack.client.deleteVideo(ours.uid);

      const theirs = await curlUpload(stack.baseUrl, parts, bytes, chunk);
      if ((await sha256File(stack.sourcePath(theirs.uid))) !== expected)
        throw new Error("curl stored different bytes");
      curlMs = Math.min(curlMs, theirs.ms);
      await stack.client.deleteVideo(theirs.uid);
    }
    const engineMBps = bytes / MB / (engineMs / 1000);
    const curlMBps = bytes / MB / (curlMs / 1000);
    return {
      ratio: engineMBps / curlMBps,
      engineMBps,
      curlMBps,
      peakRssMB,
      rssGrowthMB,
    };
  } finally {
    await stack.stop();
    await rm(dir, { recursive: true, force: true });
  }
}
