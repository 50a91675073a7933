import { type ChildProcess, execFile, spawn } from "node:child_process";
import { once } from "node:events";
import { mkdir, writeFile } from "node:fs/promises";
import { createServer } from "node:net";
import path from "node:path";
import { promisify } from "node:util";
import {
  type Browser,
  type BrowserContext,
  type ConsoleMessage,
  expect,
  type Page,
  test,
} from "@playwright/test";
import { needsBuild, PACKAGES } from "../integration/packaging/packages";
import { startTestEmulator, type TestEmulator } from "./helpers";

// examples/nextjs as a user runs it: `next build`, then `next start` against a real emulator, on
// free loopback ports. The app is built from the packages' published entries (their `dist/`), so
// this also proves they work under React Server Components and Next's bundler.
const root = path.resolve(import.meta.dirname, "..");
const appDir = path.join(root, "examples/nextjs");
const nextBin = path.join(appDir, "node_modules/.bin/next");
const run = promisify(execFile);

/** Runs a build step; a failure carries the step's whole output, not just its exit code. */
async function runOrExplain(
  command: string,
  args: string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv },
): Promise<void> {
  try {
    await run(command, args, { ...options, maxBuffer: 1 << 26 });
  } catch (error) {
    const { stdout = "", stderr = "" } = error as { stdout?: string; stderr?: string };
    throw new Error(`${command} ${args.join(" ")} failed:\n${stdout}\n${stderr}`);
  }
}

let emulator: TestEmulator;
let next: NextServer;
/** Alice's first video, copied by whichever test needs it first, so each test runs alone too. */
let seeded: Promise<string> | undefined;
const seededVideo = () => {
  seeded ??= readyVideoOf("alice", "Seeded card");
  return seeded;
};

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  // Packages built when stale (`pnpm test` has built them already), then `next build`, which on
  // a 2-core machine takes up to a few minutes from a cold cache.
  test.setTimeout(600_000);
  if (PACKAGES.some(needsBuild)) await runOrExplain("pnpm", ["run", "build"], { cwd: root });
  const started = Date.now();
  await runOrExplain(nextBin, ["build"], { cwd: appDir, env: nextEnv({}) });
  test.info().annotations.push({
    type: "next build",
    description: `${((Date.now() - started) / 1000).toFixed(1)} s`,
  });
  emulator = await startTestEmulator();
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  // The account's webhook subscription points at the app's receiver, as `streamkit setup` does.
  const subscribed = await emulator.api("/webhook", {
    method: "PUT",
    body: JSON.stringify({ notificationUrl: `${url}/api/webhooks/stream` }),
  });
  const { secret } = ((await subscribed.json()) as { result: { secret: string } }).result;
  next = await startNext(port, {
    STREAM_ACCOUNT_ID: emulator.emulator.accountId,
    STREAM_API_TOKEN: emulator.emulator.token,
    STREAM_API_BASE: emulator.emulator.apiBase,
    STREAM_WEBHOOK_SECRET: secret,
    STREAM_DELIVERY_ORIGIN: emulator.emulator.deliveryOrigin,
    STREAM_SDK_URL: `${emulator.emulator.deliveryOrigin}/embed/sdk.latest.js`,
  });
});

test.afterAll(async () => {
  await next?.stop();
  await emulator?.stop();
});

test.afterEach(async () => {
  const testInfo = test.info();
  if (testInfo.status !== testInfo.expectedStatus) {
    await testInfo.attach("next-start.log", { body: next.log(), contentType: "text/plain" });
  }
});

test("signed out, the pages send you to sign in and the proxy refuses", async ({ page }) => {
  await page.goto(`${next.url}/`);
  await expect(page).toHaveURL(`${next.url}/login`);
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
  const api = await page.request.get(`${next.url}/api/stream`);
  expect(api.status()).toBe(401);
});

