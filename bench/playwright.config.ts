import { defineConfig } from "@playwright/test";
import { CHROMIUM, CHROMIUM_ARGS } from "../scripts/chromium.mjs";

// Browser benchmarks, run by `pnpm bench` (not by `pnpm test`, which has the fast checks in e2e/).
export default defineConfig({
  testDir: ".",
  testMatch: "*.bench.spec.ts",
  timeout: 180_000,
  workers: 1,
  reporter: "list",
  outputDir: "../test-results/bench",
  use: {
    browserName: "chromium",
    headless: true,
    launchOptions: { executablePath: CHROMIUM, args: CHROMIUM_ARGS },
  },
});
