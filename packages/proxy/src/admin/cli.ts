#!/usr/bin/env node
import { parseArgs } from "node:util";
import { ENV, formatEnv, SetupError, setupAccount } from "./index";

/**
 * `streamkit setup --webhook-url <url>`: creates a signing key and subscribes the webhook of a
 * Cloudflare Stream account, then prints the proxy's environment lines on stdout (and only
 * there: stderr gets progress and errors, never a secret).
 */

const USAGE = `Usage: streamkit setup --webhook-url <url> [--account-id <id>] [--api-token <token>] [--upstream <url>]

Sets up a Cloudflare Stream account for @streamkit/proxy: creates a signing key
(POST /stream/keys) and subscribes the webhook (PUT /stream/webhook, replacing any
earlier subscription), then prints these lines on stdout for your server's environment:

  ${ENV.signingKeyId}=…
  ${ENV.signingKeyPem}=…   (base64 of the PEM)
  ${ENV.webhook}=…

Options:
  --webhook-url <url>   where Cloudflare posts webhooks: where you mount proxy.handleWebhook
  --account-id <id>     default: $${ENV.accountId}
  --api-token <token>   default: $${ENV.token} (or $CLOUDFLARE_API_TOKEN); prefer the
                        variable: a flag is visible in the process list
  --upstream <url>      the REST API root; default: $${ENV.upstream}, else
                        https://api.cloudflare.com/client/v4 (the emulator's apiBase in dev)
  -h, --help            this text

Example:
  streamkit setup --webhook-url https://app.example.com/webhooks/stream >> .env
`;

export async function main(
  argv: readonly string[],
  env: Record<string, string | undefined>,
  io: { out: (text: string) => void; err: (text: string) => void },
): Promise<number> {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (error) {
    io.err(`streamkit: ${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
    return 1;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.out(USAGE);
    return 0;
  }
  if (positionals.length === 0) {
    io.err(`streamkit: no command given\n\n${USAGE}`);
    return 1;
  }
  if (positionals[0] !== "setup" || positionals.length > 1) {
    io.err(`streamkit: unknown command ${JSON.stringify(positionals.join(" "))}\n\n${USAGE}`);
    return 1;
  }
  const accountId = values["account-id"] ?? env[ENV.accountId];
  const apiToken = values["api-token"] ?? env[ENV.token] ?? env.CLOUDFLARE_API_TOKEN;
  const upstream = values.upstream ?? (env[ENV.upstream] || undefined);
  const webhookUrl = values["webhook-url"];
  const missing = (what: string) => {
    io.err(`streamkit setup: ${what}\n\nRun streamkit --help for the options.\n`);
    return 1;
  };
  if (!webhookUrl)
    return missing("--webhook-url is required (where you mount proxy.handleWebhook)");
  if (!accountId) return missing(`no account id: pass --account-id or set ${ENV.accountId}`);
  if (!apiToken) {
    return missing(
      `no API token: set ${ENV.token} (an API token with Stream Read/Write) or pass --api-token`,
    );
  }
  try {
    const result = await setupAccount({
      accountId,
      apiToken,
      webhookUrl,
      ...(upstream ? { upstream } : {}),
    });
    io.err(
      `streamkit setup: created signing key ${result.signingKeyId} and subscribed ${webhookUrl}.\n` +
        "Keep the lines below secret (a server environment or secret store, never the browser).\n",
    );
    io.out(formatEnv(result));
    return 0;
  } catch (error) {
    if (error instanceof SetupError || error instanceof TypeError) {
      io.err(`streamkit setup: ${error.message.replace(/^setupAccount: /, "")}\n`);
      return 1;
    }
    throw error;
  }
}

function parse(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    allowPositionals: true,
    strict: true,
    options: {
      "webhook-url": { type: "string" },
      "account-id": { type: "string" },
      "api-token": { type: "string" },
      upstream: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  });
}

main(process.argv.slice(2), process.env, {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
}).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(
      `streamkit: unexpected error: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    process.exitCode = 1;
  },
);
