// Runs one test runner with its JSON report in `.ci-reports/` and records its exit status, so
// that scripts/summary.mjs counts it: `pnpm test`'s suites and CI's new-user check alike.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { forgetRun, recordRun, reportPath } from "./summary.mjs";

export const root = path.resolve(import.meta.dirname, "..");
export const reports = path.join(root, ".ci-reports");

/** Node resolves workspace packages to their sources, as tsx does for `pnpm dev`. */
export const sourceCondition = {
  NODE_OPTIONS: [process.env.NODE_OPTIONS, "--conditions=@streamkit/source"]
    .filter(Boolean)
    .join(" "),
};

/**
 * `kind` says how the report is read; the runner is told where to write it (vitest by flag,
 * Playwright by PLAYWRIGHT_JSON_OUTPUT_NAME). Returns the exit status.
 */
export function runSuite(name, kind, command, args, env = {}) {
  forgetRun(reports, name);
  const report = reportPath(reports, name);
  const reporterArgs =
    kind === "vitest"
      ? ["--reporter=default", "--reporter=json", `--outputFile.json=${report}`]
      : ["--reporter=list,json"];
  const result = spawnSync(command, [...args, ...reporterArgs], {
    cwd: root,
    stdio: "inherit",
    env: {
      ...process.env,
      ...(kind === "playwright" ? { PLAYWRIGHT_JSON_OUTPUT_NAME: report } : {}),
      ...env,
    },
  });
  const status = result.status ?? 1;
  recordRun(reports, name, kind, status);
  return status;
}
