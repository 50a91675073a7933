import { execFile } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";

export const run = promisify(execFile);
export const root = path.resolve(import.meta.dirname, "../..");
export const PACKAGES = ["core", "hooks", "ui", "proxy", "emulator"] as const;
export type PackageDir = (typeof PACKAGES)[number];

function newest(dir: string): number {
  let latest = 0;
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile())
      latest = Math.max(latest, statSync(path.join(entry.parentPath, entry.name)).mtimeMs);
  }
  return latest;
}

/** True when `dist` is missing or older than any source file: then the tarball would be stale. */
export function needsBuild(name: PackageDir): boolean {
  const dir = path.join(root, "packages", name);
  const marker = path.join(dir, "dist/index.js");
  return !existsSync(marker) || statSync(marker).mtimeMs < newest(path.join(dir, "src"));
}

/** Builds what is stale (CI has built everything already), then packs each package into `into`. */
export async function packAll(into: string): Promise<Record<PackageDir, string>> {
  const stale = PACKAGES.filter(needsBuild);
  if (stale.length > 0) {
    await run("pnpm", ["run", "build"], { cwd: root, maxBuffer: 1 << 26 });
  }
  const tarballs = {} as Record<PackageDir, string>;
  for (const name of PACKAGES) {
    // `pnpm pack` is what publishing runs: it applies `files` and rewrites `workspace:*`.
    const { stdout } = await run("pnpm", ["pack", "--pack-destination", into], {
      cwd: path.join(root, "packages", name),
    });
    const tarball = stdout.trim().split("\n").at(-1) ?? "";
    if (!tarball.endsWith(".tgz")) throw new Error(`pnpm pack printed no tarball:\n${stdout}`);
    tarballs[name] = tarball;
  }
  return tarballs;
}

/** Exact versions the workspace already installed, so the fresh app installs offline. */
export function workspaceVersion(name: string): string {
  const file = path.join(root, "node_modules", name, "package.json");
  return (JSON.parse(readFileSync(file, "utf8")) as { version: string }).version;
}
