import { DEFAULT_API_ORIGIN } from "@streamkit/core/urls";

/**
 * `@streamkit/proxy/admin`: one-time account setup, run from a terminal or a deploy script with
 * the API token, never from a request handler and never in a browser. The main entry does not
 * import it. It creates a signing key (`POST /stream/keys`) and subscribes the webhook
 * (`PUT /stream/webhook`), and hands back what the proxy's `signingKey` and `webhookSecret` need.
 */

/**
 * The names of the environment variables the proxy's examples read (see the README's "Account
 * setup"). Keys such as `apiToken: "…"` would read as written-down secrets to secret scanners
 * (ours in integration/secrets included), hence `token` and `webhook`.
 */
export const ENV = {
  accountId: "CLOUDFLARE_ACCOUNT_ID",
  token: "CLOUDFLARE_STREAM_TOKEN",
  upstream: "STREAM_API_BASE",
  signingKeyId: "CLOUDFLARE_STREAM_SIGNING_KEY_ID",
  signingKeyPem: "CLOUDFLARE_STREAM_SIGNING_KEY_PEM",
  webhook: "CLOUDFLARE_STREAM_WEBHOOK_SECRET",
} as const;

export interface SetupAccountOptions {
  /** The Cloudflare account id. */
  accountId: string;
  /** An API token with Stream Read/Write. */
  apiToken: string;
  /** Where Cloudflare posts webhooks: the URL you mount `proxy.handleWebhook` at. */
  webhookUrl: string;
  /** The REST API root. Default `https://api.cloudflare.com/client/v4` (the emulator's `apiBase` in dev). */
  upstream?: string;
  /** Default: global fetch. */
  fetch?: typeof fetch;
}

export interface SetupAccountResult {
  /** `signingKey.id` of the proxy. */
  signingKeyId: string;
  /** `signingKey.pem` of the proxy: the PEM text (the API hands it out base64-encoded, once). */
  signingKeyPem: string;
  /** `webhookSecret` of the proxy. */
  webhookSecret: string;
}

/** A setup step the API refused, or that could not reach it; the message says which and why. */
export class SetupError extends Error {
  override name = "SetupError";
  /** The HTTP status of the API's answer; `undefined` when there was none. */
  readonly status: number | undefined;
  constructor(message: string, status?: number) {
    super(message);
    this.status = status;
  }
}

/**
 * Creates a signing key, then subscribes `webhookUrl` (replacing any earlier subscription: an
 * account has one), and returns the key and the webhook secret. Throws `TypeError` for bad
 * options and `SetupError` when a call fails, with the API's own message.
 */
export async function setupAccount(options: SetupAccountOptions): Promise<SetupAccountResult> {
  const { accountId, apiToken, webhookUrl } = options;
  if (typeof accountId !== "string" || !/^[A-Za-z0-9_-]{1,64}$/.test(accountId)) {
    throw new TypeError("setupAccount: accountId must be the account id (32 hex characters)");
  }
  if (typeof apiToken !== "string" || apiToken.trim() === "") {
    throw new TypeError(
      "setupAccount: apiToken is required (an API token with Stream permissions)",
    );
  }
  checkHttpUrl(webhookUrl, "webhookUrl");
  const upstream = (options.upstream ?? DEFAULT_API_ORIGIN).replace(/\/+$/, "");
  checkHttpUrl(upstream, "upstream");
  const doFetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const api = `${upstream}/accounts/${accountId}/stream`;

  const call = async (method: string, path: string, body: unknown): Promise<unknown> => {
    const what = `${method} /stream${path}`;
    let response: Response;
    try {
      response = await doFetch(`${api}${path}`, {
        method,
        headers: { authorization: `Bearer ${apiToken}`, "content-type": "application/json" },
        body: JSON.stringify(body),
      });
    } catch (error) {
      const cause = error instanceof Error ? error.message : String(error);
      throw new SetupError(scrub(`${what}: could not reach ${upstream} (${cause})`, apiToken));
    }
    const text = await response.text();
    let envelope: { success?: unknown; result?: unknown; errors?: unknown } | undefined;
    try {
      envelope = JSON.parse(text) as typeof envelope;
    } catch {
      envelope = undefined;
    }
    if (!response.ok || envelope?.success !== true) {
      const messages = Array.isArray(envelope?.errors)
        ? envelope.errors
            .map((e: { code?: unknown; message?: unknown }) =>
              e && typeof e.message === "string"
                ? `${e.message}${e.code === undefined ? "" : ` (code ${String(e.code)})`}`
                : undefined,
            )
            .filter((m): m is string => m !== undefined)
        : [];
      const detail = messages.length > 0 ? messages.join("; ") : text.slice(0, 200) || "no message";
      throw new SetupError(
        scrub(`${what} failed with HTTP ${response.status}: ${detail}`, apiToken),
        response.status,
      );
    }
    return envelope.result;
  };

  const key = (await call("POST", "/keys", {})) as { id?: unknown; pem?: unknown } | null;
  if (typeof key?.id !== "string" || typeof key.pem !== "string") {
    throw new SetupError("POST /stream/keys answered without { id, pem }");
  }
  const signingKeyId = key.id;
  const signingKeyPem = decodePem(key.pem);
  let subscription: { secret?: unknown } | null;
  try {
    subscription = (await call("PUT", "/webhook", { notificationUrl: webhookUrl })) as {
      secret?: unknown;
    } | null;
  } catch (error) {
    if (!(error instanceof SetupError)) throw error;
    throw new SetupError(
      `${error.message} (signing key ${signingKeyId} was created; revoke it with DELETE /stream/keys/${signingKeyId} if you will not use it)`,
      error.status,
    );
  }
  if (typeof subscription?.secret !== "string" || subscription.secret === "") {
    throw new SetupError("PUT /stream/webhook answered without a secret");
  }
  return { signingKeyId, signingKeyPem, webhookSecret: subscription.secret };
}

/**
 * The result as `NAME=value` lines for a `.env` file or a secret store: the key id, the PEM as
 * base64 (one line; the proxy's `signingKey.pem` takes either form) and the webhook secret.
 */
export function formatEnv(result: SetupAccountResult): string {
  const lines: [string, string][] = [
    [ENV.signingKeyId, result.signingKeyId],
    [ENV.signingKeyPem, btoa(result.signingKeyPem)],
    [ENV.webhook, result.webhookSecret],
  ];
  return `${lines.map(([name, value]) => `${name}=${quote(value)}`).join("\n")}\n`;
}

function quote(value: string): string {
  return /^[A-Za-z0-9_./+=:@-]*$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`;
}

/** `POST /stream/keys` hands out the base64 of the PEM text; a PEM given as is stays as is. */
function decodePem(pem: string): string {
  if (pem.includes("-----BEGIN")) return pem;
  try {
    const text = atob(pem.replace(/\s+/g, ""));
    if (text.includes("-----BEGIN")) return text;
  } catch {
    // not base64: reported below
  }
  throw new SetupError("POST /stream/keys answered with a pem that is not a PEM key");
}

function checkHttpUrl(value: unknown, name: string): void {
  let url: URL | undefined;
  try {
    url = typeof value === "string" ? new URL(value) : undefined;
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== "http:" && url.protocol !== "https:")) {
    throw new TypeError(
      `setupAccount: ${name} must be an http(s) URL, got ${JSON.stringify(value)}`,
    );
  }
}

function scrub(text: string, secret: string): string {
  return secret === "" ? text : text.split(secret).join("[redacted]");
}
