import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { type RunningStack, startStack } from "../scripts/stack";

// A private video through the whole product: the dashboard's proxy mints tokens, the emulator
// enforces them, and StreamPlayer swaps the uid for a token by itself.
let stack: RunningStack;
let dataDir: string;
let uid: string;

test.describe.configure({ mode: "serial" });

async function proxy(p: string, init: RequestInit = {}) {
  return fetch(`${stack.dashboardUrl}/api/stream${p}`, {
    ...init,
    headers: { "content-type": "application/json", ...init.headers },
  });
}

test.beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), "streamkit-signed-"));
  stack = await startStack({ emulatorPort: 0, dashboardPort: 0, dataDir, quiet: true });
  const created = await proxy("/copy", {
    method: "POST",
    body: JSON.stringify({
      input: `${stack.emulator?.url}/samples/testsrc2-6s.mp4`,
      meta: { name: "Private card" },
      requireSignedURLs: true,
    }),
  });
  uid = ((await created.json()) as { result: { uid: string } }).result.uid;
  await expect
    .poll(
      async () =>
        ((await (await proxy(`/${uid}`)).json()) as { result: { status: { state: string } } })
          .result.status.state,
      {
        timeout: 90_000,
      },
    )
    .toBe("ready");
});

test.afterAll(async () => {
  await stack?.stop();
  await rm(dataDir, { recursive: true, force: true });
});

test("the uid alone is refused, a token from the proxy is accepted, an expired one is refused", async () => {
  const origin = stack.emulator?.deliveryOrigin;
  expect((await fetch(`${origin}/${uid}/manifest/video.m3u8`)).status).toBeGreaterThanOrEqual(400);
  const { token } = (
    (await (await proxy(`/${uid}/token`, { method: "POST", body: "{}" })).json()) as {
      result: { token: string };
    }
  ).result;
  expect((await fetch(`${origin}/${token}/manifest/video.m3u8`)).status).toBe(200);
  const shortLived = (
    (await (
      await proxy(`/${uid}/token`, {
        method: "POST",
        body: JSON.stringify({ exp: Math.floor(Date.now() / 1000) + 2 }),
      })
    ).json()) as { result: { token: string } }
  ).result.token;
  await new Promise((resolve) => setTimeout(resolve, 3_000));
  expect(
    (await fetch(`${origin}/${shortLived}/manifest/video.m3u8`)).status,
  ).toBeGreaterThanOrEqual(400);
});

test("the dashboard plays the private video with a signed token", async ({ page }) => {
  await page.goto(`${stack.dashboardUrl}/#/videos/${uid}`);
  const iframe = page.locator(".sk-player iframe");
  await expect(iframe).toHaveCount(1, { timeout: 30_000 });
  const src = (await iframe.getAttribute("src")) ?? "";
  expect(src).not.toContain(uid);
  expect(src).toMatch(/\/[\w-]+\.[\w-]+\.[\w-]+\/iframe/);
  const video = page.frameLocator(".sk-player iframe").locator("video");
  await expect(video).toBeVisible({ timeout: 30_000 });
  await video.evaluate((v: HTMLVideoElement) => {
    v.muted = true;
    return v.play();
  });
  await expect
    .poll(() => video.evaluate((v: HTMLVideoElement) => v.currentTime), { timeout: 30_000 })
    .toBeGreaterThan(0.5);
});

test("making a video private in VideoDetails switches the player to a token", async ({ page }) => {
  const created = await proxy("/copy", {
    method: "POST",
    body: JSON.stringify({
      input: `${stack.emulator?.url}/samples/tiny.mp4`,
      meta: { name: "Soon private" },
    }),
  });
  const other = ((await created.json()) as { result: { uid: string } }).result.uid;
  await expect
    .poll(
      async () =>
        ((await (await proxy(`/${other}`)).json()) as { result: { status: { state: string } } })
          .result.status.state,
      {
        timeout: 60_000,
      },
    )
    .toBe("ready");
  await page.goto(`${stack.dashboardUrl}/#/videos/${other}`);
  await expect(page.locator(".sk-player iframe")).toHaveAttribute(
    "src",
    new RegExp(`/${other}/iframe`),
    { timeout: 30_000 },
  );
  await page.getByLabel("Require signed URLs (private video)").check();
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("Saved.")).toBeVisible();
  await expect(page.locator(".sk-player iframe")).not.toHaveAttribute(
    "src",
    new RegExp(`/${other}/iframe`),
    {
      timeout: 30_000,
    },
  );
  expect(
    (await fetch(`${stack.emulator?.deliveryOrigin}/${other}/manifest/video.m3u8`)).status,
  ).toBeGreaterThanOrEqual(400);
});
