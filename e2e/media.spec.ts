import { execFile } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { expect, type Page, test } from "@playwright/test";
import { type RunningStack, startStack } from "../scripts/stack";

// Issue #17 as a user meets it in the example dashboard, against the emulator: a clip, a
// watermark that really ends up in the pixels, an audio track in the HLS master playlist.
let stack: RunningStack;
let dataDir: string;
const run = promisify(execFile);

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), "streamkit-media-"));
  stack = await startStack({ emulatorPort: 0, dashboardPort: 0, dataDir, quiet: true });
});

test.afterAll(async () => {
  await stack?.stop();
  await rm(dataDir, { recursive: true, force: true });
});

function emulator() {
  const emu = stack.emulator;
  if (!emu) throw new Error("these tests need the emulator");
  return emu;
}

async function api<T>(pathname: string, init: RequestInit = {}): Promise<T> {
  const emu = emulator();
  const answer = await fetch(`${emu.apiBase}/accounts/${emu.accountId}/stream${pathname}`, {
    ...init,
    headers: {
      authorization: `Bearer ${emu.token}`,
      "content-type": "application/json",
      ...init.headers,
    },
  });
  const body = (await answer.json()) as { result: T };
  return body.result;
}

interface ApiVideo {
  uid: string;
  duration: number;
  clippedFrom?: string;
  meta: Record<string, unknown>;
  watermark: { uid: string; position: string } | null;
  status: { state: string };
}

async function waitReady(uid: string): Promise<ApiVideo> {
  await expect
    .poll(async () => (await api<ApiVideo>(`/${uid}`)).status.state, {
      timeout: 90_000,
      intervals: [250],
    })
    .toBe("ready");
  return api<ApiVideo>(`/${uid}`);
}

async function copySample(sample: string, name: string): Promise<string> {
  const video = await api<ApiVideo>("/copy", {
    method: "POST",
    body: JSON.stringify({ input: `${emulator().url}/samples/${sample}.mp4`, meta: { name } }),
  });
  return video.uid;
}

async function videoNamed(name: string): Promise<ApiVideo | undefined> {
  const videos = await api<ApiVideo[]>(`?search=${encodeURIComponent(name)}`);
  return videos.find((v) => v.meta.name === name);
}

/** Mean RGB of a region of a JPEG, decoded with ffmpeg: `box` in fractions of the frame. */
async function regionColour(
  jpeg: Buffer,
  box: { x: number; y: number; w: number; h: number },
): Promise<[number, number, number]> {
  const file = path.join(dataDir, `frame-${Math.random().toString(36).slice(2)}.jpg`);
  const { writeFile } = await import("node:fs/promises");
  await writeFile(file, jpeg);
  const width = 160;
  const height = 90;
  const { stdout } = await run(
    "ffmpeg",
    [
      "-v",
      "error",
      "-i",
      file,
      "-vf",
      `scale=${width}:${height}`,
      "-f",
      "rawvideo",
      "-pix_fmt",
      "rgb24",
      "-",
    ],
    { encoding: "buffer", maxBuffer: 1024 * 1024 },
  );
  const sum = [0, 0, 0];
  let count = 0;
  for (let y = Math.floor(box.y * height); y < Math.floor((box.y + box.h) * height); y++) {
    for (let x = Math.floor(box.x * width); x < Math.floor((box.x + box.w) * width); x++) {
      const i = (y * width + x) * 3;
      for (let c = 0; c < 3; c++) sum[c] = (sum[c] ?? 0) + (stdout[i + c] ?? 0);
      count++;
    }
  }
  return sum.map((s) => s / count) as [number, number, number];
}

async function thumbnail(uid: string): Promise<Buffer> {
  const answer = await fetch(
    `${emulator().deliveryOrigin}/${uid}/thumbnails/thumbnail.jpg?time=1s`,
  );
  expect(answer.status).toBe(200);
  return Buffer.from(await answer.arrayBuffer());
}

async function openVideo(page: Page, uid: string) {
  await page.goto(`${stack.dashboardUrl}/#/videos/${uid}`);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible({ timeout: 15_000 });
}

