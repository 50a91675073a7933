import { execFile } from "node:child_process";
import { readFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { verifyWebhook } from "@streamkit/core/webhooks";
import { type Stack, startStack } from "@streamkit/test-utils/stack";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createStreamProxy } from "../index";
import { ENV, formatEnv, SetupError, setupAccount } from "./index";

/**
 * Account setup against the real emulator: the key it creates signs tokens the emulator's
 * delivery accepts, the webhook secret verifies what the emulator posts, and the CLI prints the
 * environment lines (and fails clearly).
 */

const root = path.resolve(import.meta.dirname, "../../../..");
const TINY = path.join(root, "packages/emulator/assets/tiny.mp4");
const CLI = path.join(import.meta.dirname, "cli.ts");

let stack: Stack;
let receiver: Server;
let webhookUrl: string;
const deliveries: { body: string; signature: string | undefined }[] = [];

beforeAll(async () => {
  stack = await startStack({ emulator: { ffmpegPath: false, webhooks: { retryDelaysMs: [200] } } });
  receiver = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      deliveries.push({
        body: Buffer.concat(chunks).toString("utf8"),
        signature: req.headers["webhook-signature"] as string | undefined,
      });
      res.writeHead(200).end("ok");
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  webhookUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/webhooks/stream`;
}, 60_000);

afterAll(async () => {
  receiver?.closeAllConnections();
  await new Promise((resolve) => receiver?.close(resolve));
  await stack?.stop();
});

const account = () => ({
  accountId: stack.emulator.accountId,
  apiToken: stack.emulator.token,
  upstream: stack.emulator.apiBase,
});

describe("setupAccount", () => {
  it("creates a key that signs tokens the emulator accepts and a webhook secret that verifies its deliveries", async () => {
    const result = await setupAccount({ ...account(), webhookUrl });
    expect(result.signingKeyId).toMatch(/^[0-9a-f]{32}$/);
    expect(result.signingKeyPem).toMatch(/^-----BEGIN (RSA )?PRIVATE KEY-----/);
    expect(result.webhookSecret).not.toBe("");
    const subscription = (await (await stack.admin("GET", "/webhook")).json()) as {
      result: { notificationUrl: string; secret: string };
    };
    expect(subscription.result).toMatchObject({
      notificationUrl: webhookUrl,
      secret: result.webhookSecret,
    });

    // A private video, and a token the proxy signs locally with the new key.
    const uid = await stack.upload(new Uint8Array(await readFile(TINY)));
    await stack.admin("POST", `/${uid}`, { requireSignedURLs: true });
    await stack.waitFor(uid, (v) => v.status?.state === "ready");
    const proxy = createStreamProxy({
      ...account(),
      basePath: "/api/stream",
      signingKey: { id: result.signingKeyId, pem: result.signingKeyPem },
      webhookSecret: result.webhookSecret,
    });
    const signed = await proxy.fetch(
      new Request(`http://app.test/api/stream/${uid}/token`, { method: "POST" }),
    );
    const { token } = ((await signed.json()) as { result: { token: string } }).result;
    expect(JSON.parse(atob(token.split(".")[0] ?? ""))).toMatchObject({ kid: result.signingKeyId });
    const origin = stack.emulator.deliveryOrigin;
    expect((await fetch(`${origin}/${token}/thumbnails/thumbnail.jpg`)).status).toBe(200);
    expect([401, 403]).toContain((await fetch(`${origin}/${uid}/thumbnails/thumbnail.jpg`)).status);

    // The video reaching ready was posted to the subscribed URL, signed with the secret.
    const deadline = Date.now() + 10_000;
    while (!deliveries.some((d) => d.body.includes(uid)) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const delivery = deliveries.find((d) => d.body.includes(uid));
    expect(delivery).toBeDefined();
    expect(
      await verifyWebhook(result.webhookSecret, delivery?.body ?? "", delivery?.signature),
    ).toMatchObject({
      ok: true,
    });
    // And the proxy's own receiver takes it with that secret.
    const received = await proxy.handleWebhook(
      new Request("http://app.test/webhooks/stream", {
        method: "POST",
        headers: {
          "content-type": "application/json",
          "webhook-signature": delivery?.signature ?? "",
        },
        body: delivery?.body ?? "",
      }),
    );
    expect(received.status).toBe(200);
  });

  it("formats env lines the proxy options read back", async () => {
    const lines = formatEnv({
      signingKeyId: "k1",
      signingKeyPem: "-----BEGIN X-----\nabc\n",
      webhookSecret: "s3",
    });
    expect(lines).toBe(
      `${ENV.signingKeyId}=k1\n${ENV.signingKeyPem}=${btoa("-----BEGIN X-----\nabc\n")}\n${ENV.webhook}=s3\n`,
    );
    expect(ENV).toMatchObject({
      accountId: "CLOUDFLARE_ACCOUNT_ID",
      token: "CLOUDFLARE_STREAM_TOKEN",
      webhook: "CLOUDFLARE_STREAM_WEBHOOK_SECRET",
    });
  });

  it("reports the API's message, and refuses bad options before any call", async () => {
    const refused = setupAccount({ ...account(), apiToken: "wrong-token", webhookUrl });
    await expect(refused).rejects.toBeInstanceOf(SetupError);
    await expect(refused).rejects.toThrow(/^POST \/stream\/keys failed with HTTP 40[13]: .+/);
    await expect(setupAccount({ ...account(), webhookUrl: "not a url" })).rejects.toThrow(
      /webhookUrl must be an http\(s\) URL/,
    );
    await expect(setupAccount({ ...account(), webhookUrl: "ftp://x.test/" })).rejects.toThrow(
      TypeError,
    );
    await expect(setupAccount({ ...account(), apiToken: "", webhookUrl })).rejects.toThrow(
      /apiToken is required/,
    );
    const unreachable = setupAccount({
      ...account(),
      upstream: "http://127.0.0.1:9/client/v4",
      webhookUrl,
    });
    await expect(unreachable).rejects.toThrow(/could not reach/);
  });
});

