import { execFile } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { appendFile, mkdtemp, readFile, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { expect, type Page, type Request, test } from "@playwright/test";
import { proxyOnPage, serveFixture, startTestEmulator, type TestEmulator } from "./helpers";

const run = promisify(execFile);

let stream: TestEmulator;
let page: { url: string; close(): Promise<void> };
let dir: string;
let video: string;
/** 12 MiB: three tus PATCHes of 5 MiB, 5 MiB and 2 MiB at the smallest chunk Stream allows. */
let bigVideo: string;
const MiB = 1024 * 1024;
const BIG_BYTES = 12 * MiB;
const CHUNK = 5 * MiB;

test.beforeAll(async () => {
  stream = await startTestEmulator();
  const { emulator } = stream;
  page = await serveFixture("upload", {
    middleware: proxyOnPage(emulator),
  });
  // A real 3-second H.264/AAC MP4, as a phone would have it on disk.
  dir = await mkdtemp(path.join(tmpdir(), "streamkit-e2e-upload-"));
  video = path.join(dir, "beach day.mp4");
  await run("ffmpeg", [
    ...["-v", "error", "-y", "-f", "lavfi", "-i", "testsrc2=duration=3:size=320x180:rate=25"],
    ...["-f", "lavfi", "-i", "sine=frequency=440:duration=3", "-c:v", "libx264"],
    ...["-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac", "-shortest", video],
  ]);
  // The same kind of video, then a `free` box of random bytes up to 12 MiB (players skip it).
  bigVideo = path.join(dir, "long take.mp4");
  await run("ffmpeg", [
    ...["-v", "error", "-y", "-f", "lavfi", "-i", "testsrc2=duration=3:size=320x180:rate=25"],
    ...["-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p"],
    ...["-movflags", "+faststart", bigVideo],
  ]);
  const padding = BIG_BYTES - (await stat(bigVideo)).size;
  const box = Buffer.alloc(8);
  box.writeUInt32BE(padding, 0);
  box.write("free", 4, "latin1");
  await appendFile(bigVideo, Buffer.concat([box, randomBytes(padding - 8)]));
});

test.afterAll(async () => {
  await page?.close();
  await stream?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

const sha256 = (data: Buffer) => createHash("sha256").update(data).digest("hex");

for (const protocol of ["basic", "tus"] as const) {
  test(`uploads a file from disk through UploadDropzone (${protocol}), then plays it`, async ({
    page: browser,
  }) => {
    const origin = stream.emulator.deliveryOrigin;
    const query = `origin=${encodeURIComponent(origin)}${protocol === "tus" ? "&protocol=tus" : ""}`;
    await browser.goto(`${page.url}?${query}`);
    const input = browser.getByLabel("Choose videos");
    await expect(input).toHaveAttribute("type", "file");
    await input.setInputFiles(video);

    const row = browser.locator("li.sk-upload", { hasText: "beach day.mp4" });
    await expect(row).toHaveAttribute("data-protocol", protocol);
    await expect(row).toHaveAttribute("data-state", /processing|ready/, { timeout: 30_000 });
    await expect(browser.getByRole("status").first()).toContainText(
      /beach day\.mp4 (uploaded, now processing|is ready)/,
    );
    await expect(row).toHaveAttribute("data-state", "ready", { timeout: 90_000 });

    // The bytes stored are the file's, exactly.
    const uid = await browser
      .locator("iframe")
      .first()
      .getAttribute("src")
      .then((src) => /\/([0-9a-f]{32})\//.exec(src ?? "")?.[1] ?? "");
    expect(uid).toMatch(/^[0-9a-f]{32}$/);
    const stored = await readFile(path.join(stream.emulator.dataDir, "videos", uid, "source"));
    expect(sha256(stored)).toBe(sha256(await readFile(video)));
    // The browser read the 3 s duration from the file: Stream was told 3 + 5 s, not 10 hours.
    const saved = (await (await stream.api(`/${uid}`)).json()) as {
      result: { maxDurationSeconds: number; meta: Record<string, unknown> };
    };
    expect(saved.result.maxDurationSeconds).toBe(8);
    expect(saved.result.meta).toMatchObject({ name: "beach day.mp4", page: "e2e" });

    // …and it plays.
    const frame = browser.frameLocator("iframe").first();
    await expect(frame.locator("video")).toBeVisible({ timeout: 30_000 });
    await expect
      .poll(() => frame.locator("video").evaluate((v: HTMLVideoElement) => v.currentTime), {
        timeout: 30_000,
      })
      .toBeGreaterThan(0.5);
    await browser.screenshot({ path: test.info().outputPath(`upload-${protocol}.png`) });
  });
}

interface Patch {
  url: string;
  /** `Upload-Offset` sent, and the one the emulator answered (the bytes it stored). */
  from: number;
  to?: number;
  status?: number;
}

/** Records the tus requests the page makes (the upload URL is on the emulator's origin). */
function watchTus(browser: Page) {
  const patches: Patch[] = [];
  const sent = new Map<Request, Patch>();
  const heads: { url: string; offset?: number }[] = [];
  browser.on("request", (request) => {
    if (!/\/tus\/[0-9a-f]{32}/.test(request.url())) return;
    if (request.method() !== "PATCH") return;
    const patch = { url: request.url(), from: Number(request.headers()["upload-offset"]) };
    patches.push(patch);
    sent.set(request, patch);
  });
  browser.on("response", (response) => {
    const request = response.request();
    if (!/\/tus\/[0-9a-f]{32}/.test(request.url())) return;
    const offset = Number(response.headers()["upload-offset"]);
    if (request.method() === "HEAD") heads.push({ url: request.url(), offset });
    if (request.method() === "PATCH") {
      const patch = sent.get(request);
      if (patch) Object.assign(patch, { status: response.status(), to: offset });
    }
  });
  return { patches, heads };
}

/** The uid of the tus upload URL (`…/tus/<uid>`). */
const uidOf = (url: string) => /\/tus\/([0-9a-f]{32})/.exec(url)?.[1] ?? "";

async function allUids(): Promise<string[]> {
  const list = (await (await stream.api("?limit=1000")).json()) as { result: { uid: string }[] };
  return list.result.map((v) => v.uid);
}

/** Waits for ready, checks the stored bytes against the file, and that the player plays it. */
async function expectReadyAndPlaying(browser: Page, uid: string) {
  const row = browser.locator("li.sk-upload", { hasText: "long take.mp4" });
  await expect(row).toHaveAttribute("data-state", "ready", { timeout: 90_000 });
  const stored = await readFile(path.join(stream.emulator.dataDir, "videos", uid, "source"));
  expect(stored.length).toBe(BIG_BYTES);
  expect(sha256(stored)).toBe(sha256(await readFile(bigVideo)));
  await expect(browser.locator("iframe").first()).toHaveAttribute("src", new RegExp(uid));
  const frame = browser.frameLocator("iframe").first();
  await expect(frame.locator("video")).toBeVisible({ timeout: 30_000 });
  await expect
    .poll(() => frame.locator("video").evaluate((v: HTMLVideoElement) => v.currentTime), {
      timeout: 30_000,
    })
    .toBeGreaterThan(0.5);
}

const tusQuery = () =>
  `origin=${encodeURIComponent(stream.emulator.deliveryOrigin)}&protocol=tus&chunk=${CHUNK}`;

test("a 12 MiB tus upload goes in 5 MiB PATCHes, progress moving forward, byte-exact, then plays", async ({
  page: browser,
}) => {
  const { patches } = watchTus(browser);
  await browser.goto(`${page.url}?${tusQuery()}`);
  await browser.getByLabel("Choose videos").setInputFiles(bigVideo);
  const row = browser.locator("li.sk-upload", { hasText: "long take.mp4" });
  await expect(row).toHaveAttribute("data-protocol", "tus");
  await expect(row).toHaveAttribute("data-state", /processing|ready/, { timeout: 60_000 });

  // Three PATCHes, each starting where the last one ended: 0 → 5 MiB → 10 MiB → 12 MiB.
  expect(patches.map(({ from, to, status }) => ({ from, to, status }))).toEqual([
    { from: 0, to: CHUNK, status: 204 },
    { from: CHUNK, to: 2 * CHUNK, status: 204 },
    { from: 2 * CHUNK, to: BIG_BYTES, status: 204 },
  ]);
  const uid = uidOf(patches[0]?.url ?? "");
  expect(uid).toMatch(/^[0-9a-f]{32}$/);
  // The bar showed a step between 0 and 100 and never went back.
  const shown = await browser.evaluate(
    () => (window as unknown as { e2eProgress: number[] }).e2eProgress,
  );
  const between = [...new Set(shown.filter((p) => p > 0 && p < 100))];
  // How many values show depends on the engine's progress throttle and the machine's speed; the
  // three PATCHes above prove the chunks, this only that progress moved forward between them.
  expect(between.length, `progress shown: ${shown.join(", ")}`).toBeGreaterThanOrEqual(1);
  expect(shown).toEqual([...shown].sort((a, b) => a - b));

  await expectReadyAndPlaying(browser, uid);
});

test("a tus upload cut off by a page reload resumes from the stored offset on the same file", async ({
  page: browser,
}) => {
  const before = await allUids();
  const { patches, heads } = watchTus(browser);
  // The first chunk reaches the emulator; the second is held in the browser and never arrives.
  let held = 0;
  let release: (() => void) | undefined;
  const holding = new Promise<void>((resolve) => {
    release = resolve;
  });
  await browser.route(/\/tus\/[0-9a-f]{32}/, async (route) => {
    const request = route.request();
    if (request.method() === "PATCH" && request.headers()["upload-offset"] !== "0") {
      held += 1;
      await holding;
      await route.abort().catch(() => {});
      return;
    }
    await route.continue();
  });
  await browser.goto(`${page.url}?${tusQuery()}`);
  await browser.getByLabel("Choose videos").setInputFiles(bigVideo);
  await expect.poll(() => held, { timeout: 30_000 }).toBe(1);
  expect(patches[0]).toMatchObject({ from: 0, to: CHUNK, status: 204 });
  const uid = uidOf(patches[0]?.url ?? "");
  expect(uid).toMatch(/^[0-9a-f]{32}$/);
  const stored = (await (await stream.api(`/${uid}`)).json()) as {
    result: { status: { state: string } };
  };
  expect(stored.result.status.state).toBe("pendingupload");

  // The tab reloads mid-upload (same context: localStorage keeps the tus URL). The held PATCH
  // goes with the old document; only then is the route dropped (released earlier, the engine
  // would retry the chunk before the reload and finish it).
  await browser.reload();
  release?.();
  await browser.unrouteAll({ behavior: "wait" });
  expect((await (await stream.api(`/${uid}`)).json()).result.status.state).toBe("pendingupload");
  const firstVisit = patches.length;
  const headsBefore = heads.length;
  await browser.getByLabel("Choose videos").setInputFiles(bigVideo);
  const row = browser.locator("li.sk-upload", { hasText: "long take.mp4" });
  await expect(row).toHaveAttribute("data-state", /processing|ready/, { timeout: 60_000 });

  // A HEAD on the same upload URL told the offset; PATCHes went on from there.
  expect(heads.slice(headsBefore)[0]).toEqual({ url: patches[0]?.url, offset: CHUNK });
  const again = patches.slice(firstVisit);
  expect(again.map(({ url, from, to, status }) => ({ url, from, to, status }))).toEqual([
    { url: patches[0]?.url, from: CHUNK, to: 2 * CHUNK, status: 204 },
    { url: patches[0]?.url, from: 2 * CHUNK, to: BIG_BYTES, status: 204 },
  ]);
  // The bar went on from the stored 5/12 (41 %), not from the start.
  const shown = await browser.evaluate(
    () => (window as unknown as { e2eProgress: number[] }).e2eProgress,
  );
  const moved = shown.filter((p) => p > 0);
  expect(moved[0], `progress shown: ${shown.join(", ")}`).toBe(
    Math.floor((100 * CHUNK) / BIG_BYTES),
  );
  expect(moved).toEqual([...moved].sort((a, b) => a - b));
  // The first 5 MiB were not sent again.
  const resent = again.reduce((sum, p) => sum + ((p.to ?? p.from) - p.from), 0);
  expect(resent).toBe(BIG_BYTES - CHUNK);
  // One video for the file, the one created on the first visit.
  const created = (await allUids()).filter((u) => !before.includes(u));
  expect(created).toEqual([uid]);

  await expectReadyAndPlaying(browser, uid);
  // Done: the fingerprint is forgotten, a third pick would start a new upload.
  const kept = await browser.evaluate(() =>
    Object.keys(localStorage).filter((key) => key.startsWith("tus::")),
  );
  expect(kept).toEqual([]);
});
