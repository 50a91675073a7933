/**
 * The whole product, started in one process: the emulator (a local Cloudflare Stream), and the
 * example dashboard's Vite server with @streamkit/proxy mounted in it. `pnpm dev` runs it on fixed
 * ports; the end-to-end tests run it on free ones with a throwaway data folder.
 */
import { randomUUID } from "node:crypto";
import path from "node:path";
import { type RunningEmulator, startEmulator } from "@streamkit/emulator";
import { setupAccount } from "@streamkit/proxy/admin";
import { createServer, type ViteDevServer } from "vite";
import { dashboardVite } from "./dashboard";

const root = path.resolve(import.meta.dirname, "..");

export interface StackOptions {
  /** 0 picks a free port. */
  emulatorPort?: number;
  dashboardPort?: number;
  /** The emulator's RTMP ingest; 0 (the default) picks a free port. */
  rtmpPort?: number;
  dataDir?: string;
  /** `false` runs the emulator without ffmpeg (degraded). */
  ffmpeg?: false | string;
  /** Skip generating the sample videos (faster tests that upload their own). */
  samples?: boolean;
  quiet?: boolean;
}

export interface RunningStack {
  emulator: RunningEmulator | undefined;
  dashboardUrl: string;
  /** The webhook secret the dashboard's proxy verifies with. */
  webhookSecret: string | undefined;
  stop(): Promise<void>;
}

/** With STREAM_ACCOUNT_ID and STREAM_API_TOKEN set, the dashboard talks to that real account. */
export function usesRealAccount(env = process.env): boolean {
  return Boolean(env.STREAM_ACCOUNT_ID && env.STREAM_API_TOKEN && !env.STREAM_API_BASE);
}

export async function startStack(options: StackOptions = {}): Promise<RunningStack> {
  let emulator: RunningEmulator | undefined;
  let webhookSecret: string | undefined;
  const env: Record<string, string> = {};
  const dashboardPort = options.dashboardPort ?? 5173;

  if (!usesRealAccount()) {
    emulator = await startEmulator({
      port: options.emulatorPort ?? 8787,
      dataDir: options.dataDir ?? path.join(root, ".streamkit"),
      ffmpegPath: options.ffmpeg,
      samples: options.samples ?? true,
      live: { rtmpPort: options.rtmpPort ?? 0 },
    });
    Object.assign(env, {
      STREAM_ACCOUNT_ID: emulator.accountId,
      STREAM_API_TOKEN: emulator.token,
      STREAM_API_BASE: emulator.apiBase,
      STREAM_DELIVERY_ORIGIN: emulator.deliveryOrigin,
      STREAM_SDK_URL: `${emulator.deliveryOrigin}/embed/sdk.latest.js`,
      STREAM_SAMPLES_URL: `${emulator.url}/samples`,
    });
  }

  let vite: ViteDevServer | undefined;
  try {
    Object.assign(process.env, env);
    vite = await createServer({
      ...dashboardVite,
      server: { port: dashboardPort, strictPort: dashboardPort !== 0, host: "127.0.0.1" },
      logLevel: options.quiet ? "error" : "info",
      clearScreen: false,
    });
    await vite.listen();
    const address = vite.httpServer?.address();
    const port = typeof address === "object" && address ? address.port : dashboardPort;
    const dashboardUrl = `http://127.0.0.1:${port}`;

    // The account setup a real deployment runs once (`streamkit setup`): a signing key, so the
    // proxy signs playback tokens itself, and the webhook subscription, whose secret it checks.
    if (emulator) {
      const setup = await setupAccount({
        accountId: emulator.accountId,
        apiToken: emulator.token,
        upstream: emulator.apiBase,
        webhookUrl: `${dashboardUrl}/api/stream-webhook`,
      });
      webhookSecret = setup.webhookSecret;
      // Live input notifications (Cloudflare Notifications, set up in its dashboard for a real
      // account) go to the dashboard's receiver with a secret of this run's own.
      const liveNotificationSecret = randomUUID();
      emulator.setLiveNotifications({
        url: `${dashboardUrl}/api/stream-live-notification`,
        secret: liveNotificationSecret,
      });
      Object.assign(process.env, {
        STREAM_LIVE_NOTIFICATION_SECRET: liveNotificationSecret,
        STREAM_WEBHOOK_SECRET: setup.webhookSecret,
        STREAM_SIGNING_KEY_ID: setup.signingKeyId,
        STREAM_SIGNING_KEY_PEM: setup.signingKeyPem,
      });
      await vite.restart();
    }
    const running = vite;
    return {
      emulator,
      dashboardUrl,
      webhookSecret,
      async stop() {
        await running.close();
        await emulator?.stop();
      },
    };
  } catch (error) {
    await vite?.close();
    await emulator?.stop();
    throw error;
  }
}
