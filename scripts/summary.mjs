// How a test run is counted for the one line CI and people read: `N passed, N failed, N skipped`.
// Each runner's JSON report is counted with its exit status, and the rule that matters most: a
// run whose exit status says it failed is never summed up as `0 failed`. A suite whose setup
// failed (its tests skipped or never collected), an error outside any test (an unhandled
// rejection, a failed global setup, a crashed worker) and a report that was never written all
// count as failures.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

/** @typedef {{ passed: number, failed: number, skipped: number }} Counts */
/** @typedef {{ name: string, kind: "vitest" | "playwright" | "check", status: number, report?: unknown }} Run */

/** @returns {Counts} */
function countVitest(report) {
  let failed = report.numFailedTests ?? 0;
  for (const file of report.testResults ?? []) {
    const anyTestFailed = (file.assertionResults ?? []).some((t) => t.status === "failed");
    // The file failed but none of its tests did: its setup or import failed.
    if (file.status === "failed" && !anyTestFailed) failed += 1;
  }
  // Errors outside every test (unhandled rejections, a crashed worker) only clear `success`.
  if (report.success === false && failed === 0) failed = 1;
  return {
    passed: report.numPassedTests ?? 0,
    failed,
    skipped: (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0),
  };
}

/** @returns {Counts} */
function countPlaywright(report) {
  const stats = report.stats ?? {};
  // Top-level errors: a failed global setup or teardown, a worker that crashed between tests,
  // a spec file that does not load.
  const outside = Array.isArray(report.errors) ? report.errors.length : 0;
  return {
    passed: stats.expected ?? 0,
    failed: (stats.unexpected ?? 0) + (stats.flaky ?? 0) + outside,
    skipped: stats.skipped ?? 0,
  };
}

const ANSI = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, "g");
// The message and its own frames, without the runners' frames from node_modules.
const brief = (text) =>
  String(text ?? "")
    .replace(ANSI, "")
    .split("\n")
    .filter((line) => !/^\s*at .*node_modules/.test(line))
    .join("\n")
    .trim()
    .slice(0, 900);

function* playwrightFailures(suite, trail) {
  const here = suite.title ? [...trail, suite.title] : trail;
  for (const spec of suite.specs ?? []) {
    for (const test of spec.tests ?? []) {
      const bad = (test.results ?? []).find(
        (r) => r.status === "failed" || r.status === "timedOut",
      );
      if (bad)
        yield { title: [...here, spec.title].join(" › "), message: brief(bad.error?.message) };
    }
  }
  for (const child of suite.suites ?? []) yield* playwrightFailures(child, here);
}

/**
 * What failed, in a few lines each: CI logs are often read from their end, where the runners'
 * own reports of a failure (printed minutes earlier) are long gone.
 * @param {Run} run @returns {{ title: string, message: string }[]}
 */
export function failuresOf(run) {
  const report = /** @type {any} */ (run.report);
  if (!report)
    return run.kind === "check" ? [] : [{ title: run.name, message: "no report was written" }];
  const found = [];
  if (run.kind === "vitest") {
    for (const file of report.testResults ?? []) {
      const tests = (file.assertionResults ?? []).filter((t) => t.status === "failed");
      for (const t of tests)
        found.push({
          title: `${file.name} › ${t.fullName}`,
          message: brief(t.failureMessages?.[0]),
        });
      if (file.status === "failed" && tests.length === 0)
        found.push({ title: file.name, message: brief(file.message) });
    }
  } else if (run.kind === "playwright") {
    for (const suite of report.suites ?? []) found.push(...playwrightFailures(suite, []));
    for (const error of report.errors ?? [])
      found.push({ title: "outside any test", message: brief(error.message) });
  }
  return found;
}