test("a watermark profile made in the dashboard is burned into a video copied with it", async ({
  page,
}) => {
  const red = path.join(dataDir, "red.png");
  await run("ffmpeg", [
    "-v",
    "error",
    "-y",
    "-f",
    "lavfi",
    "-i",
    "color=c=red:s=64x64",
    "-frames:v",
    "1",
    red,
  ]);

  await page.goto(`${stack.dashboardUrl}/#/watermarks`);
  await page.getByLabel("Image file").setInputFiles(red);
  await page.getByLabel("Name", { exact: true }).fill("Red mark");
  await page.getByLabel("Position").selectOption("lowerRight");
  await page.getByLabel("Scale").fill("0.3");
  await page.getByRole("button", { name: "Add profile" }).click();
  await expect(page.getByText("Watermark profile Red mark added.")).toBeVisible({
    timeout: 15_000,
  });

  await page.getByRole("link", { name: "Library" }).click();
  // One profile for both ways in, folded under the URL form until wanted.
  await page.getByText("Watermark: none").click();
  await page.getByRole("radio", { name: "Red mark" }).check();
  await expect(page.getByText("Watermark: chosen")).toBeVisible();
  // The field is prefilled with a sample once the list arrives: typed after that, not into it.
  await expect(page.getByLabel("Video URL")).toHaveValue(/\/samples\//, { timeout: 15_000 });
  await page.getByLabel("Video URL").fill(`${emulator().url}/samples/testsrc2-6s.mp4`);
  const nameField = page.getByLabel("Name (optional)");
  if (await nameField.count()) await nameField.fill("Marked card");
  await page.getByRole("button", { name: "Upload from URL" }).click();

  await expect
    .poll(async () => (await videoNamed("Marked card"))?.uid, { timeout: 15_000 })
    .toBeTruthy();
  const marked = await videoNamed("Marked card");
  const plainUid = await copySample("testsrc2-6s", "Plain card");
  const ready = await waitReady(marked?.uid ?? "");
  await waitReady(plainUid);
  // The video carries the whole profile, as Stream's does.
  expect(ready.watermark).toMatchObject({ position: "lowerRight" });

  const corner = { x: 0.72, y: 0.62, w: 0.2, h: 0.28 };
  const markedCorner = await regionColour(await thumbnail(ready.uid), corner);
  const plainCorner = await regionColour(await thumbnail(plainUid), corner);
  const opposite = { x: 0.05, y: 0.05, w: 0.2, h: 0.2 };
  const markedOpposite = await regionColour(await thumbnail(ready.uid), opposite);
  const plainOpposite = await regionColour(await thumbnail(plainUid), opposite);
  // Red where the mark sits; the same picture elsewhere.
  expect(markedCorner[0] - markedCorner[1]).toBeGreaterThan(plainCorner[0] - plainCorner[1] + 60);
  for (let c = 0; c < 3; c++)
    expect(Math.abs((markedOpposite[c] ?? 0) - (plainOpposite[c] ?? 0))).toBeLessThan(25);
});

test("an audio track added on the video page is listed in the panel and in the HLS master", async ({
  page,
}) => {
  const uid = await copySample("testsrc2-6s", "Dubbed card");
  await waitReady(uid);
  await openVideo(page, uid);
  await page.getByRole("tab", { name: "Audio" }).click();
  const panel = page.getByRole("region", { name: "Audio tracks" });
  await panel.getByLabel("Label").fill("Commentary");
  await panel.getByLabel("Audio URL").fill(`${emulator().url}/samples/testsrc-4s.mp4`);
  await panel.getByRole("button", { name: "Add track" }).click();
  const row = panel.getByRole("listitem").filter({ hasText: "Commentary" });
  await expect(row).toBeVisible({ timeout: 15_000 });
  await expect(row).toContainText("Ready", { timeout: 60_000 });

  const master = await (
    await fetch(`${emulator().deliveryOrigin}/${uid}/manifest/video.m3u8`)
  ).text();
  expect(master).toMatch(/#EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID="audio",NAME="Commentary"/);
  expect(master).toMatch(/#EXT-X-STREAM-INF:[^\n]*AUDIO="audio"/);
  // The player still plays the video with the new audio group.
  const frame = page.frameLocator(".sk-player iframe");
  await expect(frame.locator("video")).toBeVisible({ timeout: 30_000 });
  await frame.locator("video").evaluate((v: HTMLVideoElement) => {
    v.muted = true;
    return v.play();
  });
  await expect
    .poll(() => frame.locator("video").evaluate((v: HTMLVideoElement) => v.currentTime), {
      timeout: 30_000,
    })
    .toBeGreaterThan(0.5);
});

test("a clip made on the video page reaches ready and plays at the clipped length", async ({
  page,
}) => {
  const uid = await copySample("testsrc2-6s", "Long card");
  await waitReady(uid);
  await openVideo(page, uid);
  await page.getByRole("tab", { name: "Clip" }).click();
  const editor = page.getByRole("region", { name: "Make a clip" });
  await editor.getByLabel("Start (seconds)").fill("1");
  await editor.getByLabel("End (seconds)").fill("4");
  await editor.getByLabel("Name of the clip").fill("Three seconds");
  await editor.getByRole("button", { name: "Create clip" }).click();
  await expect(editor).toHaveAttribute("data-state", "done", { timeout: 90_000 });

  const clip = await videoNamed("Three seconds");
  expect(clip?.uid).toBeTruthy();
  expect(clip).toMatchObject({ clippedFrom: uid });
  expect(clip?.duration).toBeGreaterThan(2.5);
  expect(clip?.duration).toBeLessThan(3.5);

  await page.getByRole("link", { name: "Open the clip" }).click();
  await expect(page).toHaveURL(new RegExp(`#/videos/${clip?.uid}$`));
  const frame = page.frameLocator(".sk-player iframe");
  const video = frame.locator("video");
  await expect(video).toBeVisible({ timeout: 30_000 });
  await expect
    .poll(() => video.evaluate((v: HTMLVideoElement) => v.duration), { timeout: 30_000 })
    .toBeGreaterThan(2.5);
  expect(await video.evaluate((v: HTMLVideoElement) => v.duration)).toBeLessThan(3.6);
  await video.evaluate((v: HTMLVideoElement) => {
    v.muted = true;
    return v.play();
  });
  await expect
    .poll(() => video.evaluate((v: HTMLVideoElement) => v.currentTime), { timeout: 30_000 })
    .toBeGreaterThan(0.5);
});
