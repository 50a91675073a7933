import { defineConfig } from "@playwright/test";
import { CHROMIUM, CHROMIUM_ARGS } from "../../scripts/chromium.mjs";

// The new user's first run (`pnpm test:first-run`, and in CI before anything is built): the
// README's first command, as written, driven in Chromium and stopped as a person would stop it.
export default defineConfig({
  testDir: ".",
  // A fresh machine's first start generates the sample videos and Storybook's dependency cache.
  timeout: 15 * 60_000,
  workers: 1,
  reporter: "list",
  outputDir: "../../test-results-first-run",
  use: {
    browserName: "chromium",
    headless: true,
    launchOptions: { executablePath: CHROMIUM, args: CHROMIUM_ARGS },
    screenshot: "only-on-failure",
  },
});
