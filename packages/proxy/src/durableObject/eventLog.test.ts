import { describe, expect, it } from "vitest";
import { MemoryStorage, videoEvent } from "../test/durableObject";
import { EventLog } from "./eventLog";

async function loaded(storage: MemoryStorage, limit: number): Promise<EventLog> {
  const log = new EventLog(storage, limit);
  await log.load();
  return log;
}

describe("EventLog (the object's replay buffer)", () => {
  it("keeps the last `limit` events and replays what came after an id", async () => {
    const storage = new MemoryStorage();
    const log = await loaded(storage, 3);
    const events = ["a", "b", "c", "d"].map((uid) => videoEvent(uid));
    for (const event of events) await log.append(event);
    expect(log.size).toBe(3);
    expect(storage.data.size).toBe(3);
    expect(log.after(events[1]!.id)).toEqual(events.slice(2));
    expect(log.after(events[3]!.id)).toEqual([]);
    // Too old (trimmed) or never seen: the browser catches up by polling.
    expect(log.after(events[0]!.id)).toBeUndefined();
    expect(log.after("1-nothing")).toBeUndefined();
  });

  it("survives the object being evicted: a new instance reads storage and goes on after it", async () => {
    const storage = new MemoryStorage();
    const first = await loaded(storage, 10);
    await first.append(videoEvent("a"));
    await first.append(videoEvent("b"));
    const second = await loaded(storage, 10);
    await second.append(videoEvent("c"));
    expect(second.after(videoEvent("a").id)?.map((e) => e.id)).toEqual([
      videoEvent("b").id,
      videoEvent("c").id,
    ]);
    expect([...storage.data.keys()]).toEqual([...storage.data.keys()].sort());
  });

  it("trims to a lowered limit on load and drops stored values it cannot read", async () => {
    const storage = new MemoryStorage();
    const log = await loaded(storage, 5);
    for (const uid of ["a", "b", "c", "d"]) await log.append(videoEvent(uid));
    storage.data.set("event:0000000000000099", "{not json");
    const smaller = await loaded(storage, 2);
    expect(smaller.size).toBe(2);
    expect(storage.data.size).toBe(2);
    expect(smaller.after(videoEvent("c").id)?.map((e) => e.id)).toEqual([videoEvent("d").id]);
  });

  it("keeps nothing with limit 0", async () => {
    const storage = new MemoryStorage();
    const log = await loaded(storage, 0);
    await log.append(videoEvent("a"));
    expect(storage.data.size).toBe(0);
    expect(log.after(videoEvent("a").id)).toBeUndefined();
  });

  it("fails the append when storage fails, without counting the event as kept", async () => {
    const storage = new MemoryStorage();
    const log = await loaded(storage, 5);
    await log.append(videoEvent("a"));
    storage.failPuts = true;
    await expect(log.append(videoEvent("b"))).rejects.toThrow("storage is unavailable");
    expect(log.after(videoEvent("a").id)).toEqual([]);
  });

  it("replays an event too large for one stored value from memory", async () => {
    const storage = new MemoryStorage();
    const log = await loaded(storage, 5);
    const huge = videoEvent("h");
    huge.video.meta = { notes: "x".repeat(200 * 1024) };
    await log.append(videoEvent("a"));
    await log.append(huge);
    expect(storage.data.size).toBe(1);
    expect(log.after(videoEvent("a").id)).toEqual([huge]);
  });
});
