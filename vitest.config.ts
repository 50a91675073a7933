import { createRequire } from "node:module";
import path from "node:path";
import { storybookTest } from "@storybook/addon-vitest/vitest-plugin";
import react from "@vitejs/plugin-react";
import { playwright } from "@vitest/browser-playwright";
import { defaultClientConditions, defaultServerConditions } from "vite";
import { defineConfig } from "vitest/config";
import { CHROMIUM, CHROMIUM_ARGS } from "./scripts/chromium.mjs";

const testingLibraryEsm = path.join(
  path.dirname(createRequire(import.meta.url).resolve("@testing-library/react")),
  "@testing-library/react.esm.js",
);

/** React 18.3 lives in compat/react18, a package of its own so react-dom 18 pairs with react 18. */
const react18 = (request: string) =>
  path.join(import.meta.dirname, "compat/react18/node_modules", request);

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
          env: { STREAMKIT_REACT: "19." },
          include: ["packages/{core,hooks,ui}/src/**/*.test.{ts,tsx}"],
          setupFiles: ["./vitest.setup.ts"],
          globals: false,
        },
      },
      {
        // The hooks and UI suites again on React 18.3, the oldest React the peers allow. Aliases
        // swap React for every importer, so libraries that import it are inlined to see them too.
        extends: true,
        resolve: {
          alias: [
            { find: /^react$/, replacement: react18("react") },
            { find: /^react\/(.*)$/, replacement: react18("react/$1") },
            { find: /^react-dom$/, replacement: react18("react-dom") },
            { find: /^react-dom\/(.*)$/, replacement: react18("react-dom/$1") },
            // Its CommonJS build would `require` React 19 past the aliases; the ESM build imports.
            { find: /^@testing-library\/react$/, replacement: testingLibraryEsm },
          ],
        },
        test: {
          name: "react18",
          environment: "jsdom",
          env: { STREAMKIT_REACT: "18." },
          include: ["packages/{hooks,ui}/src/**/*.test.{ts,tsx}"],
          setupFiles: ["./vitest.setup.ts"],
          server: {
            deps: { inline: [/@streamkit\//, /@tanstack\/react-query/, /@testing-library\/react/] },
          },
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
