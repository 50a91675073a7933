import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";

/** Benchmarks write their figures here; `pnpm bench` gathers them into bench/results.json. */
export function recordBench(figures: Record<string, number>): void {
  const dir = process.env.STREAMKIT_BENCH_OUT;
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  const name = Object.keys(figures)[0]?.split(".")[0] ?? "bench";
  writeFileSync(path.join(dir, `${name}.json`), JSON.stringify(figures, null, 2));
}
