// `pnpm test:first-run`: the new user's first run (e2e/first-run), counted like any suite. CI runs
// it on a fresh clone before anything is built, and counts it in its closing line.
import { reports, runSuite } from "./suite.mjs";
import { readRun, summarize, summaryLine } from "./summary.mjs";

runSuite("first-run", "playwright", "pnpm", [
  "exec",
  "playwright",
  "test",
  "--config",
  "e2e/first-run/playwright.config.ts",
]);
const total = summarize([readRun(reports, "first-run")]);
console.log(`\nfirst run: ${summaryLine(total)}`);
process.exit(total.ok ? 0 : 1);
