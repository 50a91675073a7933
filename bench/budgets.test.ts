// @vitest-environment node
import { expect, it } from "vitest";
import { BUDGETS, bundleSizes } from "./bundle.mjs";

// The same measurement `pnpm bench` reports (esbuild, minified, gzip -9, peers external), so a
// change that pushes an entry over its budget fails the tests, not just the benchmark table.
it("keeps every entry within its bundle budget", async () => {
  const sizes: Record<string, number> = await bundleSizes();
  const over = Object.entries(BUDGETS)
    .filter(([key, budget]) => !((sizes[key] ?? Number.POSITIVE_INFINITY) <= budget))
    .map(([key, budget]) => `${key}: ${sizes[key]} B > ${budget} B`);
  expect(over).toEqual([]);
}, 60_000);
