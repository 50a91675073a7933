import { expect, it } from "vitest";
import { recordBench } from "./record";
import { measureRowRenders } from "./renders";

const full = process.env.STREAMKIT_BENCH === "full";

it("re-renders no row when a poll changes nothing, and one row when one video changes", async () => {
  const figures = await measureRowRenders(full ? 500 : 150);
  recordBench({
    "renders.unchanged": figures.unchanged,
    "renders.oneChanged": figures.oneChanged,
    "renders.requestsPerPoll": figures.requestsPerPoll,
  });
  expect(figures.unchanged).toBe(0);
  expect(figures.oneChanged).toBe(1);
}, 120_000);
