import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { createReadStream, openAsBlob } from "node:fs";
import { appendFile, mkdtemp, rm, stat } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import { connect, createServer as createTcpServer, type Server as TcpServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { createStreamClient, type StreamClient, type Video } from "@streamkit/core";
import { type EmulatorOptions, type RunningEmulator, startEmulator } from "@streamkit/emulator";
import { createStreamProxy } from "@streamkit/proxy";
import { toNodeHandler } from "@streamkit/proxy/node";

const run = promisify(execFile);

export interface UploadStack {
  emulator: RunningEmulator;
  /** `http://127.0.0.1:<port>/api/stream`: the proxy, as the browser would see it. */
  baseUrl: string;
  client: StreamClient;
  /** `METHOD path` of every request the proxy received. */
  proxyRequests: string[];
  /** Where the emulator keeps the uploaded original of `uid`. */
  sourcePath(uid: string): string;
  videoDir(uid: string): string;
  /** Polls through the proxy until `until` holds. */
  waitFor(uid: string, until: (video: Video) => boolean, timeoutMs?: number): Promise<Video>;
  stop(): Promise<void>;
}

function listen(server: Server | TcpServer): Promise<number> {
  return new Promise((resolve) => {
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      resolve(typeof address === "object" && address ? address.port : 0);
    });
  });
}

/** The emulator, and the proxy in front of it on a node:http server, both on loopback. */
export async function startUploadStack(
  options: Partial<EmulatorOptions> = {},
  /** The proxy's upstream; defaults to the emulator's `apiBase` (which follows `publicUrl`). */
  upstream?: string,
): Promise<UploadStack> {
  const dataDir = options.dataDir ?? (await mkdtemp(path.join(tmpdir(), "streamkit-upload-")));
  const emulator = await startEmulator({
    port: 0,
    samples: false,
    log: false,
    processing: { ladder: [360, 180], preset: "ultrafast" },
    ...options,
    dataDir,
  });
  const proxy = createStreamProxy({
    accountId: emulator.accountId,
    apiToken: emulator.token,
    upstream: upstream ?? emulator.apiBase,
    basePath: "/api/stream",
  });
  const proxyRequests: string[] = [];
  const handler = toNodeHandler(proxy);
  const server = createServer((req, res) => {
    proxyRequests.push(`${req.method} ${req.url}`);
    handler(req, res);
  });
  const port = await listen(server);
  const baseUrl = `http://127.0.0.1:${port}/api/stream`;
  const client = createStreamClient({ baseUrl });
  const videoDir = (uid: string) => path.join(dataDir, "videos", uid);
  return {
    emulator,
    baseUrl,
    client,
    proxyRequests,
    videoDir,
    sourcePath: (uid) => path.join(videoDir(uid), "source"),
    async waitFor(uid, until, timeoutMs = 60_000) {
      const deadline = Date.now() + timeoutMs;
      let last: Video | undefined;
      while (Date.now() < deadline) {
        last = await client.getVideo(uid);
        if (until(last)) return last;
        await new Promise((resolve) => setTimeout(resolve, 150));
      }
      throw new Error(`timed out waiting for ${uid}: ${JSON.stringify(last?.status)}`);
    },
    async stop() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await emulator.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

export interface Relay {
  port: number;
  /** Connections cut so far. */
  cuts: number;
  /** Points the relay at its target (the emulator starts after the relay, to learn its URL). */
  target: number;
  /** Drops every connection, open or new, until called with false: the network is gone. */
  setDown(down: boolean): void;
  close(): Promise<void>;
}

/**
 * A loopback TCP relay that breaks connections: the first `cuts` connections that carry more
 * than `cutAfterBytes` towards the server are destroyed on both sides, mid-request, as a
 * dropped Wi-Fi would. Everything else is passed through with backpressure.
 */
export async function startRelay({
  cutAfterBytes,
  cuts,
}: {
  cutAfterBytes: number;
  cuts: number;
}): Promise<Relay> {
  const sockets = new Set<{ destroy(): void }>();
  let down = false;
  const relay: Relay = {
    port: 0,
    cuts: 0,
    target: 0,
    setDown(value) {
      down = value;
      if (down) for (const socket of sockets) socket.destroy();
    },
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
  const server = createTcpServer((client) => {
    if (down) {
      client.destroy();
      return;
    }
    const upstream = connect(relay.target, "127.0.0.1");
    sockets.add(client);
    sockets.add(upstream);
    let carried = 0;
    const drop = () => {
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    client.on("data", (chunk: Buffer) => {
      carried += chunk.length;
      if (relay.cuts < cuts && carried > cutAfterBytes) {
        relay.cuts += 1;
        drop();
        return;
      }
      if (!upstream.write(chunk)) {
        client.pause();
        upstream.once("drain", () => client.resume());
      }
    });
    upstream.pipe(client);
    client.on("end", () => upstream.end());
    client.on("error", drop);
    upstream.on("error", drop);
    client.on("close", drop);
    upstream.on("close", drop);
  });
  relay.port = await listen(server);
  return relay;
}

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
    "-v",
    "error",
    "-y",
    "-f",
    "lavfi",
    "-i",
    `testsrc=duration=${seconds}:size=320x180:rate=15`,
    "-c:v",
    "libx264",
    "-preset",
    "ultrafast",
    "-pix_fmt",
    "yuv420p",
    "-movflags",
    "+faststart",
    target,
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
    const { randomBytes } = await import("node:crypto");
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
