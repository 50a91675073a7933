import { expect, type Page, test } from "@playwright/test";
import type { PlayerReport } from "./fixtures/delivery/main";
import { serveFixture, startTestEmulator, type TestEmulator } from "./helpers";

// Issue #19: the emulator delivers as Stream does since 2026 (fMP4 HLS with audio and subtitle
// renditions, DASH over the same segments), and third-party players play it in a real browser.
let stream: TestEmulator;
let fixture: { url: string; close(): Promise<void> };
let uid: string;

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  stream = await startTestEmulator();
  uid = await stream.readyVideo();
  // A generated caption, as a user gets from "Generate captions".
  expect((await stream.api(`/${uid}/captions/en/generate`, { method: "POST" })).status).toBe(200);
  await expect
    .poll(
      async () =>
        ((await (await stream.api(`/${uid}/captions/en`)).json()) as { result: { status: string } })
          .result.status,
      { timeout: 30_000 },
    )
    .toBe("ready");
  fixture = await serveFixture("delivery");
});

test.afterAll(async () => {
  await fixture?.close();
  await stream?.stop();
});

type Player = "hls" | "dash";
type E2E = {
  playHls(url: string): void;
  playDash(url: string): void;
  showSubtitles(): void;
  reports: Record<Player, PlayerReport>;
};

const report = (page: Page, player: Player) =>
  page.evaluate((which) => (window as unknown as { e2e: E2E }).e2e.reports[which], player);

const currentTime = (page: Page, player: Player) =>
  page.locator(`#${player}`).evaluate((v: HTMLVideoElement) => v.currentTime);

async function open(page: Page) {
  await page.goto(fixture.url);
  await page.waitForFunction(() => "e2e" in window);
}

test("hls.js 1.7.4 plays the fMP4 master and lists the caption and the sound", async ({ page }) => {
  await open(page);
  const master = `${stream.emulator.deliveryOrigin}/${uid}/manifest/video.m3u8`;
  const segments: string[] = [];
  page.on("response", (response) => {
    if (response.url().includes("/manifest/")) segments.push(response.url());
  });
  await page.evaluate((url) => (window as unknown as { e2e: E2E }).e2e.playHls(url), master);
  await expect.poll(() => currentTime(page, "hls"), { timeout: 30_000 }).toBeGreaterThan(1);
  const seen = await report(page, "hls");
  expect(seen.errors).toEqual([]);
  expect(seen.subtitles).toEqual([{ lang: "en", name: "English (auto-generated)" }]);
  expect(seen.audio).toEqual([{ lang: "", name: "Original" }]);
  // It fetched init segments and .m4s media segments, video and audio (rendition 2).
  expect(segments.some((u) => /\/manifest\/\d\/init(_\d+)?\.mp4$/.test(u))).toBe(true);
  expect(segments.some((u) => /\/manifest\/[01]\/seg_\d{3}\.m4s$/.test(u))).toBe(true);
  expect(segments.some((u) => /\/manifest\/2\/seg_\d{3}\.m4s$/.test(u))).toBe(true);
  await page.evaluate(() => (window as unknown as { e2e: E2E }).e2e.showSubtitles());
  // The caption's cues reached the video, at the times the WebVTT gives them.
  await expect
    .poll(
      () =>
        page.locator("#hls").evaluate((v: HTMLVideoElement) => {
          const track = [...v.textTracks].find((t) => t.language === "en");
          return [...(track?.cues ?? [])].map((c) => [c.startTime, c.endTime]);
        }),
      { timeout: 15_000 },
    )
    .not.toHaveLength(0);
  const first = await page.locator("#hls").evaluate((v: HTMLVideoElement) => {
    const track = [...v.textTracks].find((t) => t.language === "en");
    const cue = track?.cues?.[0];
    return cue ? [cue.startTime, cue.endTime] : [];
  });
  expect(first[0]).toBeCloseTo(0, 1);
  expect(first[1]).toBeCloseTo(5, 1);
});

test("dash.js 5 plays the MPD built over the same segments", async ({ page }) => {
  await open(page);
  const mpd = `${stream.emulator.deliveryOrigin}/${uid}/manifest/video.mpd`;
  await page.evaluate((url) => (window as unknown as { e2e: E2E }).e2e.playDash(url), mpd);
  await expect.poll(() => currentTime(page, "dash"), { timeout: 30_000 }).toBeGreaterThan(1);
  const seen = await report(page, "dash");
  expect(seen.errors).toEqual([]);
  expect(seen.subtitles).toEqual([{ lang: "en", name: "English (auto-generated)" }]);
  expect(seen.audio.map((t) => t.name)).toEqual(["Original"]);
  // It decoded real pictures, not just a running clock.
  expect(
    await page
      .locator("#dash")
      .evaluate((v: HTMLVideoElement) => v.getVideoPlaybackQuality().totalVideoFrames),
  ).toBeGreaterThan(10);
});
