import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  countRun,
  failuresOf,
  forgetRun,
  readRuns,
  recordRun,
  reportPath,
  summarize,
  summaryLine,
} from "../../scripts/summary.mjs";

// The closing line CI and people read is counted by scripts/summary.mjs. These runs are real:
// vitest and Playwright, as installed, run on fixtures that fail the ways that once hid behind
// "0 failed", and their own JSON reports are counted.

const root = path.resolve(import.meta.dirname, "../..");
const fixtures = path.join(import.meta.dirname, "fixtures");
let work: string;

/** The environment without this vitest's own variables, so the child is a run of its own. */
function childEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !key.startsWith("VITEST") && key !== "TEST"),
  );
  return { ...env, ...extra };
}

function exitStatus(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv) {
  return new Promise<number>((resolve) => {
    execFile(command, args, { cwd, env }, (error) =>
      resolve(error ? (typeof error.code === "number" ? error.code : 1) : 0),
    );
  });
}

async function json(file: string): Promise<unknown> {
  return JSON.parse(await readFile(file, "utf8"));
}

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), "streamkit-summary-"));
});

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

describe("a real vitest run whose suite fails in beforeAll", () => {
  it("counts that suite as failed, though vitest itself reports 0 failed tests", async () => {
    const out = path.join(work, "vitest.json");
    const status = await exitStatus(
      path.join(root, "node_modules/.bin/vitest"),
      ["run", "--reporter=json", `--outputFile.json=${out}`],
      path.join(fixtures, "vitest"),
      childEnv(),
    );
    const report = (await json(out)) as { numFailedTests: number; numPendingTests: number };
    expect(status).toBe(1);
    // What vitest says: nothing failed, two skipped. What happened: a suite did not run.
    expect(report.numFailedTests).toBe(0);
    expect(report.numPendingTests).toBe(2);
    expect(countRun({ name: "vitest", kind: "vitest", status, report })).toEqual({
      passed: 1,
      failed: 1,
      skipped: 2,
    });
    // Said again at the end of the log, where a reader of CI's tail finds it.
    const [failure] = failuresOf({ name: "vitest", kind: "vitest", status, report });
    expect(failure?.title).toMatch(/setup-fails\.check\.mjs$/);
    expect(failure?.message).toContain("the setup of this suite fails");
  }, 60_000);
});

describe("a real Playwright run whose global setup fails", () => {
  it("counts the error outside any test as a failure", async () => {
    const out = path.join(work, "playwright.json");
    const status = await exitStatus(
      path.join(root, "node_modules/.bin/playwright"),
      ["test", "--config", "playwright.config.mjs", "--reporter=json"],
      path.join(fixtures, "playwright"),
      childEnv({ PLAYWRIGHT_JSON_OUTPUT_NAME: out }),
    );
    const report = (await json(out)) as { stats: { unexpected: number; expected: number } };
    expect(status).toBe(1);
    expect(report.stats).toMatchObject({ expected: 0, unexpected: 0 });
    expect(countRun({ name: "e2e", kind: "playwright", status, report }).failed).toBe(1);
    expect(failuresOf({ name: "e2e", kind: "playwright", status, report })).toEqual([
      { title: "outside any test", message: expect.stringContaining("the global setup fails") },
    ]);
  }, 60_000);
});

describe("the closing line", () => {
  const cleanVitest = {
    success: true,
    numPassedTests: 3,
    numFailedTests: 0,
    numPendingTests: 1,
    numTodoTests: 0,
    testResults: [{ status: "passed", assertionResults: [{ status: "passed" }] }],
  };

  it("sums every run when all of them passed", () => {
    const total = summarize([
      { name: "vitest", kind: "vitest", status: 0, report: cleanVitest },
      {
        name: "e2e",
        kind: "playwright",
        status: 0,
        report: { stats: { expected: 2, unexpected: 0, flaky: 0, skipped: 0 }, errors: [] },
      },
    ]);
    expect(total).toEqual({ passed: 5, failed: 0, skipped: 1, ok: true });
    expect(summaryLine(total)).toBe("5 passed, 0 failed, 1 skipped");
  });

  it("never says 0 failed for a run whose exit status says it failed", () => {
    // Clean counts, failed exit: an error vitest reported nowhere in its JSON.
    const run = { name: "vitest", kind: "vitest" as const, status: 1, report: cleanVitest };
    expect(countRun(run).failed).toBe(1);
    expect(summarize([run]).ok).toBe(false);
  });

  it("counts errors outside tests, missing reports and flaky tests as failures", () => {
    expect(
      countRun({
        name: "vitest",
        kind: "vitest",
        status: 1,
        report: { ...cleanVitest, success: false },
      }).failed,
    ).toBe(1);
    expect(
      countRun({
        name: "e2e",
        kind: "playwright",
        status: 1,
        report: {
          stats: { expected: 4, unexpected: 0, flaky: 0, skipped: 0 },
          errors: [{ message: "worker process exited unexpectedly" }],
        },
      }).failed,
    ).toBe(1);
    expect(countRun({ name: "first-run", kind: "playwright", status: 0 }).failed).toBe(1);
    // Lint and types add a failure when they fail, and no passed tests when they pass.
    expect(countRun({ name: "lint", kind: "check", status: 1 })).toEqual({
      passed: 0,
      failed: 1,
      skipped: 0,
    });
    expect(countRun({ name: "lint", kind: "check", status: 0 }).failed).toBe(0);
    expect(
      countRun({
        name: "e2e",
        kind: "playwright",
        status: 0,
        report: { stats: { expected: 1, unexpected: 0, flaky: 1, skipped: 0 }, errors: [] },
      }).failed,
    ).toBe(1);
  });

  it("adds the runs recorded in a folder, a truncated report counting as failed", async () => {
    const dir = path.join(work, "runs");
    forgetRun(dir, "first-run");
    recordRun(dir, "first-run", "playwright", 0);
    await writeFile(reportPath(dir, "first-run"), '{"stats": {"expec');
    recordRun(dir, "vitest", "vitest", 0);
    await writeFile(reportPath(dir, "vitest"), JSON.stringify(cleanVitest));
    const runs = readRuns(dir);
    expect(runs.map((run) => run.name)).toEqual(["first-run", "vitest"]);
    expect(summarize(runs)).toMatchObject({ passed: 3, failed: 1, ok: false });
  });
});
