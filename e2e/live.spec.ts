import { type ChildProcess, spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, type FrameLocator, type Page, test } from "@playwright/test";
import { type RunningStack, startStack } from "../scripts/stack";

// Live streaming as a user does it in the dashboard against the emulator: create an input, push
// a test pattern with tone from ffmpeg to the URL and key the page shows, watch it live, stop,
// watch the recording on demand; rotate the keys and see the old key refused, the new one taken.
let stack: RunningStack;
let dataDir: string;
const broadcasters = new Set<ChildProcess>();

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), "streamkit-live-"));
  stack = await startStack({
    emulatorPort: 0,
    dashboardPort: 0,
    dataDir,
    samples: false,
    quiet: true,
  });
});

test.afterAll(async () => {
  for (const child of broadcasters) child.kill("SIGKILL");
  await stack?.stop();
  await rm(dataDir, { recursive: true, force: true });
});

/** ffmpeg as a broadcaster: a small test pattern with a tone, in real time, over RTMP. */
function broadcast(url: string): { child: ChildProcess; exited: Promise<number | null> } {
  const child = spawn(
    "ffmpeg",
    [
      ...["-hide_banner", "-loglevel", "error", "-re"],
      ...["-f", "lavfi", "-i", "testsrc2=size=320x180:rate=15"],
      ...["-f", "lavfi", "-i", "sine=frequency=440:sample_rate=44100"],
      ...["-c:v", "libx264", "-preset", "ultrafast", "-tune", "zerolatency", "-g", "15"],
      ...["-pix_fmt", "yuv420p", "-c:a", "aac", "-f", "flv", url],
    ],
    { stdio: "ignore" },
  );
  broadcasters.add(child);
  const exited = new Promise<number | null>((resolve) => child.once("exit", resolve));
  void exited.then(() => broadcasters.delete(child));
  return { child, exited };
}

const credential = (page: Page, name: string) =>
  page
    .locator(".sk-live-credential", { has: page.getByText(name, { exact: true }) })
    .locator("code");

/** The page's ingest URL and (revealed) stream key, joined as an encoder joins them. */
async function pushUrl(page: Page): Promise<string> {
  const url = (await credential(page, "RTMPS URL").textContent()) ?? "";
  const reveal = page.getByRole("button", { name: "Reveal Stream key" });
  if ((await reveal.getAttribute("aria-pressed")) !== "true") await reveal.click();
  const key = (await credential(page, "Stream key").textContent()) ?? "";
  expect(url).toMatch(/^rtmp:\/\/127\.0\.0\.1:\d+\/live\/$/);
  expect(key).toMatch(/^[0-9a-z]{20,}$/);
  return `${url}${key}`;
}

const playerVideo = (frame: FrameLocator) => frame.locator("video");
const currentTime = (frame: FrameLocator) =>
  playerVideo(frame).evaluate((v: HTMLVideoElement) => v.currentTime);

test("create a live input, broadcast to it, watch it live, then watch its recording", async ({
  page,
}) => {
  await page.goto(`${stack.dashboardUrl}/#/live`);
  await expect(page.getByText("No live inputs yet")).toBeVisible();
  await page.getByLabel("Name", { exact: true }).fill("E2E show");
  await page.getByRole("button", { name: "Create live input" }).click();
  await expect(page).toHaveURL(/#\/live\/[0-9a-f]{32}$/);
  await expect(page.getByRole("heading", { level: 1, name: "E2E show" })).toBeVisible();
  const badge = page.locator(".video-title [data-state]");
  await expect(badge).toHaveAttribute("data-state", "idle");
  await expect(page.getByText("Waiting for the broadcast")).toBeVisible();
  // The secret stays out of the page until asked for.
  await expect(credential(page, "Stream key")).toHaveAttribute("data-state", "masked");

  const live = broadcast(await pushUrl(page));
  await expect(badge).toHaveAttribute("data-state", "live", { timeout: 30_000 });
  const frame = page.frameLocator(".sk-player iframe");
  await expect(frame.getByText("LIVE", { exact: true })).toBeVisible({ timeout: 30_000 });
  await playerVideo(frame).evaluate((v: HTMLVideoElement) => {
    v.muted = true;
    return v.play();
  });
  // The live video advances while the broadcast goes on.
  await expect.poll(() => currentTime(frame), { timeout: 30_000 }).toBeGreaterThan(0.5);
  const first = await currentTime(frame);
  await expect.poll(() => currentTime(frame), { timeout: 15_000 }).toBeGreaterThan(first + 1);
  await page.screenshot({ path: test.info().outputPath("live-on-air.png"), fullPage: true });

  live.child.kill("SIGINT");
  await live.exited;
  await expect(badge).toHaveAttribute("data-state", "ended", { timeout: 30_000 });
  await expect(page.locator(".sk-live-player__title")).toHaveText("The broadcast has ended.");
  const recordings = page.getByRole("region", { name: "Recordings" }).getByRole("listitem");
  await expect(recordings).toHaveCount(1, { timeout: 30_000 });

  await page.getByRole("button", { name: "Watch the recording" }).click({ timeout: 60_000 });
  await expect(page).toHaveURL(/#\/videos\/[0-9a-f]{32}$/);
  await expect(page.locator(".video-title [data-state]")).toHaveAttribute("data-state", "ready", {
    timeout: 90_000,
  });
  const vod = page.frameLocator(".sk-player iframe");
  await expect(playerVideo(vod)).toBeVisible({ timeout: 30_000 });
  await expect(vod.getByText("LIVE", { exact: true })).toHaveCount(0);
  await playerVideo(vod).evaluate((v: HTMLVideoElement) => {
    v.muted = true;
    return v.play();
  });
  await expect.poll(() => currentTime(vod), { timeout: 30_000 }).toBeGreaterThan(0.5);
  const duration = await playerVideo(vod).evaluate((v: HTMLVideoElement) => v.duration);
  expect(Number.isFinite(duration) && duration > 1).toBe(true);
});

test("rotated keys: the old key is refused, the new one goes live", async ({ page }) => {
  await page.goto(`${stack.dashboardUrl}/#/live`);
  await page.getByRole("link", { name: "E2E show" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "E2E show" })).toBeVisible();
  const old = await pushUrl(page);
  await page.getByRole("button", { name: "Rotate keys" }).click();
  await page.getByRole("button", { name: "Rotate", exact: true }).click();
  await expect(page.getByText("New keys are in place.")).toBeVisible();
  await expect.poll(() => pushUrl(page)).not.toBe(old);
  const fresh = await pushUrl(page);

  const refused = broadcast(old);
  expect(await refused.exited).not.toBe(0);
  const badge = page.locator(".video-title [data-state]");
  await expect(badge).not.toHaveAttribute("data-state", "live");

  const live = broadcast(fresh);
  await expect(badge).toHaveAttribute("data-state", "live", { timeout: 30_000 });
  live.child.kill("SIGINT");
  await live.exited;
  await expect(badge).toHaveAttribute("data-state", "ended", { timeout: 30_000 });
});
