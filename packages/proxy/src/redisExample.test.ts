import { readFileSync } from "node:fs";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { signWebhook } from "@streamkit/core/webhooks";
import { type RunningRedis, startRedis } from "@streamkit/test-utils/stack";
import { type FakeUpstream, startFakeUpstream } from "@streamkit/test-utils/upstream";
import { afterAll, beforeAll, expect, it } from "vitest";
import { sseReader } from "./test/sse";

// The Redis bus's README example, run as written: two instances of it on one redis-server, a
// webhook posted to the first reaches the second's `/events`, for its creator only.
const SECRET = "whsec-redis-example";
let fake: FakeUpstream;
let redis: RunningRedis;
const servers: Server[] = [];

beforeAll(async () => {
  [fake, redis] = await Promise.all([startFakeUpstream(), startRedis()]);
  process.env.CLOUDFLARE_ACCOUNT_ID = fake.accountId;
  process.env.CLOUDFLARE_STREAM_TOKEN = fake.token;
  process.env.CLOUDFLARE_STREAM_WEBHOOK_SECRET = SECRET;
  process.env.STREAM_API_BASE = fake.apiBase;
  process.env.REDIS_URL = redis.url;
}, 30_000);

afterAll(async () => {
  for (const server of servers) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
  await redis?.stop();
  await fake?.close();
});

async function listen(server: Server): Promise<string> {
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

it("carries a webhook received by one instance to /events on another", async () => {
  const { createInstance } = await import("../examples/redis");
  const [a, b] = await Promise.all([listen(createInstance()), listen(createInstance())]);
  const controller = new AbortController();
  const stream = (user: string) =>
    fetch(`${b}/api/stream/events`, {
      headers: { cookie: `demo-user=${user}` },
      signal: controller.signal,
    }).then(sseReader);
  const [alice, bob] = await Promise.all([stream("alice"), stream("bob")]);
  await alice.next((m) => m.comments.includes("connected"));
  await bob.next((m) => m.comments.includes("connected"));
  // `: connected` comes once the stream is subscribed on Redis: nothing after it is missed.
  const video = fake.addVideo({ creator: "alice" });
  const body = JSON.stringify(video);
  const hook = await fetch(`${a}/webhooks/stream`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      "webhook-signature": await signWebhook(SECRET, body),
    },
    body,
  });
  expect(hook.status).toBe(200);
  const event = await alice.nextVideo(5000);
  expect(JSON.parse(event.data ?? "")).toMatchObject({ uid: video.uid, creator: "alice" });
  expect(await bob.quiet(300)).toBe(true);
  controller.abort();
});

it("is shown verbatim in the Redis bus's README", () => {
  const source = readFileSync(new URL("../examples/redis.ts", import.meta.url), "utf8").trim();
  const readme = readFileSync(new URL("./redis/README.md", import.meta.url), "utf8");
  expect(readme).toContain(source);
});
