import { createServer } from "node:http";
import { createStreamProxy } from "@streamkit/proxy";
import { toNodeHandler } from "@streamkit/proxy/node";
import { createRedisEventBus } from "@streamkit/proxy/redis";
import { Redis } from "ioredis";
import { currentUser } from "./session";

/** One instance of the app: run as many as you like behind a load balancer, on one Redis. */
export function createInstance() {
  const redis = new Redis(process.env.REDIS_URL ?? "redis://127.0.0.1:6379", {
    maxRetriesPerRequest: 3, // how long a webhook's publish waits while Redis is away
  });
  const events = createRedisEventBus({
    redis,
    onError: (error) => console.warn(error.message), // reconnects, foreign messages
  });
  const proxy = createStreamProxy({
    accountId: process.env.CLOUDFLARE_ACCOUNT_ID!,
    apiToken: process.env.CLOUDFLARE_STREAM_TOKEN!,
    upstream: process.env.STREAM_API_BASE,
    basePath: "/api/stream",
    webhookSecret: process.env.CLOUDFLARE_STREAM_WEBHOOK_SECRET,
    authorize: async (request) => (await currentUser(request)) !== null,
    creatorScope: async (request) => (await currentUser(request))?.id,
    events,
  });
  const api = toNodeHandler(proxy);
  const webhook = toNodeHandler(proxy.handleWebhook);
  const server = createServer((req, res) => {
    if (req.url === "/webhooks/stream") return webhook(req, res);
    if (req.url?.startsWith("/api/stream")) return api(req, res);
    res.writeHead(404).end();
  });
  // Once the server stops, the bus's subscriber and the client let go of Redis.
  server.on("close", () => void events.close().finally(() => redis.disconnect()));
  return server;
}

// createInstance().listen(Number(process.env.PORT ?? 3000));
