import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  browser,
  type ContractTarget,
  checkCreations,
  checkLocalSignedToken,
  checkNoTokenLeak,
  checkScopedCrud,
  checkWebhookEvents,
} from "../../packages/proxy/src/test/contract";
import { startWorkerdStack, type WorkerdStack } from "./harness";

/**
 * The proxy's contract checks (the ones src/emulator.test.ts runs in Node) through the Worker
 * example as wrangler would deploy it, in workerd: bundled from source, its wrangler.jsonc
 * settings, its Durable Object bus, no nodejs_compat.
 */

let stack: WorkerdStack;
let target: ContractTarget;

beforeAll(async () => {
  stack = await startWorkerdStack();
  target = stack.target("a");
}, 60_000);

afterAll(async () => {
  await stack?.stop();
});

describe("the proxy as a Worker, in workerd, against the emulator", () => {
  it("lists, gets, updates and deletes, scoped to the creator", () => checkScopedCrud(target));

  it("creates copies, direct uploads and tus uploads stamped with the creator", () =>
    checkCreations(target));

  it("signs playback tokens with WebCrypto in a form the emulator accepts", () =>
    checkLocalSignedToken(target, stack.signingKeyId, (uid) =>
      browser(target, "alice", "POST", `/${uid}/token`),
    ));

  it("never shows the API token to the browser", () => checkNoTokenLeak(target));

  it("verifies the emulator's webhook and streams it on /events to its creator only", async () => {
    await checkWebhookEvents(target);
  });

  it("refuses the browser without a session, and paths outside the proxy", async () => {
    expect((await fetch(`${target.baseUrl}`)).status).toBe(401);
    expect((await fetch(`${target.baseUrl}/events`)).status).toBe(401);
    expect((await fetch(`${stack.origins.a}/elsewhere`)).status).toBe(404);
  });
});
