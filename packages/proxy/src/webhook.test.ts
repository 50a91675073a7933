import { signWebhook } from "@streamkit/core/webhooks";
import { describe, expect, it, vi } from "vitest";
import { createMemoryEventBus, createStreamProxy, type EventBus, type StreamEvent } from "./index";
import { sseReader } from "./test/sse";

const SECRET = "85011ed3a913c6ad5f9cf6c5573cc0a7";
const ACCOUNT = "023e105f4ecef8ad9ca31a8372d0c353";
const UID_A = "6b9e68b07dfee8cc2d116e4c51d6a957";
const UID_B = "dd5d531a12de0c724bd1275a3b2bc9c6";

function makeProxy(options: Partial<Parameters<typeof createStreamProxy>[0]> = {}) {
  return createStreamProxy({
    accountId: ACCOUNT,
    apiToken: "never-used",
    upstream: "http://127.0.0.1:9/client/v4",
    basePath: "/api/stream",
    webhookSecret: SECRET,
    creatorScope: (request) => request.headers.get("x-user") ?? undefined,
    ...options,
  });
}

const video = (uid: string, creator: string | null) =>
  JSON.stringify({
    uid,
    creator,
    readyToStream: true,
    status: { state: "ready", pctComplete: "100.000000" },
  });

async function webhook(body: string, signature: string | null) {
  const headers = new Headers({ "content-type": "application/json" });
  if (signature !== null) headers.set("webhook-signature", signature);
  return new Request("http://app.test/webhooks/stream", { method: "POST", headers, body });
}

function subscribe(proxy: ReturnType<typeof makeProxy>, user?: string) {
  const controller = new AbortController();
  const headers: Record<string, string> = user ? { "x-user": user } : {};
  const request = new Request("http://app.test/api/stream/events", {
    headers,
    signal: controller.signal,
  });
  return { response: proxy.fetch(request), controller };
}

