import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type ContractTarget,
  checkWebhookEvents,
  failingCopy,
  openEvents,
} from "../../packages/proxy/src/test/contract";
import { startWorkerdStack, type WorkerdStack } from "./harness";

/**
 * The Durable Object bus across isolates: two Workers (the same bundle under two names, each its
 * own isolate and port, as two instances of one deployment) share one StreamEventsObject. Webhooks
 * arrive at "a"; browsers listen on either.
 */

let stack: WorkerdStack;
let a: ContractTarget;
let b: ContractTarget;

beforeAll(async () => {
  stack = await startWorkerdStack({
    entry: path.join(import.meta.dirname, "fixture/worker.ts"),
    workers: [
      { name: "a", eventsClass: "TestStreamEventsObject" },
      { name: "b", eventsClass: "TestStreamEventsObject", eventsFrom: "a" },
    ],
  });
  a = stack.target("a");
  b = stack.target("b");
}, 60_000);

afterAll(async () => {
  await stack?.stop();
});

/** A request to the shared object itself, from outside any Worker. */
async function object(route: string) {
  const namespace = await stack.mf.getDurableObjectNamespace("STREAM_EVENTS", "a");
  return namespace.get(namespace.idFromName("streamkit-events")).fetch(`https://object${route}`);
}

async function subscribers(): Promise<number> {
  return ((await (await object("/__test/subscribers")).json()) as { count: number }).count;
}

async function untilSubscribers(count: number): Promise<void> {
  await expect.poll(subscribers, { timeout: 5000, interval: 20 }).toBe(count);
}

/** Waits until the object holds an event for `uid` after `afterId` (the webhook has landed). */
async function untilPublished(afterId: string, uid: string): Promise<void> {
  await expect
    .poll(
      async () => {
        const body = await (
          await object(`/replay?${new URLSearchParams({ after: afterId })}`)
        ).text();
        return body.includes(uid);
      },
      { timeout: 20_000, interval: 50 },
    )
    .toBe(true);
}

const videoOf = (uid: string) => (m: { event?: string; data?: string }) =>
  m.event === "video" && (m.data ?? "").includes(uid);

describe("the Durable Object event bus, in workerd", () => {
  it("runs the two Workers in two isolates", async () => {
    const [isolateA, isolateB] = await Promise.all(
      [stack.origins.a, stack.origins.b].map(async (origin) =>
        (await fetch(`${origin}/__test/isolate`)).text(),
      ),
    );
    expect(isolateA).toMatch(/^[0-9a-f-]{36}$/);
    expect(isolateB).not.toBe(isolateA);
  });

  it("delivers a webhook received by one isolate to the subscribers of another, by creator", async () => {
    await checkWebhookEvents(a, { eventsBaseUrl: b.baseUrl });
  });

  it("replays what a browser missed while away when it reconnects with Last-Event-ID", async () => {
    await untilSubscribers(0);
    const alice = await openEvents(b, "alice");
    await untilSubscribers(1);
    const first = await failingCopy(a, "alice");
    const seen = await alice.next(videoOf(first), 20_000);
    alice.close();
    await untilSubscribers(0);

    // Published while nobody listens: alice's, and bob's that alice must not get.
    const missed = await failingCopy(a, "alice");
    const bobs = await failingCopy(a, "bob");
    await untilPublished(seen.id ?? "", missed);
    await untilPublished(seen.id ?? "", bobs);

    // Back on the other isolate, as a reconnect may land anywhere.
    const back = await openEvents(a, "alice", { lastEventId: seen.id ?? "" });
    const replayed = await back.next((m) => m.event === "video", 5000);
    expect(JSON.parse(replayed.data ?? "")).toMatchObject({ uid: missed, creator: "alice" });
    expect(await back.quiet(300)).toBe(true);
    expect(back.text()).not.toContain(bobs);
    expect(back.text()).not.toContain(first);
    back.close();

    const unknown = await openEvents(b, "alice", { lastEventId: "1-not-an-event-we-kept" });
    await unknown.next((m) => m.comments.includes("replay unavailable"), 5000);
    unknown.close();
  });

  it("ends the stream when the subscription drops, and the reconnect replays", async () => {
    await untilSubscribers(0);
    const alice = await openEvents(b, "alice");
    await untilSubscribers(1);
    const first = await failingCopy(a, "alice");
    const seen = await alice.next(videoOf(first), 20_000);

    await object("/__test/drop");
    // The browser sees its stream end, which makes EventSource reconnect with Last-Event-ID.
    await expect(alice.next(() => false, 5000)).rejects.toThrow("SSE stream ended");
    const reported = (await (await fetch(`${stack.origins.b}/__test/errors`)).json()) as string[];
    expect(reported).toContainEqual(
      expect.stringContaining(
        "DurableObjectEventBusError: The events Durable Object closed the subscription (1012 restarting)",
      ),
    );

    const missed = await failingCopy(a, "alice");
    await untilPublished(seen.id ?? "", missed);
    const back = await openEvents(b, "alice", { lastEventId: seen.id ?? "" });
    expect(JSON.parse((await back.next(videoOf(missed), 5000)).data ?? "").uid).toBe(missed);
    back.close();
  });

  it("lets go of the object's sockets when browsers go away", async () => {
    await untilSubscribers(0);
    const streams = await Promise.all([
      openEvents(a, "alice"),
      openEvents(b, "bob"),
      openEvents(b, "alice"),
    ]);
    await untilSubscribers(3);
    for (const stream of streams) stream.close();
    await untilSubscribers(0);
  });
});
