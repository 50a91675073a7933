import { mkdtemp, rm } from "node:fs/promises";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { createStreamClient, type StreamClient, type Video } from "@streamkit/core";
import { type EmulatorOptions, type RunningEmulator, startEmulator } from "@streamkit/emulator";
import { createStreamProxy, type StreamProxy, type StreamProxyOptions } from "@streamkit/proxy";
import { toNodeHandler } from "@streamkit/proxy/node";
import { multipartFile } from "./multipart";

export interface StackOptions {
  /** Emulator options over the stack's own (port 0, no samples, no log, a fresh data folder). */
  emulator?: Partial<EmulatorOptions>;
  /** Proxy options over the stack's own (the emulator's account, token and API, `/api/stream`). */
  proxy?: Partial<StreamProxyOptions>;
  /** The proxy's upstream; the emulator's `apiBase` (which follows `publicUrl`) unless given. */
  upstream?: string;
  /**
   * Subscribe the emulator's webhook to this path of the proxy's server and give the proxy the
   * secret it answers with: the whole chain, webhook included.
   */
  webhookPath?: string;
  /**
   * Send the emulator's live input notifications to this path of the proxy's server, with a
   * destination secret the proxy is given as `liveNotificationSecret`.
   */
  liveNotificationPath?: string;
}

/** The Notifications destination secret of a stack with `liveNotificationPath`. */
export const STACK_LIVE_NOTIFICATION_SECRET = "stack-live-notification-secret";

export interface Stack {
  emulator: RunningEmulator;
  proxy: StreamProxy;
  /** `http://127.0.0.1:<port>`: the proxy's server. */
  origin: string;
  /** `${origin}/api/stream`: the proxy, as the browser would see it. */
  baseUrl: string;
  client: StreamClient;
  dataDir: string;
  /** `METHOD path` of every request the proxy's server received. */
  proxyRequests: string[];
  /** A call straight to the emulator's API with the token, as your server code would make. */
  admin(method: string, path: string, body?: unknown): Promise<Response>;
  /** Where the emulator keeps `uid`, and its uploaded original. */
  videoDir(uid: string): string;
  sourcePath(uid: string): string;
  /** A new video waiting for its bytes (`pendingupload`), and how to send them. */
  createUpload(): Promise<{ uid: string; send(bytes: Uint8Array): Promise<void> }>;
  /** Uploads `bytes` as a new video through a one-time direct upload URL; returns its uid. */
  upload(bytes: Uint8Array): Promise<string>;
  /** Polls through the proxy until `until` holds. */
  waitFor(uid: string, until: (video: Video) => boolean, timeoutMs?: number): Promise<Video>;
  stop(): Promise<void>;
}

/** Two renditions, as the upload tests check what plays. */
export const UPLOAD_STACK: StackOptions = {
  emulator: { processing: { ladder: [360, 180], preset: "ultrafast" } },
};

/** For captions and downloads: quick generated captions, one small rendition. */
export const MEDIA_STACK: StackOptions = {
  emulator: { processing: { ladder: [180], preset: "ultrafast", captionDelayMs: 600 } },
};

/** The real emulator, and the real proxy in front of it on a node:http server, both on loopback. */
export async function startStack(options: StackOptions = {}): Promise<Stack> {
  const dataDir =
    options.emulator?.dataDir ?? (await mkdtemp(path.join(tmpdir(), "streamkit-stack-")));
  // The server listens first: the emulator's live notifications and the webhook subscription
  // need its URL before the proxy exists.
  const proxyRequests: string[] = [];
  let handle: (req: IncomingMessage, res: ServerResponse) => void = (_req, res) => res.end();
  const server = createServer((req, res) => {
    proxyRequests.push(`${req.method} ${req.url}`);
    handle(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const live = options.liveNotificationPath
    ? {
        live: {
          ...options.emulator?.live,
          notifications: {
            url: `${origin}${options.liveNotificationPath}`,
            secret: STACK_LIVE_NOTIFICATION_SECRET,
          },
        },
      }
    : {};

  let emulator: RunningEmulator;
  try {
    emulator = await startEmulator({
      port: 0,
      samples: false,
      log: false,
      processing: { ladder: [180], preset: "ultrafast" },
      ...options.emulator,
      ...live,
      dataDir,
    });
  } catch (error) {
    await new Promise((resolve) => server.close(resolve));
    throw error;
  }
  const api = `${emulator.apiBase}/accounts/${emulator.accountId}/stream`;
  const admin: Stack["admin"] = (method, route, body) =>
    fetch(`${api}${route}`, {
      method,
      headers: { authorization: `Bearer ${emulator.token}`, "content-type": "application/json" },
      body: body === undefined ? null : JSON.stringify(body),
    });

  let webhookSecret: string | undefined;
  if (options.webhookPath) {
    const subscription = await admin("PUT", "/webhook", {
      notificationUrl: `${origin}${options.webhookPath}`,
    });
    webhookSecret = ((await subscription.json()) as { result: { secret: string } }).result.secret;
  }
  const proxy = createStreamProxy({
    accountId: emulator.accountId,
    apiToken: emulator.token,
    upstream: options.upstream ?? emulator.apiBase,
    basePath: "/api/stream",
    ...(webhookSecret ? { webhookSecret } : {}),
    ...(options.liveNotificationPath
      ? { liveNotificationSecret: STACK_LIVE_NOTIFICATION_SECRET }
      : {}),
    ...options.proxy,
  });
  const toApi = toNodeHandler(proxy);
  const toWebhook = toNodeHandler(proxy.handleWebhook);
  const toLiveNotification = toNodeHandler(proxy.handleLiveNotification);
  handle = (req, res) =>
    options.webhookPath && req.url === options.webhookPath
      ? toWebhook(req, res)
      : options.liveNotificationPath && req.url === options.liveNotificationPath
        ? toLiveNotification(req, res)
        : toApi(req, res);

  const baseUrl = `${origin}/api/stream`;
  const client = createStreamClient({ baseUrl });
  const videoDir = (uid: string) => path.join(dataDir, "videos", uid);

  const createUpload: Stack["createUpload"] = async () => {
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
      async send(bytes) {
        const sent = await fetch(uploadURL, multipartFile(bytes));
        if (sent.status !== 200) throw new Error(`upload failed: ${await sent.text()}`);
      },
    };
  };

  return {
    emulator,
    proxy,
    origin,
    baseUrl,
    client,
    dataDir,
    proxyRequests,
    admin,
    videoDir,
    sourcePath: (uid) => path.join(videoDir(uid), "source"),
    createUpload,
    async upload(bytes) {
      const { uid, send } = await createUpload();
      await send(bytes);
      return uid;
    },
    async waitFor(uid, until, timeoutMs = 60_000) {
      const deadline = Date.now() + timeoutMs;
      let last: Video | undefined;
      while (Date.now() < deadline) {
        last = await client.getVideo(uid);
        if (until(last)) return last;
        await new Promise((resolve) => setTimeout(resolve, 100));
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
