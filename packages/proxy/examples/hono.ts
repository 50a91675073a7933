import { createStreamProxy } from "@streamkit/proxy";
import { Hono } from "hono";
import { currentUser } from "./session";

const proxy = createStreamProxy({
  accountId: process.env.CLOUDFLARE_ACCOUNT_ID!,
  apiToken: process.env.CLOUDFLARE_STREAM_TOKEN!,
  upstream: process.env.STREAM_API_BASE,
  basePath: "/api/stream",
  webhookSecret: process.env.CLOUDFLARE_STREAM_WEBHOOK_SECRET,
  authorize: async (request) => (await currentUser(request)) !== null,
  creatorScope: async (request) => (await currentUser(request))?.id,
});

export const app = new Hono();
app.post("/webhooks/stream", (c) => proxy.handleWebhook(c.req.raw));
app.all("/api/stream", (c) => proxy.fetch(c.req.raw));
app.all("/api/stream/*", (c) => proxy.fetch(c.req.raw));
