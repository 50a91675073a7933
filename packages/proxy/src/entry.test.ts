import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

/**
 * The main entry must run in Workers and Deno: no Node built-ins and no Node globals in any
 * module it reaches. Only `node.ts` (the `./node` subpath) may use them.
 */

function reachable(entry: string): Map<string, string> {
  const seen = new Map<string, string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    const url = new URL(file, import.meta.url);
    const source = readFileSync(url, "utf8");
    seen.set(file, source);
    for (const match of source.matchAll(/from "(\.{1,2}\/[^"]+)"/g)) {
      const target = new URL(`${match[1]}`, url);
      const path = target.pathname;
      const candidates = [`${path}.ts`, `${path}/index.ts`];
      const here = new URL(".", import.meta.url).pathname;
      const found = candidates.find((candidate) => {
        try {
          readFileSync(candidate);
          return true;
        } catch {
          return false;
        }
      });
      if (found) visit(`./${found.slice(here.length)}`);
    }
  };
  visit(entry);
  return seen;
}

describe("the main entry", () => {
  const modules = reachable("./index.ts");

  it("reaches the proxy's modules", () => {
    expect([...modules.keys()]).toEqual(
      expect.arrayContaining(["./proxy.ts", "./operations/index.ts", "./sse.ts"]),
    );
    expect(modules.has("./node.ts")).toBe(false);
    // Account setup handles the API token and mints secrets: never part of the handler's entry.
    expect([...modules.keys()].filter((file) => file.startsWith("./admin/"))).toEqual([]);
  });

  it("imports no Node built-ins and touches no Node globals", () => {
    for (const [file, source] of modules) {
      // Comments may talk about processes; code may not use `process`.
      const code = source.replace(/\/\*[\s\S]*?\*\//g, "").replace(/\/\/.*$/gm, "");
      expect(code, file).not.toMatch(/from "node:|require\(/);
      expect(code, file).not.toMatch(/\b(Buffer|process|__dirname|setImmediate)\b/);
    }
  });
});

describe("@streamkit/proxy/admin", () => {
  it("runs anywhere too (only its CLI touches Node)", () => {
    for (const [file, source] of reachable("./admin/index.ts")) {
      const code = source.replace(/\/\*[\s\S]*?\*\//g, "").replace(/\/\/.*$/gm, "");
      expect(code, file).not.toMatch(/from "node:|require\(/);
      expect(code, file).not.toMatch(/\b(Buffer|process|__dirname|setImmediate)\b/);
    }
  });
});
