/** Searching emitted files for secrets: shared by the dashboard-bundle and published-package checks. */
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";

/** A secret and the ways it could be spelled in a file. */
export function spellings(secret: string): string[] {
  const base64 = Buffer.from(secret).toString("base64");
  return [
    secret,
    encodeURIComponent(secret),
    base64,
    base64.replace(/=+$/, ""),
    Buffer.from(secret).toString("base64url"),
    Buffer.from(secret).toString("hex"),
  ];
}

export async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
}

/** `file: needle` for every needle found, paths relative to `base`. */
export async function findIn(files: string[], needles: string[], base: string): Promise<string[]> {
  const hits: string[] = [];
  for (const file of files) {
    const text = (await readFile(file)).toString("latin1");
    for (const needle of needles) {
      if (text.includes(needle)) hits.push(`${path.relative(base, file)}: ${needle}`);
    }
  }
  return hits;
}

const TOKEN_LIKE = [
  // A literal bearer token (a template such as `Bearer ${token}` is fine).
  /Bearer [A-Za-z0-9._~+/-]{16,}/,
  // A token, key or secret written down as a string literal.
  /(?:api[_-]?token|api[_-]?key|secret|password)["']?\s*[:=]\s*["'][A-Za-z0-9_\-+/=.]{16,}["']/i,
  // Cloudflare API tokens: 40 random characters of [A-Za-z0-9_-] (upper, lower and digits,
  // unlike identifiers such as "stream-live-inputs-retrieve-a-live-input").
  /["'](?=[\w-]*[A-Z])(?=[\w-]*[a-z])(?=[\w-]*\d)[A-Za-z0-9_-]{40}["']/,
  /-----BEGIN (?:RSA |EC )?PRIVATE KEY-----/,
];

/** `file: match` for every token-like string literal in `files`. */
export async function findTokenLike(files: string[], base: string): Promise<string[]> {
  const hits: string[] = [];
  for (const file of files) {
    const text = await readFile(file, "utf8");
    for (const pattern of TOKEN_LIKE) {
      const match = text.match(pattern);
      if (match) hits.push(`${path.relative(base, file)}: ${match[0].slice(0, 60)}`);
    }
  }
  return hits;
}
