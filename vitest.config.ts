import path from "node:path";
import { storybookTest } from "@storybook/addon-vitest/vitest-plugin";
import react from "@vitejs/plugin-react";
import { playwright } from "@vitest/browser-playwright";
import { defaultClientConditions, defaultServerConditions } from "vite";
import { defineConfig } from "vitest/config";
import { CHROMIUM, CHROMIUM_ARGS } from "./scripts/chromium.mjs";

// Tests run against package sources (the `source` export condition), never against dist.
export default defineConfig({
  plugins: [react()],
  resolve: { conditions: ["@streamkit/source", ...defaultClientConditions] },
  // Node-environment tests resolve through the SSR pipeline: give it the same source condition,
  // and inline our packages so vite (not Node) loads their TypeScript.
  ssr: { resolve: { conditions: ["@streamkit/source", ...defaultServerConditions] } },
  test: {
    server: { deps: { inline: [/@streamkit\//] } },
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          environment: "jsdom",
          include: ["packages/{core,hooks,ui}/src/**/*.test.{ts,tsx}"],
          setupFiles: ["./vitest.setup.ts"],
          globals: false,
        },
      },
      {
        extends: true,
        test: {
          name: "bench",
          environment: "jsdom",
          include: ["bench/**/*.test.{ts,tsx}"],
          setupFiles: ["./vitest.setup.ts"],
          testTimeout: 300_000,
        },
      },
      {
        extends: true,
        resolve: { conditions: ["@streamkit/source", ...defaultServerConditions] },
        test: {
          name: "node",
          environment: "node",
          include: [
            "packages/{emulator,proxy}/src/**/*.test.ts",
            "packages/*/test/**/*.test.ts",
            // Tests across packages (engine + proxy + emulator) live outside any one package.
            "integration/**/*.test.ts",
          ],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        extends: true,
        plugins: [storybookTest({ configDir: path.join(import.meta.dirname, ".storybook") })],
        test: {
          name: "storybook",
          testTimeout: 60_000,
          browser: {
            enabled: true,
            headless: true,
            provider: playwright({
              launchOptions: { executablePath: CHROMIUM, args: CHROMIUM_ARGS },
            }),
            instances: [{ browser: "chromium" }],
          },
        },
      },
    ],
  },
});
