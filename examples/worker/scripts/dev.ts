import { setupAccount } from "@streamkit/proxy/admin";
import { bundleWorker, Miniflare, readWranglerConfig, workerOptions } from "./local";

/**
 * `pnpm dev` in this folder: the Worker in workerd on http://127.0.0.1:8788, in front of the
 * emulator that the repository's `pnpm dev` starts (or any Stream API: set the variables below).
 * It takes the account's webhook subscription over, so webhooks come to this Worker.
 */

const env = {
  upstream: process.env.STREAM_API_BASE ?? "http://127.0.0.1:8787/client/v4",
  // The emulator's fixed development credentials (they protect nothing: it binds to loopback).
  accountId: process.env.CLOUDFLARE_ACCOUNT_ID ?? "023e105f4ecef8ad9ca31a8372d0c353",
  apiToken: process.env.CLOUDFLARE_STREAM_TOKEN ?? "streamkit-dev-token",
  port: Number(process.env.WORKER_PORT ?? 8788),
};

const origin = `http://127.0.0.1:${env.port}`;
const account = await setupAccount({
  accountId: env.accountId,
  apiToken: env.apiToken,
  upstream: env.upstream,
  webhookUrl: `${origin}/webhooks/stream`,
}).catch((error: unknown) => {
  console.error(`Could not set the account up at ${env.upstream} (is the emulator running?)`);
  throw error;
});

const worker = workerOptions(readWranglerConfig(), await bundleWorker(), {
  name: "streamkit-proxy",
  bindings: {
    CLOUDFLARE_ACCOUNT_ID: env.accountId,
    CLOUDFLARE_STREAM_TOKEN: env.apiToken,
    CLOUDFLARE_STREAM_WEBHOOK_SECRET: account.webhookSecret,
    CLOUDFLARE_STREAM_SIGNING_KEY_ID: account.signingKeyId,
    CLOUDFLARE_STREAM_SIGNING_KEY_PEM: account.signingKeyPem,
    STREAM_API_BASE: env.upstream,
  },
});
const mf = new Miniflare({
  workers: [{ ...worker, unsafeDirectSockets: [{ host: "127.0.0.1", port: env.port }] }],
});
await mf.ready;
console.log(
  `Worker: ${origin}/api/stream (events: /api/stream/events, webhooks: /webhooks/stream)`,
);
console.log(`Try: curl -H 'cookie: demo-user=alice' ${origin}/api/stream`);

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    void mf.dispose().then(() => process.exit(0));
  });
}
