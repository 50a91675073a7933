// Node's ESM resolution (TypeScript's `node16`/`nodenext`) needs full file names in relative
// imports, also in declaration files. The sources are written for bundlers (`./client`), so after
// `tsc -b` this adds `.js` (or `/index.js`) to every relative specifier in dist/**/*.d.ts that
// lacks one. Idempotent: specifiers that already name a file are left alone.
// Usage: node scripts/dts-extensions.mjs <dist dir>
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

const dist = path.resolve(process.argv[2] ?? "dist");
// `from "./x"`, `import("./x")`, `export * from "../x"`; the specifier is group 2.
const SPECIFIER = /(\bfrom\s+|\bimport\s*\(\s*)(["'])(\.{1,2}\/[^"']*)\2/g;

function rewrite(file) {
  const dir = path.dirname(file);
  const source = readFileSync(file, "utf8");
  const next = source.replace(SPECIFIER, (match, lead, quote, specifier) => {
    if (/\.(js|mjs|cjs|json)$/.test(specifier)) return match;
    const target = path.resolve(dir, specifier);
    if (existsSync(`${target}.d.ts`)) return `${lead}${quote}${specifier}.js${quote}`;
    if (existsSync(path.join(target, "index.d.ts")))
      return `${lead}${quote}${specifier}/index.js${quote}`;
    throw new Error(`${path.relative(dist, file)}: cannot resolve "${specifier}"`);
  });
  if (next !== source) writeFileSync(file, next);
}

for (const entry of readdirSync(dist, { recursive: true, withFileTypes: true })) {
  if (entry.isFile() && entry.name.endsWith(".d.ts"))
    rewrite(path.join(entry.parentPath, entry.name));
}
