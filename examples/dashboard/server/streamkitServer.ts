import type { IncomingMessage, ServerResponse } from "node:http";
import { createStreamProxy } from "@streamkit/proxy";
import { toNodeHandler } from "@streamkit/proxy/node";
import type { Plugin } from "vite";
import type { DashboardConfig } from "./config";

export const API_BASE = "/api/stream";
export const WEBHOOK_PATH = "/api/stream-webhook";
export const LIVE_NOTIFICATION_PATH = "/api/stream-live-notification";

/**
 * The dashboard's backend, mounted in Vite's dev and preview servers: the Stream proxy at
 * /api/stream, the webhook receiver, the live notification receiver, and /api/samples. This is the part of an app that a real
 * deployment would put in its own server (see @streamkit/proxy's README for Next.js and Workers).
 */
export function streamkitServer(config: DashboardConfig): Plugin {
  const proxy = createStreamProxy({
    accountId: config.accountId,
    apiToken: config.apiToken,
    upstream: config.upstream,
    basePath: API_BASE,
    webhookSecret: config.webhookSecret,
    liveNotificationSecret: config.liveNotificationSecret,
    signingKey: config.signingKey,
    // The dashboard has one local user and no sign-in, so that user may manage watermark
    // profiles; an app with accounts answers from its session here (see the proxy's README).
    isAdmin: () => true,
    onError: (error) => console.error("[stream proxy]", error),
  });
  const api = toNodeHandler(proxy);
  const webhook = toNodeHandler(proxy.handleWebhook);
  const liveNotification = toNodeHandler(proxy.handleLiveNotification);

  async function samples(res: ServerResponse) {
    res.setHeader("content-type", "application/json");
    if (!config.samplesUrl) return res.end("[]");
    try {
      const answer = await fetch(config.samplesUrl);
      res.end(await answer.text());
    } catch {
      res.end("[]");
    }
  }

  const middleware = (req: IncomingMessage, res: ServerResponse, next: () => void) => {
    const path = (req.url ?? "").split("?")[0] ?? "";
    if (path === WEBHOOK_PATH) return webhook(req, res);
    if (path === LIVE_NOTIFICATION_PATH) return liveNotification(req, res);
    if (path === "/api/samples") return void samples(res);
    if (path === API_BASE || path.startsWith(`${API_BASE}/`)) return api(req, res);
    next();
  };

  return {
    name: "streamkit-server",
    configureServer(server) {
      server.middlewares.use(middleware);
    },
    configurePreviewServer(server) {
      server.middlewares.use(middleware);
    },
  };
}
