import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { createStreamClient, type StreamClient, type Video } from "@streamkit/core";
import { type RunningEmulator, startEmulator } from "@streamkit/emulator";
import { createStreamProxy } from "@streamkit/proxy";
import { toNodeHandler } from "@streamkit/proxy/node";

/**
 * The real chain for captions and downloads tests: the emulator, and the proxy in front of it on
 * a node:http server. Used by the node test of the core functions and by the jsdom hook test.
 */
export interface MediaStack {
  emulator: RunningEmulator;
  /** `http://127.0.0.1:<port>/api/stream`, the proxy as a browser sees it. */
  baseUrl: string;
  client: StreamClient;
  /** `METHOD path` of every request the proxy received. */
  proxyRequests: string[];
  /** A new video waiting for its bytes (`pendingupload`), and how to send them. */
  createUpload(): Promise<{ uid: string; send(bytes: Uint8Array): Promise<void> }>;
  /** Uploads `bytes` as a new video through a one-time direct upload URL; returns its uid. */
  upload(bytes: Uint8Array): Promise<string>;
  /** Polls through the proxy until `until` holds. */
  waitFor(uid: string, until: (video: Video) => boolean, timeoutMs?: number): Promise<Video>;
  /** An MP4 long enough for a download export to report progress (the tiny sample without ffmpeg). */
  sampleVideo(): Promise<Uint8Array>;
  stop(): Promise<void>;
}

export async function startMediaStack(): Promise<MediaStack> {
  const dataDir = await mkdtemp(path.join(tmpdir(), "streamkit-media-"));
  const emulator = await startEmulator({
    port: 0,
    dataDir,
    samples: false,
    log: false,
    processing: { ladder: [180], preset: "ultrafast", captionDelayMs: 600 },
  });
  const proxy = createStreamProxy({
    accountId: emulator.accountId,
    apiToken: emulator.token,
    upstream: emulator.apiBase,
    basePath: "/api/stream",
  });
  const proxyRequests: string[] = [];
  const handler = toNodeHandler(proxy);
  const server = createServer((req, res) => {
    proxyRequests.push(`${req.method} ${req.url}`);
    handler(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/stream`;
  const client = createStreamClient({ baseUrl });

  const createUpload: MediaStack["createUpload"] = async () => {
    const created = await fetch(`${baseUrl}/direct_upload`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ maxDurationSeconds: 600 }),
    });
    const { uid, uploadURL } = (
      (await created.json()) as { result: { uid: string; uploadURL: string } }
    ).result;
    return {
      uid,
      async send(bytes: Uint8Array) {
        // Written by hand: a test DOM's FormData does not mix with Node's fetch.
        const boundary = "streamkit-media-boundary";
        const body = Buffer.concat([
          Buffer.from(
            `--${boundary}\r\ncontent-disposition: form-data; name="file"; filename="v.mp4"\r\ncontent-type: video/mp4\r\n\r\n`,
          ),
          bytes,
          Buffer.from(`\r\n--${boundary}--\r\n`),
        ]);
        const sent = await fetch(uploadURL, {
          method: "POST",
          headers: { "content-type": `multipart/form-data; boundary=${boundary}` },
          body,
        });
        if (sent.status !== 200) throw new Error(`upload failed: ${await sent.text()}`);
      },
    };
  };

  return {
    emulator,
    baseUrl,
    client,
    proxyRequests,
    createUpload,
    async upload(bytes) {
      const { uid, send } = await createUpload();
      await send(bytes);
      return uid;
    },
    async waitFor(uid, until, timeoutMs = 45_000) {
      const deadline = Date.now() + timeoutMs;
      let last: Video | undefined;
      while (Date.now() < deadline) {
        last = await client.getVideo(uid);
        if (until(last)) return last;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      throw new Error(`timed out waiting for ${uid}: ${JSON.stringify(last?.status)}`);
    },
    async sampleVideo() {
      if (!emulator.degraded) {
        const file = path.join(dataDir, "sample-8s.mp4");
        await promisify(execFile)("ffmpeg", [
          ...["-hide_banner", "-loglevel", "error", "-y"],
          ...["-f", "lavfi", "-i", "testsrc2=duration=8:size=640x360:rate=30"],
          ...["-f", "lavfi", "-i", "sine=frequency=440:duration=8"],
          ...["-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p"],
          ...["-c:a", "aac", "-shortest", file],
        ]);
        return new Uint8Array(await readFile(file));
      }
      const tiny = await fetch(`${emulator.url}/samples/tiny.mp4`);
      return new Uint8Array(await tiny.arrayBuffer());
    },
    async stop() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await emulator.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
