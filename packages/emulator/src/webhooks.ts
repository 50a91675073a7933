import { createHmac } from "node:crypto";
import type { AccountStore } from "./account";
import type { ResolvedOptions } from "./options";
import { toVideoJson } from "./records";
import type { VideoStore } from "./store";

/**
 * `Webhook-Signature: time=<unix s>,sig1=<hex HMAC-SHA256(secret string, "<time>.<raw body>")>`,
 * exactly as Cloudflare signs (§4.2). Same algorithm as `signWebhook` in @streamkit/core, done
 * with node:crypto here so that delivery needs no WebCrypto.
 */
export function signatureHeader(
  secret: string,
  rawBody: string,
  time = Math.floor(Date.now() / 1000),
): string {
  const sig1 = createHmac("sha256", secret).update(`${time}.${rawBody}`).digest("hex");
  return `time=${time},sig1=${sig1}`;
}

/** What deliveries work with (the emulator's context fits as it is). */
export interface WebhookDeps {
  store: VideoStore;
  account: Pick<AccountStore, "webhook">;
  options: Pick<ResolvedOptions, "webhooks">;
  /** The public origin, for the URLs in the video JSON. */
  origin(): string;
  shutdown: AbortSignal;
  log(line: string): void;
}

/**
 * Sends the bare video JSON to the subscription when a video reaches `ready` or `error`. A failed
 * delivery is retried after each of `retryDelaysMs`, then dropped. The pending body is kept on the
 * video record, so deliveries interrupted by a restart are resumed.
 */
export class Webhooks {
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly active = new Set<string>();

  constructor(private readonly deps: WebhookDeps) {}

  async notify(uid: string): Promise<void> {
    if (!this.deps.account.webhook) return;
    const record = this.deps.store.get(uid);
    if (!record) return;
    const body = JSON.stringify(toVideoJson(record, this.deps.origin()));
    await this.deps.store.update(uid, (r) => {
      r.webhook = { body, attempts: 0 };
    });
    this.deliver(uid);
  }

  /** Picks up deliveries that were pending when the emulator stopped. */
  resumePending(): void {
    for (const record of this.deps.store.all()) if (record.webhook) this.deliver(record.uid);
  }

  close(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }

  private deliver(uid: string): void {
    if (this.active.has(uid)) return;
    this.active.add(uid);
    void this.attempt(uid)
      .catch((error: unknown) => this.deps.log(`webhook for ${uid} failed: ${String(error)}`))
      .finally(() => this.active.delete(uid));
  }

  private async attempt(uid: string): Promise<void> {
    const pending = this.deps.store.get(uid)?.webhook;
    const subscription = this.deps.account.webhook;
    if (!pending || this.deps.shutdown.aborted) return;
    if (!subscription) {
      await this.deps.store.update(uid, (r) => {
        delete r.webhook;
      });
      return;
    }
    const outcome = await this.post(
      subscription.notificationUrl,
      subscription.secret,
      pending.body,
    );
    if (this.deps.shutdown.aborted) return;
    const { retryDelaysMs } = this.deps.options.webhooks;
    const attempts = pending.attempts + 1;
    if (outcome === "ok" || attempts > retryDelaysMs.length) {
      if (outcome !== "ok")
        this.deps.log(`webhook for ${uid} dropped after ${attempts} attempts (${outcome})`);
      await this.deps.store.update(uid, (r) => {
        delete r.webhook;
      });
      return;
    }
    await this.deps.store.update(uid, (r) => {
      if (r.webhook) r.webhook.attempts = attempts;
    });
    const delay = retryDelaysMs[attempts - 1] ?? 0;
    this.deps.log(`webhook for ${uid} failed (${outcome}); retry ${attempts} in ${delay} ms`);
    await new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        resolve();
      }, delay);
      this.timers.add(timer);
      this.deps.shutdown.addEventListener("abort", () => resolve(), { once: true });
    });
    await this.attempt(uid);
  }

  private async post(url: string, secret: string, body: string): Promise<string> {
    try {
      const response = await fetch(url, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          "user-agent": "streamkit-emulator-webhooks",
          "webhook-signature": signatureHeader(secret, body),
        },
        body,
        signal: AbortSignal.any([
          this.deps.shutdown,
          AbortSignal.timeout(this.deps.options.webhooks.timeoutMs),
        ]),
      });
      await response.body?.cancel().catch(() => {});
      return response.ok ? "ok" : `HTTP ${response.status}`;
    } catch (error) {
      return error instanceof Error ? error.message : String(error);
    }
  }
}
