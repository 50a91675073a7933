import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { type RunningEmulator, startEmulator } from "@streamkit/emulator";
import {
  bundleWorker,
  type LocalWorker,
  Miniflare,
  readWranglerConfig,
  workerOptions,
} from "../../examples/worker/scripts/local";
import type { ContractTarget } from "../../packages/proxy/src/test/contract";

/**
 * The Worker example in workerd (Miniflare 3), in front of a real emulator on loopback: the
 * emulator's webhooks go to the Worker's own port, the Worker's fetches go to the emulator's.
 */

export interface WorkerdStack {
  emulator: RunningEmulator;
  mf: Miniflare;
  /** Each worker's origin (`http://127.0.0.1:<port>`), by name. */
  origins: Record<string, string>;
  /** The contract target of worker `name` (signed in by the example's `demo-user` cookie). */
  target(name: string): ContractTarget;
  signingKeyId: string;
  stop(): Promise<void>;
}

export interface WorkerdStackOptions {
  /** The module to bundle; the example's src/index.ts unless given. */
  entry?: string;
  /** The workers, the first of them receiving the webhooks; one named "a" unless given. */
  workers?: Omit<LocalWorker, "bindings">[];
}

export async function startWorkerdStack(options: WorkerdStackOptions = {}): Promise<WorkerdStack> {
  const workers = options.workers ?? [{ name: "a" }];
  const dataDir = await mkdtemp(path.join(tmpdir(), "streamkit-workerd-"));
  const emulator = await startEmulator({
    port: 0,
    dataDir,
    samples: false,
    log: false,
    ffmpegPath: false,
    processing: { ladder: [180], preset: "ultrafast" },
    webhooks: { retryDelaysMs: [200, 500] },
  });
  let mf: Miniflare | undefined;
  try {
    const api = `${emulator.apiBase}/accounts/${emulator.accountId}/stream`;
    const admin = async (method: string, route: string, body: unknown) => {
      const response = await fetch(`${api}${route}`, {
        method,
        headers: { authorization: `Bearer ${emulator.token}`, "content-type": "application/json" },
        body: JSON.stringify(body),
      });
      return ((await response.json()) as { result: Record<string, string> }).result;
    };
    const key = await admin("POST", "/keys", {});
    const config = readWranglerConfig();
    const script = await bundleWorker(options.entry);
    const bindings = (webhookSecret: string) => ({
      CLOUDFLARE_ACCOUNT_ID: emulator.accountId,
      CLOUDFLARE_STREAM_TOKEN: emulator.token,
      CLOUDFLARE_STREAM_WEBHOOK_SECRET: webhookSecret,
      CLOUDFLARE_STREAM_SIGNING_KEY_ID: String(key.id),
      CLOUDFLARE_STREAM_SIGNING_KEY_PEM: String(key.pem),
      STREAM_API_BASE: emulator.apiBase,
    });
    const miniflareOptions = (webhookSecret: string) => ({
      workers: workers.map((worker) =>
        workerOptions(config, script, { ...worker, bindings: bindings(webhookSecret) }),
      ),
    });
    // The webhook secret comes with the subscription, which needs the Worker's URL, which comes
    // once it listens: start, subscribe, then hand the secret over (the ports stay the same).
    mf = new Miniflare(miniflareOptions("not-subscribed-yet"));
    await mf.ready;
    const origins: Record<string, string> = {};
    for (const { name } of workers) {
      origins[name] = (await mf.unsafeGetDirectURL(name)).origin;
    }
    const receiver = origins[workers[0]?.name ?? ""] ?? "";
    const subscription = await admin("PUT", "/webhook", {
      notificationUrl: `${receiver}/webhooks/stream`,
    });
    await mf.setOptions(miniflareOptions(String(subscription.secret)));
    for (const { name } of workers) {
      const origin = (await mf.unsafeGetDirectURL(name)).origin;
      if (origin !== origins[name]) throw new Error(`worker ${name} moved to ${origin}`);
    }
    const running = mf;
    return {
      emulator,
      mf: running,
      origins,
      signingKeyId: String(key.id),
      target: (name) => ({
        emulator,
        baseUrl: `${origins[name]}/api/stream`,
        signIn: (user) => ({ cookie: `demo-user=${user}` }),
        webhookUrl: `${receiver}/webhooks/stream`,
        // Outside /api/stream the Worker's proxy answers 404.
        missingOrigin: origins[name] ?? "",
      }),
      async stop() {
        await running.dispose();
        await emulator.stop();
        await rm(dataDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await mf?.dispose();
    await emulator.stop();
    await rm(dataDir, { recursive: true, force: true });
    throw error;
  }
}
