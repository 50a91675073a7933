// `pnpm test`: every suite (vitest's projects, then Playwright), and one closing line
// `N passed, N failed, N skipped` counted from their JSON reports (scripts/summary.mjs), which CI
// reads. Nothing needs building first: tests read the packages' sources, and the suites that need
// built output (packaging) build it themselves.
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { reports, root, runSuite, sourceCondition } from "./suite.mjs";
import { readRun, summarize, summaryLine } from "./summary.mjs";

const extraArgs = process.argv.slice(2);

function hasSpecs(dir) {
  if (!existsSync(dir)) return false;
  return readdirSync(dir, { recursive: true }).some((f) => String(f).endsWith(".spec.ts"));
}

const names = ["vitest"];
runSuite("vitest", "vitest", "pnpm", ["exec", "vitest", "run", ...extraArgs]);

if (extraArgs.length === 0 && hasSpecs(path.join(root, "e2e"))) {
  names.push("e2e");
  runSuite("e2e", "playwright", "pnpm", ["exec", "playwright", "test"], sourceCondition);
}

const total = summarize(names.map((name) => readRun(reports, name)));
console.log(`\n${summaryLine(total)}`);
process.exit(total.ok ? 0 : 1);
