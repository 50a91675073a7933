import { expect, type Page, test } from "@playwright/test";
import {
  observeLayoutShifts,
  proxyOnPage,
  serveFixture,
  startTestEmulator,
  type TestEmulator,
} from "./helpers";

// StreamVideo in Chromium (hls.js, since Chromium has no HLS of its own) against the real
// emulator: public and private videos, seeking, captions from the manifest, a token replaced
// while playing, Media Chrome's controls, and no layout shift on a page of twelve.
let stream: TestEmulator;
let site: { url: string; close(): Promise<void> };
let uid: string;
let privateUid: string;
let dubbedUid: string;

const VTT = "WEBVTT\n\n00:00:00.000 --> 00:00:30.000\nHello from the captions\n";

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  stream = await startTestEmulator();
  const { emulator } = stream;
  site = await serveFixture("video", {
    middleware: proxyOnPage(emulator),
  });
  uid = await stream.readyVideo();
  const form = new FormData();
  form.set("file", new Blob([VTT], { type: "text/vtt" }), "en.vtt");
  const put = await fetch(
    `${emulator.apiBase}/accounts/${emulator.accountId}/stream/${uid}/captions/en`,
    { method: "PUT", headers: { authorization: `Bearer ${emulator.token}` }, body: form },
  );
  expect(put.status).toBe(200);
  dubbedUid = await stream.readyVideo();
  const copy = await stream.api(`/${dubbedUid}/audio/copy`, {
    method: "POST",
    body: JSON.stringify({ label: "Commentary", url: `${emulator.url}/samples/testsrc2-6s.mp4` }),
  });
  expect(copy.status).toBe(200);
  await expect
    .poll(
      async () =>
        (
          (await (await stream.api(`/${dubbedUid}/audio`)).json()) as {
            result: { audio: { status: string }[] };
          }
        ).result.audio[0]?.status,
      { timeout: 90_000, intervals: [250] },
    )
    .toBe("ready");
  privateUid = await stream.readyVideo();
  await stream.api(`/${privateUid}`, {
    method: "POST",
    body: JSON.stringify({ requireSignedURLs: true }),
  });
});

test.afterAll(async () => {
  await site?.close();
  await stream?.stop();
});

const open = (page: Page, params: Record<string, string>) =>
  page.goto(
    `${site.url}?${new URLSearchParams({ origin: stream.emulator.deliveryOrigin, ...params })}`,
  );
const video = (page: Page) => page.locator("video").first();
const time = (page: Page) => video(page).evaluate((v: HTMLVideoElement) => v.currentTime);

test("plays a public video with hls.js, seeks, and switches its captions on and off", async ({
  page,
}) => {
  await open(page, { uid });
  await expect(video(page)).toHaveAttribute("data-engine", "hls.js", { timeout: 30_000 });
  await video(page).evaluate((v: HTMLVideoElement) => v.play());
  await expect.poll(() => time(page), { timeout: 30_000 }).toBeGreaterThan(0.5);
  await video(page).evaluate((v: HTMLVideoElement) => {
    v.currentTime = 4;
  });
  await expect.poll(() => time(page)).toBeGreaterThanOrEqual(4);
  // The manifest's subtitle rendition is a text track of the element.
  await expect
    .poll(
      () =>
        page.evaluate(() =>
          (window as unknown as { tracks?: { text: { language: string }[] } }).tracks?.text.map(
            (t) => t.language,
          ),
        ),
      { timeout: 15_000 },
    )
    .toEqual(["en"]);
  await page.getByRole("button", { name: "Captions on" }).click();
  await expect
    .poll(() =>
      video(page).evaluate((v: HTMLVideoElement) =>
        Array.from(v.textTracks).map((t) => `${t.language}:${t.mode}`),
      ),
    )
    .toEqual(["en:showing"]);
  await page.getByRole("button", { name: "Captions off" }).click();
  await expect
    .poll(() =>
      video(page).evaluate((v: HTMLVideoElement) => Array.from(v.textTracks).map((t) => t.mode)),
    )
    .toEqual(["disabled"]);
});

test("plays a private video; a token replaced during playback, with no stall", async ({ page }) => {
  const tokens = new Set<string>();
  page.on("request", (request) => {
    const url = new URL(request.url());
    const id = url.pathname.split("/")[1] ?? "";
    if (url.pathname.includes("/manifest/") && id.includes(".")) tokens.add(id);
  });
  await open(page, { uid: privateUid, ttl: "4" });
  await expect(video(page)).toHaveAttribute("data-engine", "hls.js", { timeout: 30_000 });
  const first = [...tokens];
  await video(page).evaluate((v: HTMLVideoElement) => v.play());
  // A 4 s token is replaced 2 s into its life; the segments after carry the new one, with no
  // reload: the element plays on to the end of the 6 s video without waiting for data once.
  await expect
    .poll(() => page.evaluate(() => (window as unknown as { events: string[] }).events), {
      timeout: 30_000,
    })
    .toContain("ended");
  expect(first).toHaveLength(1);
  expect(tokens.size).toBeGreaterThanOrEqual(2);
  const events = await page.evaluate(() => (window as unknown as { events: string[] }).events);
  const during = events.slice(events.indexOf("playing"), events.indexOf("ended"));
  expect(during.filter((e) => e === "waiting")).toEqual([]);
  expect(await time(page)).toBeGreaterThan(5.5);
  expect(await page.getByRole("alert").count()).toBe(0);
});

