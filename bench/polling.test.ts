import { expect, it } from "vitest";
import { measurePolling } from "./polling";
import { recordBench } from "./record";

const full = process.env.STREAMKIT_BENCH === "full";

it("polls far less than the obvious implementation, and not at all once ready", async () => {
  const seconds = full ? 120 : 30;
  const figures = await measurePolling({ consumers: 100, uids: 50, seconds });
  recordBench({
    "polling.naive": figures.naive,
    "polling.streamkit": figures.streamkit,
    "polling.afterReady": figures.afterReady,
    "polling.naiveAfterReady": figures.naiveAfterReady,
  });
  expect(figures.afterReady).toBe(0);
  expect(figures.streamkit * 20).toBeLessThan(figures.naive);
  // The API allows 1,200 requests per 5 minutes per account.
  expect(figures.streamkit * (300 / seconds)).toBeLessThan(1_200 / 10);
}, 120_000);
