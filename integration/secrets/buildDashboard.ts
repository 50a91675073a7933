/**
 * `tsx --conditions=@streamkit/source integration/secrets/buildDashboard.ts <outDir>`: a production
 * build of the example dashboard into `outDir`, with source maps, run the way `pnpm dev` runs
 * Vite (tsx and the source condition), with whatever STREAM_* environment the caller sets.
 */
import { build } from "vite";
import { dashboardVite } from "../../scripts/dashboard";

const outDir = process.argv[2];
if (!outDir) throw new Error("usage: buildDashboard.ts <outDir>");
await build({
  ...dashboardVite,
  logLevel: "warn",
  // Source maps carry every module's source: a secret in any client module would show.
  build: { outDir, emptyOutDir: true, sourcemap: true },
});
