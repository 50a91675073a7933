/**
 * Where the dashboard's backend finds Stream. `pnpm dev` points these at the local emulator;
 * for a real account set STREAM_ACCOUNT_ID, STREAM_API_TOKEN and STREAM_CUSTOMER_CODE and unset
 * the others. Only `delivery` ever reaches the browser; the token stays in this process.
 */
export interface DashboardConfig {
  accountId: string;
  apiToken: string;
  /** REST API root; the emulator's `…/client/v4`, or Cloudflare's when unset. */
  upstream: string | undefined;
  delivery: { customerCode: string } | { deliveryOrigin: string };
  /** The player SDK script; the emulator serves its own. Cloudflare's when unset. */
  sdkUrl: string | undefined;
  /** The emulator's sample list, to prefill "upload from URL". */
  samplesUrl: string | undefined;
  webhookSecret: string | undefined;
  /** The secret of the Notifications destination that live input notifications arrive with. */
  liveNotificationSecret: string | undefined;
  /** A signing key (`streamkit setup` makes one): tokens are then signed here, not by the API. */
  signingKey: { id: string; pem: string } | undefined;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): DashboardConfig {
  const accountId = env.STREAM_ACCOUNT_ID;
  const apiToken = env.STREAM_API_TOKEN;
  if (!accountId || !apiToken) {
    throw new Error(
      "The dashboard needs STREAM_ACCOUNT_ID and STREAM_API_TOKEN (run it with `pnpm dev`, which starts the emulator and sets them).",
    );
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
    upstream: env.STREAM_API_BASE || undefined,
    delivery: deliveryOrigin ? { deliveryOrigin } : { customerCode: customerCode as string },
    sdkUrl: env.STREAM_SDK_URL || undefined,
    samplesUrl: env.STREAM_SAMPLES_URL || undefined,
    webhookSecret: env.STREAM_WEBHOOK_SECRET || undefined,
    liveNotificationSecret: env.STREAM_LIVE_NOTIFICATION_SECRET || undefined,
    signingKey:
      env.STREAM_SIGNING_KEY_ID && env.STREAM_SIGNING_KEY_PEM
        ? { id: env.STREAM_SIGNING_KEY_ID, pem: env.STREAM_SIGNING_KEY_PEM }
        : undefined,
  };
}
