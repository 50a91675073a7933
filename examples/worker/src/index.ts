import { createStreamProxy, type StreamProxy } from "@streamkit/proxy";
import {
  createDurableObjectEventBus,
  type DurableObjectNamespaceLike,
} from "@streamkit/proxy/durable-object";
import { currentUser } from "./session";

// The Durable Object class must be exported by the Worker's main module (wrangler.jsonc binds it).
export { StreamEventsObject } from "@streamkit/proxy/durable-object";

export interface Env {
  CLOUDFLARE_ACCOUNT_ID: string;
  CLOUDFLARE_STREAM_TOKEN: string; // wrangler secret put CLOUDFLARE_STREAM_TOKEN
  CLOUDFLARE_STREAM_WEBHOOK_SECRET: string; // wrangler secret put, from `streamkit setup`
  CLOUDFLARE_STREAM_SIGNING_KEY_ID?: string;
  CLOUDFLARE_STREAM_SIGNING_KEY_PEM?: string; // wrangler secret put, from `streamkit setup`
  STREAM_API_BASE?: string;
  STREAM_EVENTS: DurableObjectNamespaceLike; // a DurableObjectNamespace
}

// Secrets arrive with the first request; the proxy then lives as long as the isolate. Its event
// bus is the Durable Object, so a webhook any isolate receives reaches every isolate's /events.
let proxy: StreamProxy | undefined;
function streamProxy(env: Env): StreamProxy {
  proxy ??= createStreamProxy({
    accountId: env.CLOUDFLARE_ACCOUNT_ID,
    apiToken: env.CLOUDFLARE_STREAM_TOKEN,
    upstream: env.STREAM_API_BASE,
    basePath: "/api/stream",
    webhookSecret: env.CLOUDFLARE_STREAM_WEBHOOK_SECRET,
    signingKey: env.CLOUDFLARE_STREAM_SIGNING_KEY_ID
      ? { id: env.CLOUDFLARE_STREAM_SIGNING_KEY_ID, pem: env.CLOUDFLARE_STREAM_SIGNING_KEY_PEM! }
      : undefined,
    events: createDurableObjectEventBus(env.STREAM_EVENTS),
    authorize: async (request) => (await currentUser(request)) !== null,
    creatorScope: async (request) => (await currentUser(request))?.id,
    onError: (error) => console.error(error),
  });
  return proxy;
}

export default {
  fetch(request: Request, env: Env): Promise<Response> {
    const { pathname } = new URL(request.url);
    if (pathname === "/webhooks/stream") return streamProxy(env).handleWebhook(request);
    return streamProxy(env).fetch(request); // /api/stream/*, /api/stream/events included
  },
};
