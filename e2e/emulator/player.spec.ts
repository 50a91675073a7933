import { mkdtemp, rm } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { type RunningEmulator, startEmulator } from "../../packages/emulator/src/index";

interface PlayerHandle {
  currentTime: number;
  duration: number;
  paused: boolean;
  muted: boolean;
  volume: number;
  videoWidth: number;
  play(): Promise<void>;
  pause(): void;
}

declare global {
  interface Window {
    player: PlayerHandle;
    events: string[];
  }
}

let emulator: RunningEmulator;
let dataDir: string;
let host: Server;
let hostUrl: string;
let uid: string;

test.beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), "streamkit-e2e-"));
  emulator = await startEmulator({
    port: 0,
    dataDir,
    samples: false,
    log: false,
    processing: { ladder: [360, 180], preset: "ultrafast" },
  });
  const stream = `${emulator.apiBase}/accounts/${emulator.accountId}/stream`;
  const headers = { authorization: `Bearer ${emulator.token}`, "content-type": "application/json" };
  const created = await fetch(`${stream}/copy`, {
    method: "POST",
    headers,
    body: JSON.stringify({ input: `${emulator.url}/samples/testsrc2-6s.mp4` }),
  });
  uid = ((await created.json()) as { result: { uid: string } }).result.uid;
  await expect
    .poll(
      async () => {
        const response = await fetch(`${stream}/${uid}`, { headers });
        return ((await response.json()) as { result: { status: { state: string } } }).result.status
          .state;
      },
      { timeout: 60_000, intervals: [200] },
    )
    .toBe("ready");

  // The embedding page lives on another origin, as in a real app.
  const page = `<!doctype html>
<html><body>
<iframe id="player" src="${emulator.deliveryOrigin}/${uid}/iframe?muted=true&autoplay=true"
  width="640" height="360" allow="accelerometer; gyroscope; autoplay; encrypted-media; picture-in-picture;" allowfullscreen></iframe>
<script src="${emulator.deliveryOrigin}/embed/sdk.latest.js"></script>
<script>
  window.events = [];
  window.player = Stream(document.getElementById("player"));
  for (const name of ["play", "playing", "timeupdate", "pause", "seeked", "loadedmetadata", "volumechange"]) {
    window.player.addEventListener(name, () => window.events.push(name));
  }
</script>
</body></html>`;
  host = createServer((_req, res) => res.writeHead(200, { "content-type": "text/html" }).end(page));
  await new Promise<void>((resolve) => host.listen(0, "127.0.0.1", resolve));
  hostUrl = `http://localhost:${(host.address() as AddressInfo).port}/`;
});

test.afterAll(async () => {
  await new Promise((resolve) => host?.close(resolve));
  await emulator?.stop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

test("the SDK player object drives the emulator's iframe player", async ({ page }) => {
  await page.goto(hostUrl);

  // Autoplay (muted): play and timeupdate fire, and currentTime advances.
  await expect
    .poll(() => page.evaluate(() => window.events.includes("play")), { timeout: 20_000 })
    .toBe(true);
  await expect
    .poll(() => page.evaluate(() => window.events.includes("timeupdate")), { timeout: 20_000 })
    .toBe(true);
  const start = await page.evaluate(() => window.player.currentTime);
  await expect
    .poll(() => page.evaluate(() => window.player.currentTime), { timeout: 20_000 })
    .toBeGreaterThan(start + 0.5);
  expect(await page.evaluate(() => window.player.paused)).toBe(false);
  expect(await page.evaluate(() => window.player.muted)).toBe(true);
  expect(await page.evaluate(() => window.player.duration)).toBeCloseTo(6, 0);
  expect(await page.evaluate(() => window.player.videoWidth)).toBeGreaterThan(0);

  // pause() and the pause event.
  await page.evaluate(() => window.player.pause());
  await expect.poll(() => page.evaluate(() => window.events.includes("pause"))).toBe(true);
  await expect.poll(() => page.evaluate(() => window.player.paused)).toBe(true);

  // Seeking through the currentTime setter.
  await page.evaluate(() => {
    window.player.currentTime = 1;
  });
  await expect.poll(() => page.evaluate(() => window.events.includes("seeked"))).toBe(true);
  await expect.poll(() => page.evaluate(() => Math.round(window.player.currentTime))).toBe(1);

  // play() returns a Promise that resolves once playback starts again.
  const before = await page.evaluate(() => window.events.filter((e) => e === "play").length);
  await page.evaluate(() => window.player.play());
  await expect
    .poll(() => page.evaluate(() => window.events.filter((e) => e === "play").length))
    .toBe(before + 1);
  expect(await page.evaluate(() => window.player.paused)).toBe(false);

  // Writable properties go through setProperty and come back as propertyChange.
  await page.evaluate(() => {
    window.player.volume = 0.25;
  });
  await expect.poll(() => page.evaluate(() => window.events.includes("volumechange"))).toBe(true);
  expect(await page.evaluate(() => window.player.volume)).toBe(0.25);
});