/** @param {Run} run @returns {Counts} */
export function countRun(run) {
  // A check (lint, types) has no tests of its own: it only ever adds a failure.
  if (run.kind === "check") return { passed: 0, failed: run.status === 0 ? 0 : 1, skipped: 0 };
  const counts =
    run.report === undefined
      ? { passed: 0, failed: 1, skipped: 0 }
      : run.kind === "vitest"
        ? countVitest(run.report)
        : countPlaywright(run.report);
  if (run.status !== 0 && counts.failed === 0) counts.failed = 1;
  return counts;
}

/** @param {Run[]} runs @returns {Counts & { ok: boolean }} */
export function summarize(runs) {
  const total = { passed: 0, failed: 0, skipped: 0 };
  for (const run of runs) {
    const counts = countRun(run);
    total.passed += counts.passed;
    total.failed += counts.failed;
    total.skipped += counts.skipped;
  }
  return { ...total, ok: total.failed === 0 && runs.every((run) => run.status === 0) };
}

/** @param {Counts} counts */
export function summaryLine({ passed, failed, skipped }) {
  return `${passed} passed, ${failed} failed, ${skipped} skipped`;
}

// A folder of runs: `<name>.run.json` ({ kind, status }) beside `<name>.report.json`, so that a
// check run before `pnpm test` (CI's new-user check) is counted in the same closing line.

export function reportPath(dir, name) {
  return path.join(dir, `${name}.report.json`);
}

/** Clears what an earlier run of `name` left, before it runs again. */
export function forgetRun(dir, name) {
  mkdirSync(dir, { recursive: true });
  rmSync(reportPath(dir, name), { force: true });
  rmSync(path.join(dir, `${name}.run.json`), { force: true });
}

export function recordRun(dir, name, kind, status) {
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, `${name}.run.json`), JSON.stringify({ kind, status }));
}

/** @returns {Run} */
export function readRun(dir, name) {
  const { kind, status } = JSON.parse(readFileSync(path.join(dir, `${name}.run.json`), "utf8"));
  const file = reportPath(dir, name);
  let report;
  try {
    report = existsSync(file) ? JSON.parse(readFileSync(file, "utf8")) : undefined;
  } catch {
    report = undefined; // A truncated report counts as a missing one.
  }
  return { name, kind, status, report };
}

export function readRuns(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((file) => file.endsWith(".run.json"))
    .sort()
    .map((file) => readRun(dir, file.slice(0, -".run.json".length)));
}

// `node scripts/summary.mjs DIR [--expect a,b,c]`: the closing line over every run recorded in
// DIR, exit 1 unless all passed; an expected run that recorded nothing counts as failed, and so
// does a folder with no runs: nothing was proven.
// `node scripts/summary.mjs DIR --record NAME STATUS`: records a check (lint, types) by its status.
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [dirArg = ".ci-reports", flag, ...rest] = process.argv.slice(2);
  const dir = path.resolve(dirArg);
  if (flag === "--record") {
    const [name, status] = rest;
    recordRun(dir, name, "check", Number(status));
    process.exit(0);
  }
  const expected = flag === "--expect" ? (rest[0] ?? "").split(",").filter(Boolean) : [];
  const runs = readRuns(dir);
  for (const name of expected) {
    if (!runs.some((run) => run.name === name)) runs.push({ name, kind: "check", status: 1 });
  }
  const total =
    runs.length === 0 ? { passed: 0, failed: 1, skipped: 0, ok: false } : summarize(runs);
  const failures = runs.flatMap((run) => failuresOf(run).map((f) => ({ ...f, run: run.name })));
  if (failures.length > 0) console.log("\nWhat failed:");
  for (const { run, title, message } of failures.slice(0, 12))
    console.log(`- [${run}] ${title}\n    ${message.split("\n").slice(0, 12).join("\n    ")}`);
  for (const run of runs) console.log(`  ${run.name}: ${summaryLine(countRun(run))}`);
  console.log(`\n${summaryLine(total)}`);
  process.exit(total.ok ? 0 : 1);
}
