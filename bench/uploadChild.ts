// One upload in a process of its own, so its memory can be measured: run with
// `tsx --conditions=@streamkit/source bench/uploadChild.ts <proxy baseUrl> <file> <chunk bytes>`.
// Prints one JSON line: { uid, ms, baselineRssMB, peakRssMB }.
import { openAsBlob, readFileSync } from "node:fs";
import path from "node:path";
import { createStreamClient } from "@streamkit/core";
import { createUpload } from "@streamkit/core/upload";

const [baseUrl = "", file = "", chunk = ""] = process.argv.slice(2);
const MB = 1_000_000;

/** The kernel's high-water mark of this process's resident memory. */
const vmHwm = () =>
  Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync("/proc/self/status", "utf8"))?.[1] ?? 0) * 1024;

// A small upload first loads everything (tus-js-client, fetch's connection pool), so the
// baseline below is the process at rest and the timing is not paying for first-use costs.
const client = createStreamClient({ baseUrl });
const warm = await createUpload(new File([new Uint8Array(1024)], "warm-up.mp4"), {
  client,
  protocol: "tus",
  readDuration: false,
}).start();
await client.deleteVideo(warm.uid);
const blob = await openAsBlob(file, { type: "video/mp4" });
const video = new File([blob], path.basename(file), { type: "video/mp4", lastModified: 1 });
globalThis.gc?.();
const baseline = process.memoryUsage().rss;
let peak = baseline;
const sampler = setInterval(() => {
  peak = Math.max(peak, process.memoryUsage().rss);
}, 5);

const started = performance.now();
const result = await createUpload(video, {
  client,
  protocol: "tus",
  chunkSize: Number(chunk),
  resume: false,
  readDuration: false,
  retryDelays: [],
}).start();
const ms = performance.now() - started;
clearInterval(sampler);
peak = Math.max(peak, process.memoryUsage().rss);

console.log(
  JSON.stringify({
    uid: result.uid,
    ms,
    baselineRssMB: baseline / MB,
    peakRssMB: peak / MB,
    vmHwmMB: vmHwm() / MB,
  }),
);
