import { signWebhook } from "@streamkit/core/webhooks";
import { describe, expect, it, vi } from "vitest";
import type { StreamEvent } from "../events";
import { createStreamProxy } from "../index";
import {
  FakeClientSocket,
  FakeServerSocket,
  fakeNamespace,
  fakeState,
  toObject,
  upgraded,
  videoEvent,
} from "../test/durableObject";
import {
  createDurableObjectEventBus,
  DurableObjectEventBusError,
  StreamEventsObject,
} from "./index";

/**
 * The bus and the object in Node, over their HTTP protocol; the WebSocket ends are fakes (Node
 * cannot build a 101 response). integration/workerd runs the real thing in workerd.
 */

async function objectWithBus() {
  const fake = fakeState();
  const object = new StreamEventsObject(fake.state);
  await fake.loaded();
  const { namespace, calls, names } = fakeNamespace(toObject(object));
  return { ...fake, object, bus: createDurableObjectEventBus(namespace), calls, names };
}

const failing = (status: number, body = "boom") =>
  fakeNamespace(async () => ({
    status,
    ok: status < 300,
    text: async () => body,
    json: async () => JSON.parse(body) as unknown,
  })).namespace;

describe("createDurableObjectEventBus ⇄ StreamEventsObject", () => {
  it("publishes to the object named streamkit-events, which sends to every socket and keeps it", async () => {
    const { bus, sockets, names } = await objectWithBus();
    const socket = new FakeServerSocket();
    sockets.push(socket);
    const first = videoEvent("a");
    const second = videoEvent("b", "bob");
    await bus.publish(first);
    await bus.publish(second);
    expect(names).toEqual(["streamkit-events"]);
    expect(socket.sent.map((frame) => JSON.parse(frame) as StreamEvent)).toEqual([first, second]);
    expect(await bus.replay(first.id)).toEqual([second]);
    expect(await bus.replay("1-unknown")).toBeUndefined();
  });

  it("keeps the buffer the subclass asks for", async () => {
    class Small extends StreamEventsObject {
      static override replayLimit = 1;
    }
    const fake = fakeState();
    const { namespace } = fakeNamespace(toObject(new Small(fake.state)));
    await fake.loaded();
    const bus = createDurableObjectEventBus(namespace, { name: "tenant-7" });
    await bus.publish(videoEvent("a"));
    await bus.publish(videoEvent("b"));
    expect(fake.storage.data.size).toBe(1);
    expect(await bus.replay(videoEvent("a").id)).toBeUndefined();
  });

  it("answers 500 and sends nothing when it cannot store the event", async () => {
    const { bus, sockets, storage } = await objectWithBus();
    const socket = new FakeServerSocket();
    sockets.push(socket);
    storage.failPuts = true;
    await expect(bus.publish(videoEvent("a"))).rejects.toMatchObject({
      operation: "publish",
      status: 500,
      message: expect.stringContaining("Could not store 1800000000-a: storage is unavailable"),
    });
    expect(socket.sent).toEqual([]);
  });

  it("has the object refuse what is not an event, and unknown routes", async () => {
    const { object } = await objectWithBus();
    const bad = await object.fetch(
      new Request("https://o/publish", { method: "POST", body: JSON.stringify({ id: 1 }) }),
    );
    expect(bad.status).toBe(400);
    expect((await object.fetch(new Request("https://o/nope"))).status).toBe(404);
    expect((await object.fetch(new Request("https://o/subscribe"))).status).toBe(426);
    expect((await object.fetch(new Request("https://o/replay"))).status).toBe(400);
  });
});

