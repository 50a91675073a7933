// `pnpm test`: every suite (vitest's unit, node and storybook projects, then Playwright), and one
// closing line `N passed, N failed` computed from their JSON reports, which CI reads.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const vitestJson = path.join(root, ".ci-vitest.json");
const playwrightJson = path.join(root, ".ci-pw.json");
const extraArgs = process.argv.slice(2);

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

rmSync(vitestJson, { force: true });
rmSync(playwrightJson, { force: true });

const vitestStatus = run("pnpm", [
  "exec",
  "vitest",
  "run",
  "--reporter=default",
  "--reporter=json",
  `--outputFile.json=${vitestJson}`,
  ...extraArgs,
]);

let playwrightStatus = 0;
if (extraArgs.length === 0 && hasSpecs(path.join(root, "e2e"))) {
  playwrightStatus = run("pnpm", ["exec", "playwright", "test", "--reporter=list,json"], {
    PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightJson,
  });
}

let passed = 0;
let failed = 0;
let skipped = 0;
if (existsSync(vitestJson)) {
  const v = JSON.parse(readFileSync(vitestJson, "utf8"));
  passed += v.numPassedTests;
  failed += v.numFailedTests;
  skipped += v.numPendingTests + (v.numTodoTests ?? 0);
  // A suite that failed to load has no tests, only a failed file: count it as a failure.
  failed += v.testResults.filter(
    (r) => r.status === "failed" && r.assertionResults.length === 0,
  ).length;
} else {
  failed += 1;
}
if (existsSync(playwrightJson)) {
  const p = JSON.parse(readFileSync(playwrightJson, "utf8")).stats;
  passed += p.expected;
  failed += p.unexpected + p.flaky;
  skipped += p.skipped;
} else if (playwrightStatus !== 0) {
  failed += 1;
}

console.log(`\n${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(vitestStatus !== 0 || playwrightStatus !== 0 || failed > 0 ? 1 : 0);
