// lib/stream.ts: one proxy per server process, shared by the route files below.
import { createStreamProxy } from "@streamkit/proxy";
import { currentUser } from "../session";

export const streamProxy = createStreamProxy({
  accountId: process.env.CLOUDFLARE_ACCOUNT_ID!,
  apiToken: process.env.CLOUDFLARE_STREAM_TOKEN!,
  upstream: process.env.STREAM_API_BASE, // unset: Cloudflare; the emulator's apiBase in dev and tests
  basePath: "/api/stream",
  webhookSecret: process.env.CLOUDFLARE_STREAM_WEBHOOK_SECRET,
  authorize: async (request) => (await currentUser(request)) !== null,
  creatorScope: async (request) => (await currentUser(request))?.id,
});
