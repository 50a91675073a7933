import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_ACCOUNT_ID, DEFAULT_TOKEN } from "../../packages/emulator/src/options";

/**
 * The API token lives in the dashboard's server (its Vite config mounts the proxy), never in what
 * the browser downloads. The dashboard is built for production with the environment `pnpm dev`
 * gives it (scripts/stack.ts: the emulator's account id and token, its URLs), plus a webhook
 * secret, and every emitted file, source maps included, is searched for them in plain,
 * base64 and URL-encoded forms. The packages' dist folders, when built, are searched for
 * token-like strings too.
 */

const root = path.resolve(import.meta.dirname, "../..");
const EMULATOR = "http://127.0.0.1:8787";
const WEBHOOK_SECRET = "whsec-bundle-test-5e3c1b0a9d8f7e6c";

const devEnv: Record<string, string> = {
  STREAM_ACCOUNT_ID: DEFAULT_ACCOUNT_ID,
  STREAM_API_TOKEN: DEFAULT_TOKEN,
  STREAM_API_BASE: `${EMULATOR}/client/v4`,
  STREAM_DELIVERY_ORIGIN: EMULATOR,
  STREAM_SDK_URL: `${EMULATOR}/embed/sdk.latest.js`,
  STREAM_SAMPLES_URL: `${EMULATOR}/samples`,
  STREAM_WEBHOOK_SECRET: WEBHOOK_SECRET,
};

/** A secret and the ways it could be spelled in a file. */
function spellings(secret: string): string[] {
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

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
}

async function findIn(files: string[], needles: string[]): Promise<string[]> {
  const hits: string[] = [];
  for (const file of files) {
    const text = (await readFile(file)).toString("latin1");
    for (const needle of needles) {
      if (text.includes(needle)) hits.push(`${path.relative(root, file)}: ${needle}`);
    }
  }
  return hits;
}

describe("the dashboard's production build", () => {
  let outDir: string;
  let files: string[];

  beforeAll(async () => {
    outDir = await mkdtemp(path.join(tmpdir(), "streamkit-bundle-"));
    await promisify(execFile)(
      path.join(root, "node_modules/.bin/tsx"),
      [
        "--conditions=@streamkit/source",
        path.join(import.meta.dirname, "buildDashboard.ts"),
        outDir,
      ],
      { cwd: root, env: { ...process.env, ...devEnv } },
    );
    files = await filesUnder(outDir);
  }, 120_000);

  afterAll(async () => {
    await rm(outDir, { recursive: true, force: true });
  });

  it("was built from that environment (the delivery origin, which the browser needs, is in it)", async () => {
    expect(files.some((f) => f.endsWith("index.html"))).toBe(true);
    expect(files.some((f) => f.endsWith(".js"))).toBe(true);
    expect(files.some((f) => f.endsWith(".js.map"))).toBe(true);
    expect(await findIn(files, [EMULATOR])).not.toEqual([]);
  });

  it("contains neither the API token nor the account id nor the webhook secret, in any spelling", async () => {
    const needles = [
      ...spellings(DEFAULT_TOKEN),
      ...spellings(DEFAULT_ACCOUNT_ID),
      ...spellings(WEBHOOK_SECRET),
      `Bearer ${DEFAULT_TOKEN}`,
      `/accounts/${DEFAULT_ACCOUNT_ID}`,
    ];
    expect(await findIn(files, needles)).toEqual([]);
  });

  it("talks only to its own origin's proxy: no Stream API address, no token variable", async () => {
    // Emitted code only: the source maps carry core's defaults module, whose (unused, shaken
    // out) API origin constant is documentation there, not a request.
    const code = files.filter((f) => !f.endsWith(".map"));
    expect(
      await findIn(code, [
        "api.cloudflare.com",
        "/client/v4",
        "STREAM_API_TOKEN",
        "STREAM_ACCOUNT_ID",
      ]),
    ).toEqual([]);
    expect(await findIn(files, ["STREAM_API_TOKEN", "STREAM_ACCOUNT_ID"])).toEqual([]);
  });
});

describe("the packages' dist folders, when built", () => {
  // The emulator is left out: its default token and account id are public constants for a local
  // server, documented as such, not secrets.
  const browserFacing = ["core", "hooks", "ui", "proxy"].map((p) =>
    path.join(root, "packages", p, "dist"),
  );
  const built = browserFacing.filter((dir) => existsSync(dir));

  it.skipIf(built.length === 0)("contain no token-like secrets", async () => {
    const files = (await Promise.all(built.map(filesUnder))).flat();
    expect(files.length).toBeGreaterThan(0);
    // (The emulator's default account id is Cloudflare's documentation example, found in the
    // types generated from the OpenAPI file: public, so only the token is looked for here.)
    expect(await findIn(files, spellings(DEFAULT_TOKEN))).toEqual([]);
    const patterns = [
      // A literal bearer token (a template such as `Bearer ${token}` is fine).
      /Bearer [A-Za-z0-9._~+/-]{16,}/,
      // A token, key or secret written down as a string literal.
      /(?:api[_-]?token|api[_-]?key|secret|password)["']?\s*[:=]\s*["'][A-Za-z0-9_\-+/=.]{16,}["']/i,
      // Cloudflare API tokens: 40 random characters of [A-Za-z0-9_-] (upper, lower and digits,
      // unlike identifiers such as "stream-live-inputs-retrieve-a-live-input").
      /["'](?=[\w-]*[A-Z])(?=[\w-]*[a-z])(?=[\w-]*\d)[A-Za-z0-9_-]{40}["']/,
      /-----BEGIN (?:RSA |EC )?PRIVATE KEY-----/,
    ];
    const hits: string[] = [];
    for (const file of files) {
      const text = await readFile(file, "utf8");
      for (const pattern of patterns) {
        const match = text.match(pattern);
        if (match) hits.push(`${path.relative(root, file)}: ${match[0].slice(0, 60)}`);
      }
    }
    expect(hits).toEqual([]);
  });
});
