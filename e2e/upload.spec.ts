import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { expect, test } from "@playwright/test";
import { createStreamProxy } from "../packages/proxy/src/index";
import { toNodeHandler } from "../packages/proxy/src/node";
import { serveFixture, startTestEmulator, type TestEmulator } from "./helpers";

const run = promisify(execFile);

let stream: TestEmulator;
let page: { url: string; close(): Promise<void> };
let dir: string;
let video: string;

test.beforeAll(async () => {
  stream = await startTestEmulator();
  const { emulator } = stream;
  // The page's backend: the proxy on the page's own origin, in front of the emulator.
  const api = toNodeHandler(
    createStreamProxy({
      accountId: emulator.accountId,
      apiToken: emulator.token,
      upstream: emulator.apiBase,
      basePath: "/api/stream",
    }),
  );
  page = await serveFixture("upload", {
    middleware: (req, res, next) => (req.url?.startsWith("/api/stream") ? api(req, res) : next()),
  });
  // A real 3-second H.264/AAC MP4, as a phone would have it on disk.
  dir = await mkdtemp(path.join(tmpdir(), "streamkit-e2e-upload-"));
  video = path.join(dir, "beach day.mp4");
  await run("ffmpeg", [
    ...["-v", "error", "-y", "-f", "lavfi", "-i", "testsrc2=duration=3:size=320x180:rate=25"],
    ...["-f", "lavfi", "-i", "sine=frequency=440:duration=3", "-c:v", "libx264"],
    ...["-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac", "-shortest", video],
  ]);
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
