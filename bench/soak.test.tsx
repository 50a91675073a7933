import { expect, it } from "vitest";
import { recordBench } from "./record";
import { runSoak } from "./soak";

const full = process.env.STREAMKIT_BENCH === "full";

/**
 * `pnpm test`: 30 simulated minutes with 40 of the 200 videos processing (about 10 s), the end
 * compared with minute 10. `pnpm bench`: 6 simulated hours with 100 processing (about 5 min), the
 * end compared with the first hour. Deterministic: the same requests and failures every run.
 */
it("keeps polling a 200-video page for hours within the rate limit, with nothing piling up", async () => {
  const figures = await runSoak(
    full
      ? { minutes: 6 * 60, warmupMinutes: 60 }
      : { minutes: 30, warmupMinutes: 10, processing: 40 },
  );
  const { warm, end } = figures;
  recordBench({
    "soak.simulatedMinutes": full ? 360 : 30,
    "soak.requests": figures.requests,
    "soak.failedRequests": figures.failures.status500 + figures.failures.network,
    "soak.maxRequestsPer5Min": figures.maxRequestsPer5Min,
    "soak.meanRequestsPer5Min": Math.round(figures.meanRequestsPer5Min * 10) / 10,
    "soak.timersFirst": warm.timers,
    "soak.timersLast": end.timers,
    "soak.queryObserversFirst": warm.queryObservers,
    "soak.queryObserversLast": end.queryObservers,
    "soak.pollerWatchesFirst": warm.pollerWatches,
    "soak.pollerWatchesLast": end.pollerWatches,
    "soak.listenersFirst": warm.listeners,
    "soak.listenersLast": end.listeners,
    "soak.heapGrowthMB": Math.round(((end.heapBytes - warm.heapBytes) / 2 ** 20) * 10) / 10,
    "soak.wallSeconds": Math.round(figures.wallMs / 100) / 10,
  });
  if (full) console.log(JSON.stringify({ ...figures, unhandled: figures.unhandled.length }));

  // The API allows 1,200 requests per 5 minutes per account: stay at a tenth of it.
  expect(figures.maxRequestsPer5Min).toBeLessThanOrEqual(120);
  // Failures happened and were survived: every video reached ready, and every row says so.
  expect(figures.failures.status500).toBeGreaterThan(0);
  expect(figures.failures.network).toBeGreaterThan(0);
  expect(figures.allReadyInModel).toBe(true);
  expect(figures.readyBadges).toBe(200);
  // Nothing grows between the first part and the end.
  expect(end.timers).toBeLessThanOrEqual(warm.timers);
  expect(end.queryObservers).toBeLessThanOrEqual(warm.queryObservers);
  expect(end.pollerWatches).toBeLessThanOrEqual(warm.pollerWatches);
  expect(end.listeners).toBeLessThanOrEqual(warm.listeners);
  if (end.heapBytes > 0) expect(end.heapBytes - warm.heapBytes).toBeLessThan(16 * 2 ** 20);
  expect(figures.unhandled).toEqual([]);
  expect(figures.consoleErrors).toEqual([]);
}, 600_000);
