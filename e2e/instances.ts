import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { createStreamProxy, type StreamProxyOptions } from "../packages/proxy/src/index";
import { toNodeHandler } from "../packages/proxy/src/node";
import { type RunningRedis, startRedis } from "../packages/test-utils/src/stack/redis";
import { serveFixture, type TestEmulator } from "./helpers";

/**
 * Two instances of one app on one redis-server, as behind a load balancer: A receives the
 * emulator's webhooks (its own server), B serves the `instances` page with its proxy on the
 * page's origin. Shared by the cross-instance e2e test and the latency benchmark.
 */
export interface TwoInstances {
  redis: RunningRedis;
  /** A's origin: the webhook receiver is at `${a}/webhook`, its proxy at `${a}/api/stream`. */
  a: string;
  /** The page on instance B. */
  page: string;
  webhookSecret: string;
  /** Every request A's server received, `METHOD path`. */
  aRequests: string[];
  stop(): Promise<void>;
}

export async function startTwoInstances(stream: TestEmulator): Promise<TwoInstances> {
  const redis = await startRedis();
  const { emulator } = stream;
  const proxyOptions = (webhookSecret: string): StreamProxyOptions => ({
    accountId: emulator.accountId,
    apiToken: emulator.token,
    upstream: emulator.apiBase,
    basePath: "/api/stream",
    webhookSecret,
    events: redis.bus(),
  });

  // A listens first: the webhook subscription needs its URL, and the proxies need its secret.
  const aRequests: string[] = [];
  let handleA: (req: IncomingMessage, res: ServerResponse) => void = (_req, res) => {
    res.end();
  };
  const serverA = createServer((req: IncomingMessage, res: ServerResponse) => {
    aRequests.push(`${req.method} ${req.url}`);
    handleA(req, res);
  });
  await new Promise<void>((resolve) => serverA.listen(0, "127.0.0.1", resolve));
  const a = `http://127.0.0.1:${(serverA.address() as AddressInfo).port}`;
  const subscription = await stream.api("/webhook", {
    method: "PUT",
    body: JSON.stringify({ notificationUrl: `${a}/webhook` }),
  });
  const webhookSecret = ((await subscription.json()) as { result: { secret: string } }).result
    .secret;

  const proxyA = createStreamProxy(proxyOptions(webhookSecret));
  const toWebhook = toNodeHandler(proxyA.handleWebhook);
  const toApiA = toNodeHandler(proxyA);
  handleA = (req, res) => (req.url === "/webhook" ? toWebhook(req, res) : toApiA(req, res));

  const toApiB = toNodeHandler(createStreamProxy(proxyOptions(webhookSecret)));
  const page = await serveFixture("instances", {
    middleware: (req, res, next) => (req.url?.startsWith("/api/") ? toApiB(req, res) : next()),
  });

  return {
    redis,
    a,
    page: page.url,
    webhookSecret,
    aRequests,
    async stop() {
      await page.close();
      serverA.closeAllConnections();
      await new Promise((resolve) => serverA.close(resolve));
      await redis.stop(); // closes the buses and their clients
    },
  };
}
