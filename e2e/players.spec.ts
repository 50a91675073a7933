import { expect, test } from "@playwright/test";
import type { StreamPlayerHandle } from "@streamkit/ui";
import { observeLayoutShifts, serveFixture, startTestEmulator, type TestEmulator } from "./helpers";

let stream: TestEmulator;
let page12: { url: string; close(): Promise<void> };
let uid: string;

test.beforeAll(async () => {
  stream = await startTestEmulator();
  uid = await stream.readyVideo();
  page12 = await serveFixture("players");
});

test.afterAll(async () => {
  await page12?.close();
  await stream?.stop();
});

test("twelve players: no layout shift, one SDK script, every player bound", async ({ page }) => {
  const layoutShift = await observeLayoutShifts(page);
  const sdkRequests: string[] = [];
  page.on("request", (request) => {
    if (request.url().includes("/embed/sdk.latest.js")) sdkRequests.push(request.url());
  });
  const origin = stream.emulator.deliveryOrigin;
  await page.goto(`${page12.url}?origin=${encodeURIComponent(origin)}&uid=${uid}`);
  await expect(page.locator(".sk-player")).toHaveCount(12);
  await expect(page.locator("iframe[data-loaded=true]")).toHaveCount(12, { timeout: 30_000 });
  await expect
    .poll(() => page.evaluate(() => (window as unknown as { ready?: number }).ready ?? 0))
    .toBe(12);
  await page.waitForTimeout(500);
  expect(await layoutShift()).toBe(0);
  expect(sdkRequests).toHaveLength(1);
  await page.screenshot({ path: test.info().outputPath("twelve-players.png") });
});

test("loading=click: the poster's button, named after the title, loads the player and it plays", async ({
  page,
}) => {
  const origin = stream.emulator.deliveryOrigin;
  await page.goto(`${page12.url}?origin=${encodeURIComponent(origin)}&uid=${uid}&loading=click`);
  const first = page.getByRole("button", { name: "Play Player 1", exact: true });
  await expect(page.locator("iframe")).toHaveCount(0);
  await first.click();
  const frame = page.frameLocator("iframe").first();
  await expect(frame.locator("video")).toBeVisible({ timeout: 30_000 });
  await expect
    .poll(() => frame.locator("video").evaluate((v: HTMLVideoElement) => v.currentTime), {
      timeout: 30_000,
    })
    .toBeGreaterThan(0.5);
});

test("the ref handle mirrors the emulator's player; a relative poster and a new ad tag need no reload", async ({
  page,
}) => {
  const origin = stream.emulator.deliveryOrigin;
  await page.goto(`${page12.url}?origin=${encodeURIComponent(origin)}&uid=${uid}&single`);
  type Win = { handle: StreamPlayerHandle; seen: string[] };
  await page.waitForFunction(
    () => (window as unknown as Win).handle?.api !== undefined,
    undefined,
    {
      timeout: 30_000,
    },
  );
  const frame = page.frameLocator("iframe");
  // The iframe is another document: the poster reaches it as the page means it.
  await expect(frame.locator("video")).toHaveAttribute(
    "poster",
    `${new URL(page12.url).origin}/covers/cat.jpg`,
  );
  const src = await page.locator("iframe").getAttribute("src");

  await page.evaluate(async () => {
    const w = window as unknown as Win;
    w.seen = [];
    for (const event of ["seeking", "seeked"])
      w.handle.addEventListener(event, () => w.seen.push(`${event}:${w.handle.seeking}`));
    await w.handle.play();
  });
  await expect
    .poll(() => page.evaluate(() => (window as unknown as Win).handle.videoWidth), {
      timeout: 30_000,
    })
    .toBeGreaterThan(0);
  await expect
    .poll(() => page.evaluate(() => (window as unknown as Win).handle.buffered.length))
    .toBeGreaterThan(0);
  await page.evaluate(() => {
    (window as unknown as Win).handle.currentTime = 1;
  });
  await expect
    .poll(() => page.evaluate(() => (window as unknown as Win).seen))
    .toEqual(["seeking:true", "seeked:false"]);
  expect(
    await page.evaluate(() => (window as unknown as Win).handle.played.length),
  ).toBeGreaterThan(0);

  await page.getByRole("button", { name: "Set ad" }).click();
  // Set on the SDK's object, echoed back by the iframe, and the iframe is the same one.
  await expect
    .poll(() => page.evaluate(() => (window as unknown as Win).handle.api?.adUrl))
    .toBe("https://ads.test/vast.xml");
  expect(await page.locator("iframe").getAttribute("src")).toBe(src);
});
