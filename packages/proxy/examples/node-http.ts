import { createServer } from "node:http";
import { createStreamProxy } from "@streamkit/proxy";
import { toNodeHandler } from "@streamkit/proxy/node";
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
const api = toNodeHandler(proxy);
const webhook = toNodeHandler(proxy.handleWebhook);

export const server = createServer((req, res) => {
  if (req.url === "/webhooks/stream") return webhook(req, res);
  if (req.url?.startsWith("/api/stream")) return api(req, res);
  res.writeHead(404).end();
});

// server.listen(3000);
