// `pnpm test`: every suite (vitest's projects, then Playwright), and one closing line
// `N passed, N failed, N skipped` counted from their JSON reports (scripts/summary.mjs), which CI
// reads. Nothing needs building first: tests read the packages' sources, and the suites that need
// built output (packaging) build it themselves.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { forgetRun, readRun, recordRun, reportPath, summarize, summaryLine } from "./summary.mjs";

const root = path.resolve(import.meta.dirname, "..");
const reports = path.join(root, ".ci-reports");
const extraArgs = process.argv.slice(2);

/** Node resolves workspace packages to their sources in Playwright's processes, as tsx does for `pnpm dev`. */
const SOURCE_CONDITION = "--conditions=@streamkit/source";

function run(command, args, env = {}) {
  const result = spawnSync(command, args, {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, ...env },
  });
  return result.status ?? 1;
}

function hasSpecs(dir) {
  if (!existsSync(dir)) return false;
  return readdirSync(dir, { recursive: true }).some((f) => String(f).endsWith(".spec.ts"));
}

const names = [];

forgetRun(reports, "vitest");
const vitestStatus = run("pnpm", [
  "exec",
  "vitest",
  "run",
  "--reporter=default",
  "--reporter=json",
  `--outputFile.json=${reportPath(reports, "vitest")}`,
  ...extraArgs,
]);
recordRun(reports, "vitest", "vitest", vitestStatus);
names.push("vitest");

if (extraArgs.length === 0 && hasSpecs(path.join(root, "e2e"))) {
  forgetRun(reports, "e2e");
  const status = run("pnpm", ["exec", "playwright", "test", "--reporter=list,json"], {
    PLAYWRIGHT_JSON_OUTPUT_NAME: reportPath(reports, "e2e"),
    NODE_OPTIONS: [process.env.NODE_OPTIONS, SOURCE_CONDITION].filter(Boolean).join(" "),
  });
  recordRun(reports, "e2e", "playwright", status);
  names.push("e2e");
}

const total = summarize(names.map((name) => readRun(reports, name)));
console.log(`\n${summaryLine(total)}`);
process.exit(total.ok ? 0 : 1);
