import { type ChildProcess, spawn } from "node:child_process";
import { copyFile, cp, mkdtemp, readFile, realpath, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { chromium } from "playwright";
import { publint } from "publint";
import { formatMessage } from "publint/utils";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_TOKEN } from "../../packages/emulator/src/options";
import { CHROMIUM, CHROMIUM_ARGS } from "../../scripts/chromium.mjs";
import { filesUnder, findIn, findTokenLike, spellings } from "../secrets/scan";
import { difference, lockedPackages } from "./lockfile";
import { PACKAGES, type PackageDir, packAll, root, run, workspaceVersion } from "./packages";

// Every package as it would be published: linted with publint and arethetypeswrong, packed with
// `pnpm pack`, installed (from the versions the workspace locked) into an app outside the workspace,
// which then type-checks, builds, renders on the server, imports every entry in plain Node, and
// runs in Chromium against the packed emulator and proxy.

let work: string;
let app: string;
let tarballs: Record<PackageDir, string>;
let installedBeyondLock: string[];

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), "streamkit-packed-"));
  tarballs = await packAll(work);
  app = path.join(work, "app");
  await cp(path.join(import.meta.dirname, "app"), app, { recursive: true });
  const file = (name: PackageDir) => `file:${tarballs[name]}`;
  const exact = (names: string[]) =>
    Object.fromEntries(names.map((name) => [name, workspaceVersion(name)]));
  await writeFile(
    path.join(app, "package.json"),
    JSON.stringify({
      name: "packed-app",
      private: true,
      type: "module",
      dependencies: {
        ...Object.fromEntries(PACKAGES.map((name) => [`@streamkit/${name}`, file(name)])),
        // ioredis: the optional peer of @streamkit/proxy/redis, which the app imports.
        ...exact(["react", "react-dom", "@tanstack/react-query", "ioredis"]),
      },
      devDependencies: exact([
        "vite",
        "@vitejs/plugin-react",
        "typescript",
        "@types/react",
        "@types/react-dom",
      ]),
    }),
  );
  // The tarballs name their siblings by version (`"@streamkit/core": "0.1.0"`): point those at
  // the tarballs too, as a registry would. esbuild (Vite's) may run its install script.
  await writeFile(
    path.join(app, "pnpm-workspace.yaml"),
    [
      "allowBuilds:",
      "  esbuild: true",
      "overrides:",
      ...PACKAGES.map((name) => `  "@streamkit/${name}": "${file(name)}"`),
      "",
    ].join("\n"),
  );
  // Starting from the workspace's lockfile, every third-party package resolves to the version
  // the workspace installed, which the store already holds: the install is hermetic, and passes
  // on a machine whose store holds nothing else. Only the tarballs are new to it.
  await copyFile(path.join(root, "pnpm-lock.yaml"), path.join(app, "pnpm-lock.yaml"));
  await run("pnpm", ["install", "--prefer-offline", "--no-frozen-lockfile"], { cwd: app });
  installedBeyondLock = difference(
    lockedPackages(await readFile(path.join(app, "pnpm-lock.yaml"), "utf8")),
    lockedPackages(await readFile(path.join(root, "pnpm-lock.yaml"), "utf8")),
  ).filter((id) => !id.startsWith("@streamkit/"));
}, 600_000);

afterAll(async () => {
  if (work) await rm(work, { recursive: true, force: true });
});

describe.each(PACKAGES)("@streamkit/%s as published", (name) => {
  it("passes publint", async () => {
    const pkgDir = path.join(root, "packages", name);
    const { messages, pkg } = await publint({ pkgDir, strict: true, pack: "pnpm" });
    expect(messages.map((message) => formatMessage(message, pkg))).toEqual([]);
  });

  it("ships production JSX, whatever NODE_ENV built it (no react/jsx-dev-runtime)", async () => {
    const installed = await realpath(path.join(app, "node_modules/@streamkit", name));
    const scripts = (await filesUnder(installed)).filter((file) => file.endsWith(".js"));
    const dev: string[] = [];
    for (const file of scripts) {
      if ((await readFile(file, "utf8")).includes("jsx-dev-runtime")) dev.push(file);
    }
    expect(dev).toEqual([]);
  });

  // The emulator is left out: its default token and account id are public constants for a local
  // server, documented as such, not secrets.
  if (name !== "emulator")
    it("publishes no token-like secret", async () => {
      const installed = await realpath(path.join(app, "node_modules/@streamkit", name));
      const files = await filesUnder(installed);
      expect(files.some((file) => file.endsWith(".js"))).toBe(true);
      // (The emulator's default account id is Cloudflare's documentation example, found in the
      // types generated from the OpenAPI file: public, so only the token is looked for here.)
      expect(await findIn(files, spellings(DEFAULT_TOKEN), installed)).toEqual([]);
      expect(await findTokenLike(files, installed)).toEqual([]);
    });

  it("passes arethetypeswrong for ESM consumers (node16 and bundlers)", async () => {
    const attw = path.join(root, "node_modules/.bin/attw");
    // ESM only by design: CommonJS `require` and node10 resolution are out of scope. The
    // stylesheets are entries for bundlers, not modules with types.
    const args = [tarballs[name], "--profile", "esm-only", "--format", "ascii"];
    if (name === "ui") args.push("--exclude-entrypoints", "./styles.css", "./live.css");
    const result = await run(attw, args, { cwd: root }).catch((error: { stdout?: string }) => ({
      stdout: error.stdout ?? String(error),
      failed: true,
    }));
    expect("failed" in result ? result.stdout : "").toBe("");
  });
});

