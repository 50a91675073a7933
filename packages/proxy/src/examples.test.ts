import { readFileSync } from "node:fs";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { signWebhook } from "@streamkit/core/webhooks";
import { type FakeUpstream, startFakeUpstream } from "@streamkit/test-utils/upstream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sseReader } from "./test/sse";

/**
 * Every example of the README runs here, from the same files the README shows (the last test
 * checks that the README still contains them verbatim). The Cloudflare Worker is an example
 * package of its own (examples/worker) and runs in workerd: integration/workerd.
 */

const SECRET = "whsec-examples";
let fake: FakeUpstream;
const alice = { cookie: "demo-user=alice" };

beforeAll(async () => {
  fake = await startFakeUpstream();
  // The examples read their configuration from the environment at import time.
  process.env.CLOUDFLARE_ACCOUNT_ID = fake.accountId;
  process.env.CLOUDFLARE_STREAM_TOKEN = fake.token;
  process.env.CLOUDFLARE_STREAM_WEBHOOK_SECRET = SECRET;
  process.env.STREAM_API_BASE = fake.apiBase;
});
afterAll(() => fake.close());

async function signed(body: string) {
  return {
    "content-type": "application/json",
    "webhook-signature": await signWebhook(SECRET, body),
  };
}

async function listenOn(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe("README examples", () => {
  it("Next.js app router: route handlers are the proxy's fetch, webhooks reach /events", async () => {
    const route = await import("../examples/nextjs/route");
    const webhookRoute = await import("../examples/nextjs/webhook");
    const mine = fake.addVideo({ creator: "alice" });
    const bobs = fake.addVideo({ creator: "bob" });

    const anonymous = await route.GET(new Request("http://app.test/api/stream"));
    expect(anonymous.status).toBe(401);
    const list = await route.GET(new Request("http://app.test/api/stream", { headers: alice }));
    const videos = ((await list.json()) as { result: { uid: string }[] }).result.map((v) => v.uid);
    expect(videos).toContain(mine.uid);
    expect(videos).not.toContain(bobs.uid);
    const theft = await route.DELETE(
      new Request(`http://app.test/api/stream/${bobs.uid}`, { method: "DELETE", headers: alice }),
    );
    expect(theft.status).toBe(404);
    const copy = await route.POST(
      new Request("http://app.test/api/stream/copy", {
        method: "POST",
        headers: { ...alice, "content-type": "application/json" },
        body: JSON.stringify({ input: "https://example.com/v.mp4" }),
      }),
    );
    expect(((await copy.json()) as { result: { creator: string } }).result.creator).toBe("alice");
    expect(route.dynamic).toBe("force-dynamic");

    const controller = new AbortController();
    const events = sseReader(
      await route.GET(
        new Request("http://app.test/api/stream/events", {
          headers: alice,
          signal: controller.signal,
        }),
      ),
    );
    const body = JSON.stringify({ ...mine, status: { state: "ready" } });
    const delivered = await webhookRoute.POST(
      new Request("http://app.test/api/webhooks/stream", {
        method: "POST",
        headers: await signed(body),
        body,
      }),
    );
    expect(delivered.status).toBe(200);
    expect(JSON.parse((await events.nextVideo()).data ?? "").uid).toBe(mine.uid);
    controller.abort();
  });

  it("Express: mounted as middleware, other routes pass through, webhooks over HTTP", async () => {
    const { createApp } = await import("../examples/express");
    const mine = fake.addVideo({ creator: "alice" });
    const server = createApp().listen(0);
    await new Promise((resolve) => server.once("listening", resolve));
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const got = await fetch(`${origin}/api/stream/${mine.uid}`, { headers: alice });
      expect(got.status).toBe(200);
      expect(((await got.json()) as { result: { uid: string } }).result.uid).toBe(mine.uid);
      const update = await fetch(`${origin}/api/stream/${mine.uid}`, {
        method: "POST",
        headers: { ...alice, "content-type": "application/json" },
        body: JSON.stringify({ meta: { name: "from express" } }),
      });
      expect(update.status).toBe(200);
      expect(fake.videos.get(mine.uid)?.meta).toEqual({ name: "from express" });
      expect(await (await fetch(`${origin}/health`)).json()).toEqual({ ok: true });
      const body = JSON.stringify(mine);
      const hook = await fetch(`${origin}/webhooks/stream`, {
        method: "POST",
        headers: await signed(body),
        body,
      });
      expect(hook.status).toBe(200);
      const forged = await fetch(`${origin}/webhooks/stream`, {
        method: "POST",
        headers: { "content-type": "application/json", "webhook-signature": "time=1,sig1=00" },
        body,
      });
      expect(forged.status).toBe(401);
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it("Node http: toNodeHandler on a plain server", async () => {
    const { server } = await import("../examples/node-http");
    const origin = await listenOn(server);
    try {
      const list = await fetch(`${origin}/api/stream?limit=5`, { headers: alice });
      expect(list.status).toBe(200);
      expect(fake.requests.at(-1)?.query.get("creator")).toBe("alice");
      expect((await fetch(`${origin}/elsewhere`)).status).toBe(404);
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it("Hono: app.all on the base path", async () => {
    const { app } = await import("../examples/hono");
    const mine = fake.addVideo({ creator: "alice" });
    const response = await app.request(`/api/stream/${mine.uid}/downloads`, {
      method: "POST",
      headers: alice,
    });
    expect(response.status).toBe(200);
    expect((await app.request("/api/stream", { headers: alice })).status).toBe(200);
  });

  it("the README shows each example file verbatim", () => {
    const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");
    for (const file of [
      "session.ts",
      "nextjs/stream.ts",
      "nextjs/route.ts",
      "nextjs/webhook.ts",
      "express.ts",
      "node-http.ts",
      "hono.ts",
      "../../../examples/worker/src/index.ts",
    ]) {
      const source = readFileSync(new URL(`../examples/${file}`, import.meta.url), "utf8").trim();
      expect(readme, `README is missing examples/${file}`).toContain(source);
    }
  });
});
