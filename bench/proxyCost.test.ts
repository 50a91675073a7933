// @vitest-environment node
import { expect, it } from "vitest";
import { measureProxyCost } from "./proxyCost";
import { recordBench } from "./record";

const full = process.env.STREAMKIT_BENCH === "full";
const round = (n: number, places = 0) => Math.round(n * 10 ** places) / 10 ** places;

it("costs little against a bare forwarder to the same emulator", async () => {
  // Full: five rounds of 2 s per operation and setup at 16 connections. Fast (pnpm test): one
  // round of 0.5 s, to keep it honest.
  const { proxy, bare, ratios } = full
    ? await measureProxyCost(2, 16, 5)
    : await measureProxyCost(0.5, 16);
  const figures: Record<string, number> = {};
  for (const op of ["list", "get", "copy"] as const) {
    figures[`proxyCost.${op}Ratio`] = round(ratios[op], 2);
    figures[`proxyCost.${op}ProxyRps`] = round(proxy[op].rps);
    figures[`proxyCost.${op}BareRps`] = round(bare[op].rps);
    figures[`proxyCost.${op}ProxyP50Ms`] = round(proxy[op].p50Ms, 1);
    figures[`proxyCost.${op}ProxyP99Ms`] = round(proxy[op].p99Ms, 1);
    figures[`proxyCost.${op}BareP50Ms`] = round(bare[op].p50Ms, 1);
    figures[`proxyCost.${op}BareP99Ms`] = round(bare[op].p99Ms, 1);
    // Every request answered well through both; the ratio is a figure, not a pass/fail check.
    expect(proxy[op].errors, `${op} through the proxy`).toBe(0);
    expect(bare[op].errors, `${op} through the forwarder`).toBe(0);
  }
  recordBench(figures);
}, 180_000);
