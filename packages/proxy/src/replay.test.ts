import type { Video } from "@streamkit/core";
import { describe, expect, it } from "vitest";
import { parseStreamEvent, stringifyStreamEvent } from "./eventJson";
import {
  createMemoryEventBus,
  createStreamProxy,
  type EventBus,
  eventsAfter,
  type StreamEvent,
} from "./index";
import { sseReader } from "./test/sse";

// `Last-Event-ID`: a browser that reconnects to `/events` gets what it missed, once each, in
// order, scoped to its creator, whether the events were published before or while it asked.

const event = (n: number, creator: string | null = "alice"): StreamEvent => ({
  id: `${1000 + n}-uid${n}`,
  video: { uid: `uid${n}`, creator, status: { state: "ready" } } as Video,
});

function proxyOn(bus: EventBus) {
  return createStreamProxy({
    accountId: "023e105f4ecef8ad9ca31a8372d0c353",
    apiToken: "never-used",
    upstream: "http://127.0.0.1:9/client/v4",
    basePath: "/api/stream",
    creatorScope: (request) => request.headers.get("x-user") ?? undefined,
    events: bus,
  });
}

async function reconnect(bus: EventBus, lastEventId: string | null, user = "alice") {
  const controller = new AbortController();
  const headers: Record<string, string> = { "x-user": user };
  if (lastEventId !== null) headers["last-event-id"] = lastEventId;
  const response = await proxyOn(bus).fetch(
    new Request("http://app.test/api/stream/events", { headers, signal: controller.signal }),
  );
  return { events: sseReader(response), close: () => controller.abort() };
}

async function ids(events: Awaited<ReturnType<typeof reconnect>>["events"], count: number) {
  const seen: string[] = [];
  for (let i = 0; i < count; i++) seen.push((await events.nextVideo()).id ?? "");
  return seen;
}

describe("eventsAfter", () => {
  it("returns what follows the last match, and undefined for an id it does not hold", () => {
    const recent = [event(1), event(2), event(1), event(3)];
    expect(eventsAfter(recent, event(1).id)?.map((e) => e.id)).toEqual([event(3).id]);
    expect(eventsAfter(recent, event(3).id)).toEqual([]);
    expect(eventsAfter(recent, "gone")).toBeUndefined();
  });
});

describe("the memory bus's replay buffer", () => {
  it("keeps only the last `replayLimit` events, and none with 0", () => {
    const bus = createMemoryEventBus({ replayLimit: 2 });
    for (let n = 1; n <= 4; n++) bus.publish(event(n));
    expect(bus.replay?.(event(1).id)).toBeUndefined();
    expect(bus.replay?.(event(3).id)?.map((e) => e.id)).toEqual([event(4).id]);
    const none = createMemoryEventBus({ replayLimit: 0 });
    none.publish(event(1));
    expect(none.replay?.(event(1).id)).toBeUndefined();
  });
});

describe("/events with Last-Event-ID", () => {
  it("sends the missed events of this creator first, then live ones", async () => {
    const bus = createMemoryEventBus();
    for (const e of [event(1), event(2), event(3, "bob"), event(4)]) bus.publish(e);
    const { events, close } = await reconnect(bus, event(1).id);
    expect(await ids(events, 2)).toEqual([event(2).id, event(4).id]);
    bus.publish(event(5));
    expect(await ids(events, 1)).toEqual([event(5).id]);
    expect(events.text()).not.toContain("uid3");
    close();
  });

  it("loses nothing published while the replay is read, and sends nothing twice", async () => {
    const memory = createMemoryEventBus();
    memory.publish(event(1));
    memory.publish(event(2));
    // A slow bus: event 3 is published after the subscription, before the replay answers, so
    // it is both in the replay and live.
    const slow: EventBus = {
      publish: (e) => memory.publish(e),
      subscribe: (listener) => memory.subscribe(listener),
      async replay(afterId) {
        memory.publish(event(3));
        await new Promise((resolve) => setTimeout(resolve, 20));
        return memory.replay?.(afterId);
      },
    };
    const { events, close } = await reconnect(slow, event(1).id);
    expect(await ids(events, 2)).toEqual([event(2).id, event(3).id]);
    memory.publish(event(4));
    expect(await ids(events, 1)).toEqual([event(4).id]);
    expect(events.text().match(/id: 1003-uid3/g)).toHaveLength(1);
    close();
  });

  it("says so when the bus no longer holds the id, then goes on live", async () => {
    const bus = createMemoryEventBus({ replayLimit: 1 });
    bus.publish(event(1));
    bus.publish(event(2));
    const { events, close } = await reconnect(bus, event(1).id);
    await events.next((m) => m.comments.includes("replay unavailable"));
    bus.publish(event(3));
    expect(await ids(events, 1)).toEqual([event(3).id]);
    close();
  });

  it("reports a replay that fails and still streams live events", async () => {
    const memory = createMemoryEventBus();
    const failing: EventBus = {
      publish: (e) => memory.publish(e),
      subscribe: (listener) => memory.subscribe(listener),
      replay: () => Promise.reject(new Error("replay store down")),
    };
    const { events, close } = await reconnect(failing, "1001-uid1");
    memory.publish(event(2));
    expect(await ids(events, 1)).toEqual([event(2).id]);
    close();
  });

  it("ignores a Last-Event-ID on a bus that cannot replay, and an absurdly long one", async () => {
    const memory = createMemoryEventBus();
    memory.publish(event(1));
    memory.publish(event(2));
    const plain: EventBus = {
      publish: (e) => memory.publish(e),
      subscribe: (l) => memory.subscribe(l),
    };
    const first = await reconnect(plain, event(1).id);
    expect(await first.events.quiet(100)).toBe(true);
    first.close();
    const long = await reconnect(memory, "x".repeat(300));
    expect(await long.events.quiet(100)).toBe(true);
    expect(long.events.text()).not.toContain("replay unavailable");
    long.close();
  });
});

describe("the JSON form shared buses carry", () => {
  it("round-trips video and live input events and refuses anything else", () => {
    const live: StreamEvent = {
      id: "1-input-live_input.connected",
      liveInput: {
        uid: "input",
        event_type: "live_input.connected",
        status: "connected",
        updated_at: "2026-12-07T00:00:00Z",
      },
      creator: null,
    };
    for (const e of [event(1), live]) expect(parseStreamEvent(stringifyStreamEvent(e))).toEqual(e);
    for (const junk of ["", "{", "null", "[]", '{"id":""}', '{"id":"1","video":{}}', '{"id":"1"}'])
      expect(parseStreamEvent(junk), junk).toBeUndefined();
  });
});
