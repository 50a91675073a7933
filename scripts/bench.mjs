// `pnpm bench`: every benchmark in one run, so ratios compare figures taken on the same machine
// at the same moment. Prints a table and writes bench/results.json.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { BUDGETS, bundleSizes } from "../bench/bundle.mjs";

const root = path.resolve(import.meta.dirname, "..");
const out = path.join(root, "bench/.tmp");
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

const results = { ...(await bundleSizes()) };

// Request and render counts run as vitest files (React, fake timers) and write their figures to `out`.
const run = spawnSync("pnpm", ["exec", "vitest", "run", "--project", "bench"], {
  cwd: root,
  stdio: "inherit",
  env: { ...process.env, STREAMKIT_BENCH: "full", STREAMKIT_BENCH_OUT: out },
});
// Player figures need a real browser: Playwright, same output folder.
const players = spawnSync(
  "pnpm",
  ["exec", "playwright", "test", "--config", "bench/playwright.config.ts"],
  {
    cwd: root,
    stdio: "inherit",
    env: {
      ...process.env,
      STREAMKIT_BENCH: "full",
      STREAMKIT_BENCH_OUT: out,
      // The specs import the emulator and proxy from source, as `pnpm test:e2e` does: no build needed.
      NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ""} --conditions=@streamkit/source`.trim(),
    },
  },
);
for (const file of existsSync(out) ? readdirSync(out) : []) {
  Object.assign(results, JSON.parse(readFileSync(path.join(out, file), "utf8")));
}

writeFileSync(path.join(root, "bench/results.json"), `${JSON.stringify(results, null, 2)}\n`);
const rows = Object.entries(results).map(([key, value]) => ({
  figure: key,
  value,
  budget: BUDGETS[key] ?? "",
  within: BUDGETS[key] === undefined ? "" : value <= BUDGETS[key] ? "yes" : "NO",
}));
console.table(rows);
console.log(`wrote ${path.relative(root, path.join(root, "bench/results.json"))}`);
process.exit(run.status || players.status || 0);
