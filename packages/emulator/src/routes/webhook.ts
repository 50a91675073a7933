import { randomBytes } from "node:crypto";
import type { Hono } from "hono";
import type { WebhookSubscription } from "../account";
import type { EmulatorContext } from "../context";
import { badRequest, notFound, ok } from "../envelope";
import { Fields, readJsonObject } from "../http/body";
import { API } from "../http/lookup";

const view = (s: WebhookSubscription) => ({
  notificationUrl: s.notificationUrl,
  notification_url: s.notificationUrl,
  modified: s.modified,
  secret: s.secret,
});

/**
 * The account's single webhook subscription (§3.14). Unlike Cloudflare, localhost and private
 * addresses are accepted: the emulator is a local tool and its receivers are local too.
 */
export function registerWebhookRoutes(app: Hono, ctx: EmulatorContext): void {
  app.get(`${API}/webhook`, (c) => {
    const subscription = ctx.account.webhook;
    if (!subscription) throw notFound("No webhook subscription; create one with PUT.");
    return ok(c, view(subscription));
  });

  app.put(`${API}/webhook`, async (c) => {
    const fields = new Fields(await readJsonObject(c));
    const url = fields.string("notificationUrl", 2048) ?? fields.string("notification_url", 2048);
    if (!url) throw badRequest("notificationUrl: the URL to notify is required.");
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw badRequest(`notificationUrl: ${JSON.stringify(url)} is not a valid URL.`);
    }
    if (parsed.protocol !== "http:" && parsed.protocol !== "https:")
      throw badRequest("notificationUrl: must be http(s).");
    const subscription: WebhookSubscription = {
      notificationUrl: url,
      modified: new Date().toISOString(),
      secret: randomBytes(16).toString("hex"),
    };
    await ctx.account.setWebhook(subscription);
    return ok(c, view(subscription));
  });

  app.delete(`${API}/webhook`, async (c) => {
    if (!ctx.account.webhook) throw notFound("No webhook subscription.");
    await ctx.account.setWebhook(null);
    return ok(c, "ok");
  });
}
