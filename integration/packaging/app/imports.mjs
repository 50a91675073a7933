// Imports every entry point of every installed @streamkit package in plain Node, with no DOM:
// a package that touches `window` or `document` at import time fails here.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

if (typeof window !== "undefined" || typeof document !== "undefined")
  throw new Error("not plain Node");
const scope = path.resolve("node_modules/@streamkit");
const imported = [];
for (const name of readdirSync(scope)) {
  const { exports } = JSON.parse(readFileSync(path.join(scope, name, "package.json"), "utf8"));
  for (const key of Object.keys(exports)) {
    if (/\.(css|json)$/.test(key)) continue;
    const specifier = `@streamkit/${name}${key.slice(1)}`;
    const module = await import(specifier);
    if (Object.keys(module).length === 0) throw new Error(`${specifier} exports nothing`);
    imported.push(specifier);
  }
}
console.log(JSON.stringify(imported));
