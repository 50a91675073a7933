// One proxy instance in a process of its own, so its memory per SSE subscriber can be measured:
// `tsx --conditions=@streamkit/source --expose-gc bench/fanoutServer.ts`. It prints its port,
// then answers one JSON line per command read on stdin:
//   `memory` → { rss, heapUsed } after a GC;  `publish <n>` → { ms } to publish n events.
// `STREAMKIT_BENCH_UPSTREAM` is the Stream API it forwards to (a stub in the parent process).
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { createInterface } from "node:readline";
import type { Video } from "@streamkit/core";
import { createMemoryEventBus, createStreamProxy } from "@streamkit/proxy";
import { toNodeHandler } from "@streamkit/proxy/node";

const bus = createMemoryEventBus();
const proxy = createStreamProxy({
  accountId: "023e105f4ecef8ad9ca31a8372d0c353",
  apiToken: "never-used",
  upstream: process.env.STREAMKIT_BENCH_UPSTREAM ?? "http://127.0.0.1:9/client/v4",
  basePath: "/api/stream",
  events: bus,
  // The benchmark measures delivery, not idle keep-alives.
  sse: { heartbeatMs: 600_000 },
});
const server = createServer(toNodeHandler(proxy));
server.maxConnections = 100_000;
await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
console.log(JSON.stringify({ port: (server.address() as AddressInfo).port }));

// A realistic webhook body: a ready video as Cloudflare sends it, about 1 KB of JSON.
const video = (n: number) =>
  ({
    uid: n.toString(16).padStart(32, "0"),
    creator: null,
    readyToStream: true,
    status: { state: "ready", pctComplete: "100.000000", errorReasonCode: "", errorReasonText: "" },
    meta: { name: `video ${n}.mp4` },
    duration: 60,
    input: { width: 1920, height: 1080 },
    playback: {
      hls: `https://customer-x.cloudflarestream.com/${n}/manifest/video.m3u8`,
      dash: `https://customer-x.cloudflarestream.com/${n}/manifest/video.mpd`,
    },
    thumbnail: `https://customer-x.cloudflarestream.com/${n}/thumbnails/thumbnail.jpg`,
    created: "2026-12-07T00:00:00.000000Z",
    modified: "2026-12-07T00:00:00.000000Z",
  }) as unknown as Video;

let published = 0;
for await (const line of createInterface({ input: process.stdin })) {
  const [command, arg] = line.trim().split(" ");
  if (command === "memory") {
    globalThis.gc?.();
    const { rss, heapUsed } = process.memoryUsage();
    console.log(JSON.stringify({ rss, heapUsed, subscribers: bus.size }));
  } else if (command === "publish") {
    const start = performance.now();
    for (let i = 0; i < Number(arg); i++) {
      published++;
      bus.publish({ id: `${published}-${published}`, video: video(published) });
    }
    console.log(JSON.stringify({ ms: performance.now() - start }));
  } else if (command === "exit") {
    break;
  }
}
server.closeAllConnections();
server.close();
