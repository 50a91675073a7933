import { signWebhook } from "@streamkit/core/webhooks";
import {
  type ProxyInstance,
  type RunningRedis,
  type Stack,
  startProxyInstance,
  startRedis,
  startStack,
} from "@streamkit/test-utils/stack";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createStreamProxy, type StreamEvent } from "./index";
import { createRedisEventBus, type RedisEventBus, type RedisEventBusError } from "./redis/index";
import { sseReader } from "./test/sse";

// Two proxy instances of one app, one real redis-server between them: a webhook the emulator
// delivers to instance A reaches `/events` subscribers on instance B, scoped to their creator,
// through a Redis restart, and a browser that reconnects to either instance gets what it missed.

let redis: RunningRedis;
let stack: Stack;
let b: ProxyInstance;
let busA: RedisEventBus;
let busB: RedisEventBus;
const errorsA: RedisEventBusError[] = [];
const errorsB: RedisEventBusError[] = [];

const scope = {
  authorize: (request: Request) => request.headers.has("x-user"),
  creatorScope: (request: Request) => request.headers.get("x-user") ?? undefined,
};

function events(origin: string, user: string, lastEventId?: string) {
  const controller = new AbortController();
  const headers: Record<string, string> = { "x-user": user };
  if (lastEventId) headers["last-event-id"] = lastEventId;
  return fetch(`${origin}/api/stream/events`, { headers, signal: controller.signal }).then(
    (response) => ({ ...sseReader(response), close: () => controller.abort() }),
  );
}

/** A copy from a URL that answers 404 errors at once, and the emulator's webhook says so. */
async function failingCopy(user: string): Promise<string> {
  const response = await fetch(`${stack.origin}/api/stream/copy`, {
    method: "POST",
    headers: { "x-user": user, "content-type": "application/json" },
    body: JSON.stringify({ input: `${stack.origin}/missing.mp4` }),
  });
  return ((await response.json()) as { result: { uid: string } }).result.uid;
}

const about = (uid: string) => (m: { event?: string; data?: string }) =>
  m.event === "video" && (m.data ?? "").includes(uid);

beforeAll(async () => {
  redis = await startRedis();
  busA = redis.bus({ onError: (error) => errorsA.push(error) });
  // B's connections come back slowly, so what is published while it is away is certain.
  busB = redis.bus({
    client: { retryStrategy: () => 1000 },
    onError: (error) => errorsB.push(error),
  });
  stack = await startStack({
    emulator: { ffmpegPath: false, webhooks: { retryDelaysMs: [200, 500] } },
    webhookPath: "/webhooks/stream",
    proxy: { ...scope, events: busA },
  });
  b = await startProxyInstance({ emulator: stack.emulator, proxy: { ...scope, events: busB } });
}, 60_000);

afterAll(async () => {
  await b?.stop();
  await stack?.stop();
  await redis?.stop(); // closes the buses and their clients
});

describe("the Redis event bus across two proxy instances", () => {
  it("takes a webhook on A to the right creator's stream on B, and to no one else", async () => {
    const alice = await events(b.origin, "alice");
    const bob = await events(b.origin, "bob");
    await alice.next((m) => m.comments.includes("connected"));
    const uid = await failingCopy("alice");
    const event = await alice.next(about(uid), 20_000);
    expect(JSON.parse(event.data ?? "")).toMatchObject({ uid, creator: "alice" });
    expect(event.id).toMatch(new RegExp(`^\\d+-${uid}$`));
    expect(await bob.quiet(300)).toBe(true);
    alice.close();
    bob.close();
  });

  it("replays what a browser missed when it reconnects to the other instance", async () => {
    const first = await events(b.origin, "alice");
    const seen = await first.next(about(await failingCopy("alice")), 20_000);
    first.close();
    // Other tabs stay connected and show when every missed webhook has been published.
    const aliceTab = await events(b.origin, "alice");
    const bobTab = await events(b.origin, "bob");
    await aliceTab.next((m) => m.comments.includes("connected"));
    await bobTab.next((m) => m.comments.includes("connected"));
    const missed = [
      await failingCopy("alice"),
      await failingCopy("bob"),
      await failingCopy("alice"),
    ];
    await aliceTab.next(about(missed[0] as string), 20_000);
    await bobTab.next(about(missed[1] as string), 20_000);
    await aliceTab.next(about(missed[2] as string), 20_000);
    aliceTab.close();
    bobTab.close();
    // The browser comes back, this time to A, with the id of the last event it saw.
    const again = await events(stack.origin, "alice", seen.id);
    const one = await again.next(about(missed[0] as string), 5000);
    const two = await again.next(about(missed[2] as string), 5000);
    expect(one.id && two.id).toBeTruthy();
    expect(again.text()).not.toContain(missed[1]);
    expect(again.text().indexOf(missed[0] as string)).toBeLessThan(
      again.text().indexOf(missed[2] as string),
    );
    again.close();
  });

  it("delivers, after Redis drops every connection, what was published while B was away", async () => {
    const alice = await events(b.origin, "alice");
    await alice.next(about(await failingCopy("alice")), 20_000);
    await redis.killClients();
    // A reconnects at once; B only after a second: this event is published while B is away.
    const during = await failingCopy("alice");
    expect(await alice.next(about(during), 20_000)).toBeTruthy();
    const after = await failingCopy("alice");
    expect(await alice.next(about(after), 20_000)).toBeTruthy();
    expect(alice.text().split(`"uid":"${during}"`)).toHaveLength(2);
    alice.close();
  });

  it("drops and reports a foreign message on the channel", async () => {
    const alice = await events(b.origin, "alice");
    await alice.next((m) => m.comments.includes("connected"));
    const before = errorsB.length;
    await redis.client().publish("streamkit:events", "not an event");
    await expect.poll(() => errorsB.slice(before).map((e) => e.operation)).toContain("message");
    expect(await alice.quiet(200)).toBe(true);
    alice.close();
  });

  it("rejects a publish with a typed error when Redis is unreachable", async () => {
    const unreachable = new Redis("redis://127.0.0.1:9", {
      maxRetriesPerRequest: 0,
      retryStrategy: () => null,
      lazyConnect: true,
    });
    unreachable.on("error", () => undefined);
    const bus = createRedisEventBus({ redis: unreachable, onError: () => undefined });
    const event = { id: "1-x", video: { uid: "x" } } as StreamEvent;
    await expect(bus.publish(event)).rejects.toMatchObject({
      name: "RedisEventBusError",
      operation: "publish",
    });
    // Through the receiver: a 500, so Cloudflare delivers the webhook again later.
    const proxy = createStreamProxy({
      accountId: stack.emulator.accountId,
      apiToken: "unused",
      upstream: stack.emulator.apiBase,
      basePath: "/api/stream",
      webhookSecret: "whsec",
      events: bus,
      onError: () => undefined,
    });
    const body = JSON.stringify({
      uid: "6b9e68b07dfee8cc2d116e4c51d6a957",
      status: { state: "ready" },
    });
    const response = await proxy.handleWebhook(
      new Request("http://app.test/webhook", {
        method: "POST",
        headers: { "webhook-signature": await signWebhook("whsec", body) },
        body,
      }),
    );
    expect(response.status).toBe(500);
    unreachable.disconnect();
  });
});
