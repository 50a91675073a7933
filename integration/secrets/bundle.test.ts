import { execFile } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_ACCOUNT_ID, DEFAULT_TOKEN } from "../../packages/emulator/src/options";
import { filesUnder, findIn, spellings } from "./scan";

/**
 * The API token lives in the dashboard's server (its Vite config mounts the proxy), never in what
 * the browser downloads. The dashboard is built for production with the environment `pnpm dev`
 * gives it (scripts/stack.ts: the emulator's account id and token, its URLs), plus a webhook
 * secret, and every emitted file, source maps included, is searched for them in plain,
 * base64 and URL-encoded forms. (What the packages publish is searched by the packaging suite.)
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
    expect(await findIn(files, [EMULATOR], root)).not.toEqual([]);
  });

  it("contains neither the API token nor the account id nor the webhook secret, in any spelling", async () => {
    const needles = [
      ...spellings(DEFAULT_TOKEN),
      ...spellings(DEFAULT_ACCOUNT_ID),
      ...spellings(WEBHOOK_SECRET),
      `Bearer ${DEFAULT_TOKEN}`,
      `/accounts/${DEFAULT_ACCOUNT_ID}`,
    ];
    expect(await findIn(files, needles, root)).toEqual([]);
  });

  it("talks only to its own origin's proxy: no Stream API address, no token variable", async () => {
    // Emitted code only: the source maps carry core's defaults module, whose (unused, shaken
    // out) API origin constant is documentation there, not a request.
    const code = files.filter((f) => !f.endsWith(".map"));
    expect(
      await findIn(
        code,
        ["api.cloudflare.com", "/client/v4", "STREAM_API_TOKEN", "STREAM_ACCOUNT_ID"],
        root,
      ),
    ).toEqual([]);
    expect(await findIn(files, ["STREAM_API_TOKEN", "STREAM_ACCOUNT_ID"], root)).toEqual([]);
  });
});