test("Media Chrome's play button and time display drive it", async ({ page }) => {
  await open(page, { uid, mode: "chrome" });
  const play = page.locator("media-play-button");
  await expect(page.locator("media-controller")).toHaveAttribute("mediapaused", "", {
    timeout: 30_000,
  });
  await play.click();
  await expect.poll(() => time(page), { timeout: 30_000 }).toBeGreaterThan(1);
  await expect(page.locator("media-time-display")).toContainText(/0:0[1-9]/);
  await play.click();
  await expect.poll(() => video(page).evaluate((v: HTMLVideoElement) => v.paused)).toBe(true);
});

test("a second audio track: listed, chosen by audioTrack, and its rendition is what plays", async ({
  page,
}) => {
  // Where the master playlist puts each audio rendition, by name.
  const master = await (
    await fetch(`${stream.emulator.deliveryOrigin}/${dubbedUid}/manifest/video.m3u8`)
  ).text();
  const renditions = Object.fromEntries(
    [...master.matchAll(/TYPE=AUDIO,[^\n]*NAME="([^"]+)"[^\n]*URI="([^"]+)"/g)].map((m) => [
      m[1],
      (m[2] ?? "").split("/")[0],
    ]),
  );
  expect(Object.keys(renditions)).toEqual(["Original", "Commentary"]);
  const segments: string[] = [];
  page.on("request", (r) => {
    const url = new URL(r.url());
    if (url.pathname.startsWith(`/${dubbedUid}/manifest/`) && url.pathname.endsWith(".m4s"))
      segments.push(url.pathname.split("/")[3] ?? "");
  });
  type Tracks = { tracks?: { audio: { label: string; enabled: boolean }[] } };
  const audio = () =>
    page.evaluate(() =>
      (window as unknown as Tracks).tracks?.audio.map((t) => `${t.label}:${t.enabled}`),
    );
  await open(page, { uid: dubbedUid });
  await expect.poll(audio, { timeout: 30_000 }).toEqual(["Original:true", "Commentary:false"]);
  await page.getByRole("button", { name: "Commentary" }).click();
  await expect.poll(audio).toEqual(["Original:false", "Commentary:true"]);
  await video(page).evaluate((v: HTMLVideoElement) => v.play());
  await expect.poll(() => time(page), { timeout: 30_000 }).toBeGreaterThan(1);
  // Commentary's segments came after the switch, and the sound fetched last is Commentary's.
  const sound = segments.filter((s) => s === renditions.Original || s === renditions.Commentary);
  expect(sound).toContain(renditions.Commentary);
  expect(sound.at(-1)).toBe(renditions.Commentary);
});

test("loading='click': nothing loads before the poster's button, then it plays with the focus", async ({
  page,
}) => {
  const manifests: string[] = [];
  page.on("request", (r) => {
    if (r.url().includes("/manifest/")) manifests.push(r.url());
  });
  await open(page, { uid, loading: "click" });
  const play = page.getByRole("button", { name: "Play Test video" });
  await expect(play).toBeVisible({ timeout: 30_000 });
  await page.waitForTimeout(300);
  expect(manifests).toEqual([]);
  await play.click();
  await expect.poll(() => time(page), { timeout: 30_000 }).toBeGreaterThan(0.5);
  await expect(play).toHaveCount(0);
  expect(await video(page).evaluate((v) => v === document.activeElement)).toBe(true);
});

test("loading='click' inside Media Chrome: the skin's play button loads and plays it", async ({
  page,
}) => {
  const manifests: string[] = [];
  page.on("request", (r) => {
    if (r.url().includes("/manifest/")) manifests.push(r.url());
  });
  await open(page, { uid, mode: "chrome", loading: "click" });
  await expect(page.locator("media-play-button")).toBeVisible({ timeout: 30_000 });
  await page.waitForTimeout(300);
  expect(manifests).toEqual([]);
  await page.locator("media-play-button").click();
  await expect.poll(() => time(page), { timeout: 30_000 }).toBeGreaterThan(1);
  await expect(page.locator("media-controller")).not.toHaveAttribute("mediapaused", "");
});

test("engine auto: this Chromium's own HLS plays it, hls.js is not loaded", async ({ page }) => {
  const hlsJs: string[] = [];
  page.on("request", (r) => {
    if (/hls\.js|hls\.mjs/.test(r.url())) hlsJs.push(r.url());
  });
  await open(page, { uid, engine: "auto" });
  await expect(video(page)).toHaveAttribute("data-engine", "native", { timeout: 30_000 });
  await video(page).evaluate((v: HTMLVideoElement) => v.play());
  await expect.poll(() => time(page), { timeout: 30_000 }).toBeGreaterThan(0.5);
  expect(hlsJs).toEqual([]);
});

test("twelve videos: no layout shift", async ({ page }) => {
  const layoutShift = await observeLayoutShifts(page);
  await open(page, { uid, mode: "grid" });
  await expect(page.locator("video[data-engine]")).toHaveCount(12, { timeout: 30_000 });
  await expect
    .poll(
      () =>
        page.evaluate(() =>
          Array.from(document.querySelectorAll("video")).every((v) => v.readyState >= 1),
        ),
      { timeout: 30_000 },
    )
    .toBe(true);
  await page.waitForTimeout(500);
  expect(await layoutShift()).toBe(0);
});
