import { defineConfig } from "@playwright/test";
import { CHROMIUM, CHROMIUM_ARGS } from "./scripts/chromium.mjs";

// Each spec starts the servers it needs (emulator, proxy, static pages) on free loopback ports.
export default defineConfig({
  testDir: "e2e",
  // The new user's first run starts the whole stack itself: its own config, run before the build.
  testIgnore: ["first-run/**"],
  timeout: 120_000,
  workers: 1,
  reporter: process.env.CI ? [["list"], ["json"]] : "list",
  outputDir: "test-results",
  use: {
    browserName: "chromium",
    headless: true,
    launchOptions: { executablePath: CHROMIUM, args: CHROMIUM_ARGS },
    screenshot: "only-on-failure",
  },
});