describe("a failed publish or replay rejects with a clear error", () => {
  it("names the event and the object's status", async () => {
    const bus = createDurableObjectEventBus(failing(500, "storage is unavailable"));
    const error = await bus.publish(videoEvent("a")).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DurableObjectEventBusError);
    expect(error).toMatchObject({ operation: "publish", status: 500 });
    expect(String(error)).toContain(`refused ${videoEvent("a").id}: 500 storage is unavailable`);
    await expect(bus.replay("x")).rejects.toMatchObject({ operation: "replay", status: 500 });
  });

  it("keeps the runtime's error as the cause when the object cannot be reached", async () => {
    const cause = new Error("Durable Object reset because its code was updated");
    const bus = createDurableObjectEventBus(fakeNamespace(() => Promise.reject(cause)).namespace);
    await expect(bus.publish(videoEvent("a"))).rejects.toMatchObject({
      operation: "publish",
      status: undefined,
      cause,
      message: expect.stringContaining("Could not reach the events Durable Object"),
    });
  });

  it("makes the webhook answer 500, so Stream delivers it again", async () => {
    const onError = vi.fn();
    const proxy = createStreamProxy({
      accountId: "023e105f4ecef8ad9ca31a8372d0c353",
      apiToken: "token",
      basePath: "/api/stream",
      webhookSecret: "secret",
      events: createDurableObjectEventBus(failing(503)),
      onError,
    });
    const body = JSON.stringify({ uid: "0123456789abcdef0123456789abcdef", creator: "alice" });
    const response = await proxy.handleWebhook(
      new Request("https://app.test/webhooks/stream", {
        method: "POST",
        headers: { "webhook-signature": await signWebhook("secret", body) },
        body,
      }),
    );
    expect(response.status).toBe(500);
    expect(onError.mock.calls[0]?.[0]).toBeInstanceOf(DurableObjectEventBusError);
  });

  it("refuses a malformed replay answer", async () => {
    const bus = createDurableObjectEventBus(failing(200, JSON.stringify({ nothing: true })));
    await expect(bus.replay("x")).rejects.toThrow("no events list");
  });

  it("throws at creation without a namespace, or with a bad ping interval", () => {
    expect(() => createDurableObjectEventBus(undefined as never)).toThrow(TypeError);
    expect(() => createDurableObjectEventBus(failing(200), { pingIntervalMs: 0 })).toThrow(
      /pingIntervalMs/,
    );
  });
});

describe("subscriptions", () => {
  function subscribed(options: { pingIntervalMs?: number; status?: number } = {}) {
    const socket = new FakeClientSocket();
    const { namespace, calls } = fakeNamespace(async () => upgraded(socket, options.status));
    const onError = vi.fn();
    const bus = createDurableObjectEventBus(namespace, {
      onError,
      pingIntervalMs: options.pingIntervalMs ?? 60_000,
    });
    return { socket, calls, onError, bus };
  }

  it("opens a WebSocket to the object and hands each event frame to the listener", async () => {
    const { socket, calls, onError, bus } = subscribed();
    const events: StreamEvent[] = [];
    const off = await bus.subscribe((event) => events.push(event));
    expect(calls[0]?.init?.headers).toEqual({ upgrade: "websocket" });
    expect(socket.accepted).toBe(true);
    socket.emit("message", { data: JSON.stringify(videoEvent("a")) });
    socket.emit("message", { data: "not an event" });
    expect(events).toEqual([videoEvent("a")]);
    expect(onError.mock.calls[0]?.[0]).toMatchObject({ operation: "message" });
    off();
    expect(socket.closedWith).toEqual([1000, "unsubscribed"]);
    socket.emit("close", { code: 1000, reason: "unsubscribed" });
    expect(onError).toHaveBeenCalledTimes(1);
  });

  it("reports a dropped subscription once, to onEnd when given (as /events does)", async () => {
    const { socket, onError, bus } = subscribed();
    const onEnd = vi.fn();
    await bus.subscribe(() => undefined, onEnd);
    socket.emit("close", { code: 1012, reason: "restarting" });
    socket.emit("error", { error: new Error("late") });
    expect(onEnd).toHaveBeenCalledTimes(1);
    expect(String(onEnd.mock.calls[0]?.[0])).toContain("closed the subscription (1012 restarting)");
    expect(onError).not.toHaveBeenCalled();
  });

  it("reports a drop to onError when the subscriber gave no onEnd", async () => {
    const { socket, onError, bus } = subscribed();
    await bus.subscribe(() => undefined);
    socket.emit("error", { error: new Error("network lost") });
    expect(String(onError.mock.calls[0]?.[0])).toContain("failed: network lost");
  });

  it("ends a subscription whose pings go unanswered", async () => {
    const { socket, bus } = subscribed({ pingIntervalMs: 10 });
    const onEnd = vi.fn();
    await bus.subscribe(() => undefined, onEnd);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(onEnd).not.toHaveBeenCalled();
    expect(socket.sent.filter((frame) => frame === "ping").length).toBeGreaterThan(1);
    socket.autoPong = false;
    await vi.waitFor(() => expect(onEnd).toHaveBeenCalledTimes(1));
    expect(String(onEnd.mock.calls[0]?.[0])).toContain("did not answer a ping");
    expect(socket.closedWith?.[0]).toBe(1000);
  });

  it("rejects when the object does not upgrade", async () => {
    const { bus } = subscribed({ status: 500 });
    await expect(bus.subscribe(() => undefined)).rejects.toMatchObject({
      operation: "subscribe",
      status: 500,
    });
  });
});
