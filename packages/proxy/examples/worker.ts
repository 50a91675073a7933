import { createStreamProxy, type StreamProxy } from "@streamkit/proxy";
import { currentUser } from "./session";

export interface Env {
  CLOUDFLARE_ACCOUNT_ID: string;
  CLOUDFLARE_STREAM_TOKEN: string; // wrangler secret put CLOUDFLARE_STREAM_TOKEN
  CLOUDFLARE_STREAM_WEBHOOK_SECRET: string;
  STREAM_API_BASE?: string;
}

// Secrets arrive with the first request; the proxy (and its event bus) then lives as long as the isolate.
let proxy: StreamProxy | undefined;
function streamProxy(env: Env): StreamProxy {
  proxy ??= createStreamProxy({
    accountId: env.CLOUDFLARE_ACCOUNT_ID,
    apiToken: env.CLOUDFLARE_STREAM_TOKEN,
    upstream: env.STREAM_API_BASE,
    basePath: "/api/stream",
    webhookSecret: env.CLOUDFLARE_STREAM_WEBHOOK_SECRET,
    authorize: async (request) => (await currentUser(request)) !== null,
    creatorScope: async (request) => (await currentUser(request))?.id,
  });
  return proxy;
}

export default {
  fetch(request: Request, env: Env): Promise<Response> {
    const { pathname } = new URL(request.url);
    if (pathname === "/webhooks/stream") return streamProxy(env).handleWebhook(request);
    return streamProxy(env).fetch(request);
  },
};
