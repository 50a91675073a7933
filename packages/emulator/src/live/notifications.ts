import type { LiveNotificationTarget, ResolvedOptions } from "../options";

export type LiveEventType =
  | "live_input.connected"
  | "live_input.disconnected"
  | "live_input.errored";

/** Why a broadcast errored, as Notifications words it (`data.live_input_errored`). */
export interface LiveInputErrored {
  error: { code: string; message: string };
  video_codec?: string;
  audio_codec?: string;
}

export interface LiveNotificationDeps {
  options: Pick<ResolvedOptions, "webhooks" | "live">;
  shutdown: AbortSignal;
  log(line: string): void;
}

const TEXT: Record<LiveEventType, string> = {
  "live_input.connected": "connected",
  "live_input.disconnected": "disconnected",
  "live_input.errored": "errored",
};

/**
 * Live input notifications, as Cloudflare Notifications sends them (a different system from the
 * video webhook: its own body, and a shared secret in `cf-webhook-auth` rather than a signature).
 * A failed dispatch is retried after each of `webhooks.retryDelaysMs`, then dropped; pending
 * dispatches live in memory only (a broadcast does not survive a restart either).
 */
export class LiveNotifications {
  private readonly timers = new Set<NodeJS.Timeout>();
  private target: LiveNotificationTarget | undefined;

  constructor(private readonly deps: LiveNotificationDeps) {
    this.target = deps.options.live.notifications;
  }

  /** A new destination (or none) for the notifications from now on; in-flight retries keep theirs. */
  setTarget(target: LiveNotificationTarget | undefined): void {
    this.target = target;
  }

  notify(inputUid: string, eventType: LiveEventType, errored?: LiveInputErrored): void {
    const { target } = this;
    if (!target) return;
    const now = new Date();
    const body = JSON.stringify({
      name: "streamkit emulator",
      text: `Live input ${inputUid} ${TEXT[eventType]}`,
      data: {
        notification_name: "Stream Live Input",
        input_id: inputUid,
        event_type: eventType,
        updated_at: now.toISOString(),
        ...(errored ? { live_input_errored: errored } : {}),
      },
      ts: Math.floor(now.getTime() / 1000),
    });
    void this.attempt(target, body, `${eventType} for ${inputUid}`, 0);
  }

  close(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }

  private async attempt(
    target: LiveNotificationTarget,
    body: string,
    what: string,
    attempts: number,
  ): Promise<void> {
    if (this.deps.shutdown.aborted) return;
    const outcome = await this.post(target, body);
    if (outcome === "ok" || this.deps.shutdown.aborted) return;
    const delays = this.deps.options.webhooks.retryDelaysMs;
    if (attempts >= delays.length) {
      this.deps.log(
        `live notification ${what} dropped after ${attempts + 1} attempts (${outcome})`,
      );
      return;
    }
    const delay = delays[attempts] ?? 0;
    this.deps.log(`live notification ${what} failed (${outcome}); retry in ${delay} ms`);
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      void this.attempt(target, body, what, attempts + 1);
    }, delay);
    this.timers.add(timer);
  }

  private async post(target: LiveNotificationTarget, body: string): Promise<string> {
    try {
      const response = await fetch(target.url, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          "user-agent": "streamkit-emulator-notifications",
          ...(target.secret ? { "cf-webhook-auth": target.secret } : {}),
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
