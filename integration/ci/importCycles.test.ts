import { existsSync, readdirSync } from "node:fs";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { importCycles } from "../../scripts/importCycles";

// A cycle ties modules together so that neither can be read, tested or moved alone; type-only
// imports count too, since they tie the designs together just the same.

const packages = path.resolve(import.meta.dirname, "../../packages");
const sources = readdirSync(packages, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => path.join(packages, entry.name, "src"))
  .filter((dir) => existsSync(dir));

describe("import cycles", () => {
  it.each(sources.map((dir) => [path.relative(packages, dir), dir]))("none in %s", (_, dir) => {
    expect(importCycles(dir)).toEqual([]);
  });
});

describe("importCycles", () => {
  let dir: string | undefined;
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it("finds cycles through type-only imports, re-exports and folder indexes", async () => {
    dir = await mkdtemp(path.join(tmpdir(), "import-cycles-"));
    await mkdir(path.join(dir, "lib"));
    const files: Record<string, string> = {
      "a.ts": 'import type { B } from "./b";\nexport type A = B;\n',
      "b.ts": 'export { c } from "./lib";\nexport type B = string;\n',
      "lib/index.ts": 'import "../a.js";\nexport const c = 1;\n',
      "d.ts":
        'import { c } from "./lib";\nimport "node:fs";\nimport "@streamkit/core";\nexport const d = c;\n',
      "self.ts": 'import "./self";\n',
    };
    for (const [name, text] of Object.entries(files)) await writeFile(path.join(dir, name), text);
    const cycles = importCycles(dir).sort((x, y) => x.length - y.length);
    expect(cycles).toEqual([["self.ts"], ["a.ts", "b.ts", path.join("lib", "index.ts")]]);
  });
});