describe("a fresh app on the packed packages", () => {
  it("installs only third-party versions the workspace's lockfile holds", () => {
    expect(installedBeyondLock).toEqual([]);
  });

  it("type-checks against the published declarations", async () => {
    await run(path.join(app, "node_modules/.bin/tsc"), ["-p", "."], { cwd: app });
  });

  it("imports every entry point in plain Node, without a DOM", async () => {
    const { stdout } = await run("node", ["imports.mjs"], { cwd: app });
    const imported = JSON.parse(stdout) as string[];
    expect(imported).toEqual(
      expect.arrayContaining([
        "@streamkit/core",
        "@streamkit/core/upload",
        "@streamkit/hooks",
        "@streamkit/ui",
        "@streamkit/ui/captions",
        "@streamkit/proxy/node",
        "@streamkit/emulator",
      ]),
    );
  });

  it("renders on the server", async () => {
    const vite = path.join(app, "node_modules/.bin/vite");
    await run(vite, ["build", "--ssr", "src/ssr.tsx", "--outDir", "dist-ssr"], { cwd: app });
    const { stdout } = await run(
      "node",
      [
        "--input-type=module",
        "-e",
        "import { render } from './dist-ssr/ssr.js'; console.log(render('http://127.0.0.1:1'));",
      ],
      { cwd: app },
    );
    expect(stdout).toContain("Packed streamkit");
    // The library renders its loading state on the server; data comes after hydration.
    expect(stdout).toContain('class="sk-library" data-state="loading"');
  });

  it("builds, and runs in Chromium against the packed emulator and proxy", async () => {
    const vite = path.join(app, "node_modules/.bin/vite");
    await run(vite, ["build"], { cwd: app });
    const css = (await readFile(path.join(app, "dist/index.html"), "utf8")).includes(".css");
    expect(css).toBe(true);

    const server: ChildProcess = spawn("node", ["server.mjs"], { cwd: app });
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    try {
      const { url, emulator } = await new Promise<{ url: string; emulator: string }>(
        (resolve, reject) => {
          let out = "";
          server.stdout?.on("data", (chunk: Buffer) => {
            out += chunk;
            const line = out.split("\n").find((l) => l.startsWith("{"));
            if (line) resolve(JSON.parse(line));
          });
          server.on("exit", (code) => reject(new Error(`server exited ${code}`)));
        },
      );
      const page = await browser.newPage();
      const errors: string[] = [];
      page.on("pageerror", (error) => errors.push(error.message));
      page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
      // Every request must stay on loopback and succeed (the built app has no favicon).
      page.on("requestfailed", (r) => errors.push(`${r.url()}: ${r.failure()?.errorText}`));
      page.on("response", (r) => {
        if (r.status() >= 400 && !r.url().endsWith("/favicon.ico"))
          errors.push(`${r.url()}: ${r.status()}`);
      });
      await page.goto(`${url}/?delivery=${encodeURIComponent(emulator)}`);
      await page.getByText("No videos yet.").waitFor();
      await page.getByLabel("Video URL").fill(`${emulator}/samples/tiny.mp4`);
      await page.getByLabel("Name (optional)").fill("Packed clip");
      await page.getByRole("button", { name: "Upload from URL" }).click();
      await page.getByRole("button", { name: "Packed clip", exact: true }).click();
      await page.locator("iframe.sk-player__frame").waitFor({ timeout: 90_000 });
      expect(errors.filter((e) => !e.startsWith("Failed to load resource"))).toEqual([]);
    } finally {
      await browser.close();
      server.kill("SIGTERM");
    }
  }, 180_000);
});