function cli(args: string[], env: Record<string, string> = {}) {
  return new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    execFile(
      path.join(root, "node_modules/.bin/tsx"),
      ["--conditions=@streamkit/source", CLI, ...args],
      {
        cwd: root,
        env: {
          PATH: process.env.PATH ?? "",
          HOME: process.env.HOME ?? "",
          ...env,
        },
      },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === "number" ? error.code : 1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

describe("the streamkit CLI", () => {
  it("sets up the account from the environment and prints the env lines on stdout only", async () => {
    const env = {
      [ENV.accountId]: stack.emulator.accountId,
      [ENV.token]: stack.emulator.token,
      [ENV.upstream]: stack.emulator.apiBase,
    };
    const run = await cli(["setup", "--webhook-url", webhookUrl], env);
    expect(run.code, run.stderr).toBe(0);
    const lines = run.stdout.trim().split("\n");
    expect(lines.map((l) => l.split("=")[0])).toEqual([
      ENV.signingKeyId,
      ENV.signingKeyPem,
      ENV.webhook,
    ]);
    const values = Object.fromEntries(
      lines.map((l) => [l.slice(0, l.indexOf("=")), l.slice(l.indexOf("=") + 1)]),
    );
    expect(atob(values[ENV.signingKeyPem] ?? "")).toMatch(/^-----BEGIN/);
    const secret = (await (await stack.admin("GET", "/webhook")).json()) as {
      result: { secret: string };
    };
    expect(values[ENV.webhook]).toBe(secret.result.secret);
    // What the proxy needs reads straight back from those lines.
    expect(() =>
      createStreamProxy({
        ...account(),
        basePath: "/api/stream",
        signingKey: { id: values[ENV.signingKeyId] ?? "", pem: values[ENV.signingKeyPem] ?? "" },
      }),
    ).not.toThrow();
    // The key id is no secret (stderr names it); the PEM, the webhook secret and the token are.
    const secrets = [values[ENV.signingKeyPem] ?? "", secret.result.secret, stack.emulator.token];
    for (const secretValue of secrets) {
      expect(run.stderr).not.toContain(secretValue);
    }
  });

  it("takes flags over the environment, and --help", async () => {
    const run = await cli([
      "setup",
      "--webhook-url",
      webhookUrl,
      "--account-id",
      stack.emulator.accountId,
      "--api-token",
      stack.emulator.token,
      "--upstream",
      stack.emulator.apiBase,
    ]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain(`${ENV.webhook}=`);
    const help = await cli(["--help"]);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain("Usage: streamkit setup --webhook-url <url>");
  });

  it("exits 1 with a clear message for bad arguments and API errors", async () => {
    const base = {
      [ENV.accountId]: stack.emulator.accountId,
      [ENV.upstream]: stack.emulator.apiBase,
    };
    const cases: [string[], Record<string, string>, RegExp][] = [
      [["setup", "--webhook-url", webhookUrl], base, /no API token: set CLOUDFLARE_STREAM_TOKEN/],
      [["setup"], { ...base, [ENV.token]: "t" }, /--webhook-url is required/],
      [
        ["setup", "--webhook-url", "nope"],
        { ...base, [ENV.token]: "t" },
        /webhookUrl must be an http\(s\) URL/,
      ],
      [
        ["setup", "--webhook-url", webhookUrl],
        { ...base, [ENV.token]: "wrong" },
        /POST \/stream\/keys failed with HTTP 40[13]: /,
      ],
      [["setup", "--bogus"], base, /Unknown option '--bogus'/],
      [["teardown"], base, /unknown command "teardown"/],
      [[], base, /no command given/],
    ];
    for (const [args, env, message] of cases) {
      const run = await cli(args, env);
      expect(run.code, args.join(" ")).toBe(1);
      expect(run.stderr, args.join(" ")).toMatch(message);
      expect(run.stdout).toBe("");
    }
  });
});