describe("handleWebhook", () => {
  it("refuses missing, malformed, stale and mismatched signatures with 401 and publishes nothing", async () => {
    const bus = createMemoryEventBus();
    const published = vi.fn();
    bus.subscribe(published);
    const proxy = makeProxy({ events: bus });
    const body = video(UID_A, "alice");
    const now = Math.floor(Date.now() / 1000);
    const cases: [string | null, RegExp][] = [
      [null, /Webhook-Signature header is missing/],
      ["sig1=abc", /malformed/],
      [await signWebhook(SECRET, body, now - 3600), /more than 300 s away from now/],
      [await signWebhook("wrong-secret", body, now), /does not match the body/],
      [await signWebhook(SECRET, `${body} `, now), /does not match the body/],
    ];
    for (const [signature, message] of cases) {
      const response = await proxy.handleWebhook(await webhook(body, signature));
      expect(response.status, String(signature)).toBe(401);
      const envelope = (await response.json()) as {
        success: boolean;
        errors: { code: number; message: string }[];
      };
      expect(envelope.success).toBe(false);
      expect(envelope.errors[0]?.code).toBe(10000);
      expect(envelope.errors[0]?.message).toMatch(message);
    }
    expect(published).not.toHaveBeenCalled();
  });

  it("delivers a verified webhook to an /events subscriber as a server-sent event", async () => {
    const proxy = makeProxy({ sse: { retryMs: 1234 } });
    const { response, controller } = subscribe(proxy);
    const stream = await response;
    expect(stream.status).toBe(200);
    expect(stream.headers.get("content-type")).toBe("text/event-stream; charset=utf-8");
    const events = sseReader(stream);
    const hello = await events.next((m) => m.retry !== undefined);
    expect(hello.retry).toBe("1234");

    const body = video(UID_A, "alice");
    const time = Math.floor(Date.now() / 1000);
    const accepted = await proxy.handleWebhook(
      await webhook(body, await signWebhook(SECRET, body, time)),
    );
    expect(accepted.status).toBe(200);
    expect(await accepted.json()).toEqual({
      result: { id: `${time}-${UID_A}` },
      success: true,
      errors: [],
      messages: [],
    });

    const message = await events.nextVideo();
    expect(message.event).toBe("video");
    expect(message.id).toBe(`${time}-${UID_A}`);
    expect(JSON.parse(message.data ?? "")).toEqual(JSON.parse(body));
    controller.abort();
  });

  it("scopes events: a subscriber sees only its creator's videos", async () => {
    const proxy = makeProxy();
    const alice = sseReader(await subscribe(proxy, "alice").response);
    const bob = sseReader(await subscribe(proxy, "bob").response);
    const admin = sseReader(await subscribe(proxy).response);
    for (const [uid, creator] of [
      [UID_A, "alice"],
      [UID_B, "bob"],
    ] as const) {
      const body = video(uid, creator);
      await proxy.handleWebhook(await webhook(body, await signWebhook(SECRET, body)));
    }
    expect(JSON.parse((await alice.nextVideo()).data ?? "").uid).toBe(UID_A);
    expect(await alice.quiet()).toBe(true);
    expect(JSON.parse((await bob.nextVideo()).data ?? "").uid).toBe(UID_B);
    expect(await bob.quiet()).toBe(true);
    expect(JSON.parse((await admin.nextVideo()).data ?? "").uid).toBe(UID_A);
    expect(JSON.parse((await admin.nextVideo()).data ?? "").uid).toBe(UID_B);
    await Promise.all([alice.cancel(), bob.cancel(), admin.cancel()]);
  });

  it("sends heartbeat comments and unsubscribes on abort and on cancel", async () => {
    const bus = createMemoryEventBus();
    const proxy = makeProxy({ events: bus, sse: { heartbeatMs: 20 } });
    const first = subscribe(proxy);
    const events = sseReader(await first.response);
    await events.next((m) => m.comments.includes("heartbeat"));
    const second = sseReader(await subscribe(proxy).response);
    await vi.waitFor(() => expect(bus.size).toBe(2));
    first.controller.abort();
    await vi.waitFor(() => expect(bus.size).toBe(1));
    await second.cancel();
    await vi.waitFor(() => expect(bus.size).toBe(0));
  });

  it("runs authorize on /events", async () => {
    const proxy = makeProxy({ authorize: () => false });
    const { response } = subscribe(proxy, "alice");
    expect((await response).status).toBe(401);
  });

  it("publishes to a custom bus and calls onWebhook first", async () => {
    const events: StreamEvent[] = [];
    const bus: EventBus = {
      publish: async (event) => {
        events.push(event);
      },
      subscribe: () => () => undefined,
    };
    const onWebhook = vi.fn();
    const proxy = makeProxy({ events: bus, onWebhook });
    const body = video(UID_B, null);
    const response = await proxy.handleWebhook(
      await webhook(body, await signWebhook(SECRET, body)),
    );
    expect(response.status).toBe(200);
    expect(onWebhook).toHaveBeenCalledWith(JSON.parse(body), expect.any(Request));
    expect(events.map((e) => ("video" in e ? e.video.uid : e.liveInput.uid))).toEqual([UID_B]);
    expect(proxy.events).toBe(bus);
  });

  it("refuses other methods, oversized and non-video bodies, and a missing secret", async () => {
    const proxy = makeProxy({ limits: { webhookBytes: 100 } });
    const get = await proxy.handleWebhook(new Request("http://app.test/webhooks/stream"));
    expect(get.status).toBe(405);
    const big = `{"uid":"${UID_A}","pad":"${"x".repeat(200)}"}`;
    expect(
      (await proxy.handleWebhook(await webhook(big, await signWebhook(SECRET, big)))).status,
    ).toBe(413);
    const notVideo = '{"hello":1}';
    const refused = await proxy.handleWebhook(
      await webhook(notVideo, await signWebhook(SECRET, notVideo)),
    );
    expect(refused.status).toBe(400);
    const unconfigured = makeProxy({ webhookSecret: undefined });
    const response = await unconfigured.handleWebhook(await webhook("{}", "time=1,sig1=00"));
    expect(response.status).toBe(500);
    expect(
      ((await response.json()) as { errors: { message: string }[] }).errors[0]?.message,
    ).toContain("set webhookSecret");
  });
});