test("the server's HTML holds the library rows and the player's poster box", async ({
  browser,
}) => {
  const uid = await seededVideo();
  // No JavaScript at all: whatever is on the page came in the server's HTML.
  const context = await signedIn(browser, "alice", { javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(`${next.url}/`);
  const library = page.getByRole("region", { name: "Library" });
  await expect(library.getByRole("link", { name: "Seeded card" })).toHaveAttribute(
    "href",
    `/videos/${uid}`,
  );
  await expect(library.locator(".sk-card .sk-badge")).toHaveAttribute("data-state", "ready");
  // The ways in are server-rendered too: the dropzone's file input and the URL field.
  await expect(page.getByLabel("Choose videos")).toBeAttached();
  await expect(page.getByLabel("Video URL")).toBeVisible();

  await page.goto(`${next.url}/videos/${uid}`);
  await expect(page.getByRole("heading", { name: "Seeded card" })).toBeVisible();
  const player = page.locator(".sk-player");
  // The box at the video's own ratio (the sample is 320×180) with its thumbnail as the poster.
  await expect(player).toHaveAttribute("style", /--sk-aspect:\s*1\.77/);
  await expect(player.locator("img.sk-player__poster")).toHaveAttribute(
    "src",
    new RegExp(`/${uid}/thumbnails/thumbnail\\.jpg`),
  );
  const poster = await player.locator("img.sk-player__poster").boundingBox();
  expect(poster?.width).toBeGreaterThan(100);
  await context.close();
});

test("hydration logs nothing, and the browser does not fetch the library the server sent", async ({
  browser,
}) => {
  await seededVideo();
  await readyVideoOf("alice", "Second card");
  const context = await signedIn(browser, "alice");
  const page = await context.newPage();
  const messages = collectConsole(page);
  const listRequests: string[] = [];
  page.on("request", (request) => {
    const url = new URL(request.url());
    if (url.pathname === "/api/stream" && request.method() === "GET") listRequests.push(url.href);
  });

  const hydrated = hydration(page);
  await page.goto(`${next.url}/`);
  await hydrated;
  const library = page.getByRole("region", { name: "Library" });
  await expect(library.getByRole("link", { name: "Second card" })).toBeVisible();
  await expect(library.getByRole("link", { name: "Seeded card" })).toBeVisible();
  // Give a refetch on mount every chance to happen before saying it did not.
  await page.waitForTimeout(1_000);
  expect(listRequests).toEqual([]);

  // A client-side navigation to a video's page, then the same page loaded (and hydrated) afresh.
  await library.getByRole("link", { name: "Seeded card" }).click();
  await expect(page.getByRole("heading", { name: "Seeded card" })).toBeVisible();
  await expect(page.locator(".sk-player iframe")).toBeAttached({ timeout: 15_000 });
  const rehydrated = hydration(page);
  await page.reload();
  await rehydrated;
  await expect(page.locator(".sk-player iframe")).toBeAttached({ timeout: 15_000 });
  await page.waitForTimeout(500);
  expect(messages.list()).toEqual([]);
  await context.close();
});

test("sign in, upload from a URL: it reaches ready, the webhook arrives, and the video plays", async ({
  page,
}) => {
  const messages = collectConsole(page);
  await page.goto(`${next.url}/login`);
  await page.getByLabel("Your name").fill("carol");
  const hydrated = hydration(page);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(`${next.url}/`);
  await expect(page.getByText("Signed in as carol")).toBeVisible();
  await hydrated;

  // The app's own provider listens to /events too; this one records what the webhook route
  // published, so the test can tell it arrived rather than polling having caught up.
  await page.evaluate(() => {
    const seen: string[] = [];
    Object.assign(window, { streamkitEvents: seen });
    new EventSource("/api/stream/events").addEventListener("video", (event) => {
      const video = JSON.parse(event.data) as { uid: string; status?: { state?: string } };
      seen.push(`${video.uid}:${video.status?.state}`);
    });
  });

  const form = page.getByRole("region", { name: "Add a video from a URL" });
  await form.getByLabel("Video URL").fill(`${emulator.emulator.url}/samples/testsrc2-6s.mp4`);
  await form.getByLabel("Name (optional)").fill("Test card");
  await form.getByRole("button", { name: "Upload from URL" }).click();
  const badge = form.locator(".sk-badge").first();
  const phases = new Set<string>();
  await expect
    .poll(
      async () => {
        const state = await badge.getAttribute("data-state");
        if (state) phases.add(state);
        return state;
      },
      { timeout: 90_000, intervals: [100] },
    )
    .toBe("ready");
  expect([...phases].some((phase) => phase !== "ready")).toBe(true);

  const link = page.getByRole("region", { name: "Library" }).getByRole("link", {
    name: "Test card",
  });
  await expect(link).toBeVisible({ timeout: 15_000 });
  const uid = (await link.getAttribute("href"))?.split("/").pop() ?? "";
  await expect
    .poll(() => page.evaluate(() => (window as { streamkitEvents?: string[] }).streamkitEvents), {
      timeout: 15_000,
    })
    .toContain(`${uid}:ready`);

  await link.click();
  await expect(page).toHaveURL(`${next.url}/videos/${uid}`);
  const video = page.frameLocator(".sk-player iframe").locator("video");
  await expect(video).toBeVisible({ timeout: 30_000 });
  await video.evaluate((v: HTMLVideoElement) => {
    v.muted = true;
    return v.play();
  });
  await expect
    .poll(() => video.evaluate((v: HTMLVideoElement) => v.currentTime), { timeout: 30_000 })
    .toBeGreaterThan(0.5);
  // No thumbnail is asked for before the copy has frames (VideoThumbnail waits for a duration),
  // so not even a 404 reaches the console.
  expect(messages.list()).toEqual([]);
});

test("a file chosen in the dropzone goes up through the proxy route and reaches ready", async ({
  browser,
}) => {
  const file = path.join(test.info().outputDir, "holiday.mp4");
  const sample = await fetch(`${emulator.emulator.url}/samples/tiny.mp4`);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, Buffer.from(await sample.arrayBuffer()));
  const context = await signedIn(browser, "carol");
  const page = await context.newPage();
  const messages = collectConsole(page);
  const hydrated = hydration(page);
  await page.goto(`${next.url}/`);
  await hydrated;
  const region = page.getByRole("region", { name: "Upload files" });
  await region.getByLabel("Choose videos").setInputFiles(file);
  await expect(region.locator(".sk-badge[data-state=ready]").first()).toBeVisible({
    timeout: 60_000,
  });
  const library = page.getByRole("region", { name: "Library" });
  await expect(library.getByRole("link", { name: "holiday.mp4" })).toBeVisible();
  const uid = (await library.getByRole("link", { name: "holiday.mp4" }).getAttribute("href"))
    ?.split("/")
    .pop();
  expect(uid).toMatch(/^[0-9a-f]{32}$/);
  expect(messages.list()).toEqual([]);
  await context.close();
});

test("another user sees none of the first user's videos", async ({ browser }) => {
  await seededVideo();
  const alices = await listOf("alice");
  expect(alices.length).toBeGreaterThan(0);
  const context = await signedIn(browser, "bob");
  const page = await context.newPage();
  const messages = collectConsole(page);
  await page.goto(`${next.url}/`);
  await expect(page.getByText("Signed in as bob")).toBeVisible();
  const library = page.getByRole("region", { name: "Library" });
  await expect(library.locator(".sk-library")).toHaveAttribute("data-state", "empty");
  await expect(library.getByRole("link")).toHaveCount(0);
  for (const { name } of alices) await expect(page.getByText(name)).toHaveCount(0);

  // Not through the API either, nor by the address of alice's video page.
  expect(await listOf("bob")).toEqual([]);
  const [first] = alices;
  const direct = await context.request.get(`${next.url}/api/stream/${first?.uid}`);
  expect(direct.status()).toBe(404);
  const answer = await page.goto(`${next.url}/videos/${first?.uid}`);
  expect(answer?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Nothing here" })).toBeVisible();
  await expect(page.getByText(first?.name ?? "")).toHaveCount(0);
  // The 404 page's own document load is the one error the browser reports, and it is the point.
  const pageAnswer = new RegExp(`status of 404 .*/videos/${first?.uid}\\)$`);
  expect(messages.list().filter((m) => !pageAnswer.test(m))).toEqual([]);
  await context.close();
});

test("the server logged no error while serving all of the above", () => {
  // Next prints server-side failures with ⨯; the proxy reports unexpected errors via onError.
  expect(next.log()).not.toMatch(/⨯|\[stream proxy\]|Error:/);
});

// ——— helpers ———

interface NextServer {
  url: string;
  log(): string;
  stop(): Promise<void>;
}

/**
 * The environment of `next build` and `next start`: telemetry off (nothing leaves the machine),
 * and without the workspace's `@streamkit/source` condition, so Next reads the packages' `dist/`
 * exactly as an app on the published packages would.
 */
function nextEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const nodeOptions = (process.env.NODE_OPTIONS ?? "")
    .split(/\s+/)
    .filter((option) => option && !option.includes("@streamkit/source"))
    .join(" ");
  return {
    ...process.env,
    NODE_OPTIONS: nodeOptions,
    NEXT_TELEMETRY_DISABLED: "1",
    // An earlier spec's Vite server in this worker sets NODE_ENV=development, which `next build`
    // refuses: build and start are production, as a deployment runs them.
    NODE_ENV: "production",
    ...extra,
  };
}

async function startNext(port: number, env: Record<string, string>): Promise<NextServer> {
  const child: ChildProcess = spawn(
    nextBin,
    ["start", "--hostname", "127.0.0.1", "--port", `${port}`],
    {
      cwd: appDir,
      env: nextEnv(env),
      // A process group of its own, so stopping it stops every worker Next forks.
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let output = "";
  child.stdout?.on("data", (chunk) => {
    output += chunk;
  });
  child.stderr?.on("data", (chunk) => {
    output += chunk;
  });
  const exited = once(child, "exit");
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
    process.kill(-child.pid, "SIGTERM");
    const timer = setTimeout(() => child.pid && process.kill(-child.pid, "SIGKILL"), 5_000);
    await exited;
    clearTimeout(timer);
  };
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`next start exited:\n${output}`);
    try {
      if ((await fetch(`${url}/login`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`next start did not answer within 60 s:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return { url, log: () => output, stop };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen({ port: 0, host: "127.0.0.1" }, () => {
      const address = probe.address();
      const port = typeof address === "object" && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

/** A browser context with the app's session cookie for `user`. */
async function signedIn(
  browser: Browser,
  user: string,
  options: { javaScriptEnabled?: boolean } = {},
): Promise<BrowserContext> {
  const context = await browser.newContext(options);
  await context.addCookies([{ name: "user", value: user, url: next.url }]);
  return context;
}

/** Calls the app's proxy route as `user`, as the browser does. */
async function asUser(user: string, p: string, init: RequestInit = {}): Promise<Response> {
  return fetch(`${next.url}/api/stream${p}`, {
    ...init,
    headers: { cookie: `user=${user}`, "content-type": "application/json", ...init.headers },
  });
}

async function listOf(user: string): Promise<{ uid: string; name: string }[]> {
  const answer = (await (await asUser(user, "")).json()) as {
    result: { uid: string; meta?: { name?: string } }[];
  };
  return answer.result.map((v) => ({ uid: v.uid, name: v.meta?.name ?? "" }));
}

/** A sample copied through the app's proxy as `user` (so the user is its creator), once ready. */
async function readyVideoOf(user: string, name: string): Promise<string> {
  const created = await asUser(user, "/copy", {
    method: "POST",
    body: JSON.stringify({
      input: `${emulator.emulator.url}/samples/testsrc2-6s.mp4`,
      meta: { name },
    }),
  });
  expect(created.status).toBe(200);
  const uid = ((await created.json()) as { result: { uid: string } }).result.uid;
  await expect
    .poll(
      async () =>
        (
          (await (await asUser(user, `/${uid}`)).json()) as {
            result: { status: { state: string } };
          }
        ).result.status.state,
      { timeout: 90_000, intervals: [250] },
    )
    .toBe("ready");
  return uid;
}

/**
 * Every console message and uncaught error of a page (and its frames), as text. A test expects
 * none: React reports hydration mismatches with console.error, and anything else logged there
 * is a fault of the app or of the packages.
 */
function collectConsole(page: Page): { list(): string[] } {
  const seen: string[] = [];
  page.on("console", (message: ConsoleMessage) => {
    if (message.type() === "error" || message.type() === "warning") {
      seen.push(`${message.type()}: ${message.text()} (${message.location().url})`);
    }
  });
  page.on("pageerror", (error) => seen.push(`pageerror: ${error.message}`));
  return { list: () => [...seen] };
}

/**
 * Resolves once React has hydrated the page: the provider opens the `/events` stream in an
 * effect, and effects run only after hydration. Call it before the navigation it waits for.
 */
function hydration(page: Page): Promise<unknown> {
  return page.waitForRequest(
    (request) => new URL(request.url()).pathname === "/api/stream/events",
    {
      timeout: 15_000,
    },
  );
}
