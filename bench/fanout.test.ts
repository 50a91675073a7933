// @vitest-environment node
import { expect, it } from "vitest";
import { measureFanout } from "./fanout";
import { recordBench } from "./record";

const full = process.env.STREAMKIT_BENCH === "full";
const round2 = (ms: number) => Math.round(ms * 100) / 100;

it("fans webhook events out to many SSE subscribers, each costing little memory and request time", async () => {
  // Full: 1,000 subscribers, 200 events. Fast (pnpm test): 100 and 50, to keep the path honest.
  const figures = await measureFanout(full ? 1000 : 100, full ? 200 : 50);
  recordBench({
    "fanout.subscribers": figures.subscribers,
    "fanout.eventsPerSecond": Math.round(figures.eventsPerSecond),
    "fanout.deliveriesPerSecond": Math.round(figures.deliveriesPerSecond),
    "fanout.rssPerSubscriberKB": Math.round(figures.rssPerSubscriberKB * 10) / 10,
    "fanout.heapPerSubscriberKB": Math.round(figures.heapPerSubscriberKB * 10) / 10,
    "fanout.publishMs": Math.round(figures.publishMs),
    // Time per API request through the same instance, without and with the streams open.
    "fanout.listP50MsIdle": round2(figures.listIdle.p50Ms),
    "fanout.listP99MsIdle": round2(figures.listIdle.p99Ms),
    "fanout.listP50MsWithSubscribers": round2(figures.listWithSubscribers.p50Ms),
    "fanout.listP99MsWithSubscribers": round2(figures.listWithSubscribers.p99Ms),
  });
  // Every subscriber got every event (the promise above resolves only then); the rates are
  // figures for `pnpm bench`, not pass/fail checks on a shared CI machine.
  expect(figures.eventsPerSecond).toBeGreaterThan(0);
}, 180_000);
