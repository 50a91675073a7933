import "server-only";
import type { DeliveryConfig } from "@streamkit/core/urls";

/**
 * Where the server finds Stream, from the environment. Read per request rather than at import,
 * so `next build` (which imports every route) needs none of it, and one build runs against the
 * emulator or a real account alike. Only `delivery` and `sdkUrl` ever reach the browser.
 */
export interface StreamConfig {
  accountId: string;
  /** Stream Read/Write. Stays in this process: the proxy adds it to upstream calls. */
  apiToken: string;
  /** The REST API root: the emulator's `apiBase`, or Cloudflare's when unset. */
  apiBase: string | undefined;
  /** The `secret` of the webhook subscription; without it the webhook route answers 500. */
  webhookSecret: string | undefined;
  delivery: DeliveryConfig;
  /** The player SDK script; the emulator serves its own. Cloudflare's when unset. */
  sdkUrl: string | undefined;
}

export function readStreamConfig(env: NodeJS.ProcessEnv = process.env): StreamConfig {
  const accountId = env.STREAM_ACCOUNT_ID;
  const apiToken = env.STREAM_API_TOKEN;
  if (!accountId || !apiToken) {
    throw new Error("Set STREAM_ACCOUNT_ID and STREAM_API_TOKEN (see examples/nextjs/README.md).");
  }
  const deliveryOrigin = env.STREAM_DELIVERY_ORIGIN;
  const customerCode = env.STREAM_CUSTOMER_CODE;
  if (!deliveryOrigin && !customerCode) {
    throw new Error(
      "Set STREAM_CUSTOMER_CODE (a real account) or STREAM_DELIVERY_ORIGIN (the emulator).",
    );
  }
  return {
    accountId,
    apiToken,
    apiBase: env.STREAM_API_BASE || undefined,
    webhookSecret: env.STREAM_WEBHOOK_SECRET || undefined,
    delivery: deliveryOrigin ? { deliveryOrigin } : { customerCode: customerCode as string },
    sdkUrl: env.STREAM_SDK_URL || undefined,
  };
}
