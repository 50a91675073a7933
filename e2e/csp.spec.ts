import { execFile } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { expect, type Page, test } from "@playwright/test";
import { type PreviewServer, preview } from "vite";
import { dashboardVite } from "../scripts/dashboard";
import { startTestEmulator, type TestEmulator } from "./helpers";

/**
 * The example dashboard under a strict Content-Security-Policy: no inline scripts, no eval, no
 * inline <style> elements, and only the origins the product needs. Vite's dev server injects
 * inline scripts and <style> elements, so this is the production build, served by Vite's preview
 * server (the dashboard's config mounts the proxy there too) with the policy as a header.
 *
 * The emulator is the delivery origin (player SDK script, player iframe, thumbnails) and the
 * one-time upload target: a real deployment lists Cloudflare's delivery and upload hosts there.
 * `connect-src` therefore needs it besides 'self' (the proxy): uploaded bytes go straight to
 * Stream, never through the proxy.
 */

const root = path.resolve(import.meta.dirname, "..");

let emulator: TestEmulator;
let server: PreviewServer;
let url: string;
let policy: string;
let outDir: string;
let readyUid: string;

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  test.setTimeout(180_000);
  emulator = await startTestEmulator();
  const emu = emulator.emulator;
  const env = {
    STREAM_ACCOUNT_ID: emu.accountId,
    STREAM_API_TOKEN: emu.token,
    STREAM_API_BASE: emu.apiBase,
    STREAM_DELIVERY_ORIGIN: emu.deliveryOrigin,
    STREAM_SDK_URL: `${emu.deliveryOrigin}/embed/sdk.latest.js`,
    STREAM_SAMPLES_URL: `${emu.url}/samples`,
  };
  // Built the way `pnpm dev` runs Vite (tsx and the source condition), in a process of its own.
  outDir = await mkdtemp(path.join(tmpdir(), "streamkit-csp-"));
  await promisify(execFile)(
    path.join(root, "node_modules/.bin/tsx"),
    [
      "--conditions=@streamkit/source",
      path.join(root, "integration/secrets/buildDashboard.ts"),
      outDir,
    ],
    { cwd: root, env: { ...process.env, ...env } },
  );

  const delivery = new URL(emu.deliveryOrigin).origin;
  policy = [
    "default-src 'none'",
    `script-src 'self' ${delivery}`,
    "style-src 'self'",
    `img-src 'self' ${delivery}`,
    `frame-src ${delivery}`,
    `connect-src 'self' ${delivery}`,
    "base-uri 'none'",
    "form-action 'self'",
    "object-src 'none'",
    "frame-ancestors 'none'",
  ].join("; ");

  const saved = { ...process.env };
  Object.assign(process.env, env);
  try {
    server = await preview({
      ...dashboardVite,
      logLevel: "error",
      build: { outDir },
      preview: {
        host: "127.0.0.1",
        port: 0,
        strictPort: false,
        headers: { "Content-Security-Policy": policy },
      },
    });
  } finally {
    process.env = saved;
  }
  const address = server.httpServer.address();
  url = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}/`;
  readyUid = await emulator.readyVideo();
});

test.afterAll(async () => {
  await server?.close();
  await emulator?.stop();
  if (outDir) await rm(outDir, { recursive: true, force: true });
});

/** Every CSP report of the page (any frame) and every console line about CSP. */
function collectViolations(page: Page): { all: () => Promise<string[]> } {
  const console: string[] = [];
  page.on("console", (message) => {
    if (/content security policy|refused to/i.test(message.text())) console.push(message.text());
  });
  return {
    all: async () => {
      const reports: string[] = [];
      for (const frame of page.frames()) {
        const found = await frame
          .evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? [])
          .catch(() => []);
        reports.push(...found.map((r) => `${frame.url()}: ${r}`));
      }
      return [...reports, ...console];
    },
  };
}

test.beforeEach(async ({ page }) => {
  // Injected by the browser's automation, not by the page: CSP does not apply to it.
  await page.addInitScript(() => {
    const reports: string[] = [];
    (window as unknown as { __csp: string[] }).__csp = reports;
    document.addEventListener("securitypolicyviolation", (event) => {
      reports.push(
        `${event.effectiveDirective} blocked ${event.blockedURI || "(inline)"} at ${event.sourceFile}:${event.lineNumber} ${event.sample}`,
      );
    });
  });
});

test("the policy is served and enforced (an inline script is refused and reported)", async ({
  page,
}) => {
  const violations = collectViolations(page);
  const response = await page.goto(url);
  expect(response?.headers()["content-security-policy"]).toBe(policy);
  await expect(page.locator(".app__brand")).toBeVisible();
  const ran = await page.evaluate(async () => {
    const script = document.createElement("script");
    script.textContent = "window.__inlineRan = true";
    document.head.append(script);
    await new Promise((resolve) => setTimeout(resolve, 50));
    return (window as unknown as { __inlineRan?: boolean }).__inlineRan === true;
  });
  expect(ran).toBe(false);
  await expect.poll(async () => (await violations.all()).join("\n")).toMatch(/script-src/);
});

test("no violation while the library loads, a file uploads and a video plays", async ({ page }) => {
  test.setTimeout(150_000);
  const violations = collectViolations(page);
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));

  await page.goto(url);
  // The library: names, status badges, thumbnails from the delivery origin.
  const row = page.getByRole("button", { name: "testsrc2-6s", exact: true }).first();
  await expect(row).toBeVisible({ timeout: 30_000 });

  // A file from disk: direct upload straight to the emulator, then processing to ready.
  const file = path.join(outDir, "csp-clip.mp4");
  await promisify(execFile)("ffmpeg", [
    ...["-v", "error", "-y", "-f", "lavfi", "-i", "testsrc2=duration=2:size=320x180:rate=25"],
    ...["-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", file],
  ]);
  await page.getByLabel("Choose videos").setInputFiles(file);
  const region = page.getByRole("region", { name: "Upload files" });
  await expect(region.locator(".sk-badge[data-state=ready]").first()).toBeVisible({
    timeout: 90_000,
  });
  await expect(page.getByRole("button", { name: "csp-clip.mp4", exact: true })).toBeVisible();

  // The player: SDK script and iframe from the delivery origin; the video plays.
  await row.click();
  await expect(page).toHaveURL(new RegExp(`#/videos/${readyUid}$`));
  const video = page.frameLocator(".sk-player iframe").locator("video");
  await expect(video).toBeVisible({ timeout: 30_000 });
  await video.evaluate((v: HTMLVideoElement) => {
    v.muted = true;
    return v.play();
  });
  await expect
    .poll(() => video.evaluate((v: HTMLVideoElement) => v.currentTime), { timeout: 30_000 })
    .toBeGreaterThan(0.5);
  // The SDK reached the page (it drives the iframe from here): proof its script was allowed. It
  // may still be loading: the video page's other images (the clip editor's frame strip) share
  // the emulator's six HTTP/1.1 connections with it.
  await expect
    .poll(() => page.evaluate(() => typeof (window as { Stream?: unknown }).Stream), {
      timeout: 30_000,
    })
    .toBe("function");
  expect(await page.locator("style").count()).toBe(0);

  expect(await violations.all()).toEqual([]);
  expect(errors).toEqual([]);
});
