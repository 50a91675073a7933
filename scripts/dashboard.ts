/**
 * How every script and test loads the example dashboard's Vite config. Its server side imports
 * `@streamkit/proxy`; Vite's default config loader bundles the config and resolves that import
 * through the package's `dist/`, which exists only after `pnpm build`. The native loader imports
 * the config through Node instead, so it runs wherever Node resolves workspace packages to their
 * sources: under `tsx --conditions=@streamkit/source` (`pnpm dev`) and in Playwright, which
 * `pnpm test` starts with that condition.
 */
import path from "node:path";

const root = path.resolve(import.meta.dirname, "../examples/dashboard");

export const dashboardVite = {
  root,
  configFile: path.join(root, "vite.config.ts"),
  configLoader: "native",
} as const;
