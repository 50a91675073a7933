import { type Stack, startStack } from "@streamkit/test-utils/stack";
import { afterAll, beforeAll, describe, it } from "vitest";
import { createStreamProxy } from "./index";
import {
  admin,
  type ContractTarget,
  checkApiSignedToken,
  checkCreations,
  checkLocalSignedToken,
  checkNoTokenLeak,
  checkScopedCrud,
  checkWebhookEvents,
} from "./test/contract";

/**
 * The proxy against a real local Stream (the emulator, without ffmpeg so it stays light): the
 * whole contract end to end, including a webhook the emulator signs and delivers to the proxy.
 * The checks are shared with the Worker's run in workerd (integration/workerd).
 */

let stack: Stack;
let target: ContractTarget;

beforeAll(async () => {
  // One server for both: the proxy under /api/stream, the webhook receiver beside it.
  stack = await startStack({
    emulator: { ffmpegPath: false, webhooks: { retryDelaysMs: [200, 500] } },
    webhookPath: "/webhooks/stream",
    proxy: {
      authorize: (request) => request.headers.has("x-user"),
      creatorScope: (request) => request.headers.get("x-user") ?? undefined,
    },
  });
  target = {
    emulator: stack.emulator,
    baseUrl: stack.baseUrl,
    signIn: (user) => ({ "x-user": user }),
    webhookUrl: `${stack.origin}/webhooks/stream`,
    // Outside /api/stream the stack's server answers 404.
    missingOrigin: stack.origin,
  };
}, 60_000);

afterAll(async () => {
  await stack?.stop();
});

describe("proxy ⇄ emulator", () => {
  it("lists, gets, updates and deletes through the proxy, scoped to the creator", () =>
    checkScopedCrud(target));

  it("creates copies, direct uploads and tus uploads stamped with the creator", () =>
    checkCreations(target));

  it("gets tokens from the API, or signs them locally in a form the emulator accepts", async () => {
    await checkApiSignedToken(target);
    const key = await admin(target, "POST", "/keys", {});
    const local = createStreamProxy({
      accountId: stack.emulator.accountId,
      apiToken: stack.emulator.token,
      upstream: stack.emulator.apiBase,
      basePath: "/api/stream",
      signingKey: { id: String(key.result.id), pem: String(key.result.pem) },
    });
    await checkLocalSignedToken(target, String(key.result.id), (uid) =>
      local.fetch(new Request(`http://app.test/api/stream/${uid}/token`, { method: "POST" })),
    );
  });

  it("never shows the API token to the browser", () => checkNoTokenLeak(target));

  it("turns the emulator's signed webhook into a server-sent event for the right creator", async () => {
    await checkWebhookEvents(target);
  });
});
