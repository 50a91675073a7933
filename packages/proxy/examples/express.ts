import { createStreamProxy } from "@streamkit/proxy";
import { expressHandler } from "@streamkit/proxy/node";
import express from "express";
import { currentUser } from "./session";

export function createApp(): express.Express {
  const proxy = createStreamProxy({
    accountId: process.env.CLOUDFLARE_ACCOUNT_ID!,
    apiToken: process.env.CLOUDFLARE_STREAM_TOKEN!,
    upstream: process.env.STREAM_API_BASE,
    basePath: "/api/stream",
    webhookSecret: process.env.CLOUDFLARE_STREAM_WEBHOOK_SECRET,
    authorize: async (request) => (await currentUser(request)) !== null,
    creatorScope: async (request) => (await currentUser(request))?.id,
  });
  const app = express();
  // Before any body parser: the proxy reads bodies itself, and webhooks must arrive unparsed.
  app.post("/webhooks/stream", expressHandler(proxy.handleWebhook));
  app.use(expressHandler(proxy)); // serves /api/stream/*, passes everything else on
  app.use(express.json());
  app.get("/health", (_req, res) => {
    res.json({ ok: true });
  });
  return app;
}

// createApp().listen(3000);
