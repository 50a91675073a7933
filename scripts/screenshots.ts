/**
 * `pnpm screenshots`: the pictures in the README and docs, taken from the real dashboard on the
 * local emulator (a throwaway data folder, free ports), so they show what a new user gets.
 * Writes docs/images/dashboard-{library,library-dark,video,live,phone}.png.
 */
import { spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { chromium } from "@playwright/test";
import { CHROMIUM, CHROMIUM_ARGS } from "./chromium.mjs";
import { startStack } from "./stack";

const out = path.resolve(import.meta.dirname, "../docs/images");
const dataDir = await mkdtemp(path.join(tmpdir(), "streamkit-screenshots-"));
const stack = await startStack({ emulatorPort: 0, dashboardPort: 0, dataDir, quiet: true });
const emulator = stack.emulator;
if (!emulator) throw new Error("screenshots are taken on the local emulator");
const api = `${emulator.apiBase}/accounts/${emulator.accountId}/stream`;
const headers = { authorization: `Bearer ${emulator.token}`, "content-type": "application/json" };

async function copy(sample: string, name: string, extra: object = {}): Promise<string> {
  const answer = await fetch(`${api}/copy`, {
    method: "POST",
    headers,
    body: JSON.stringify({
      input: `${emulator?.url}/samples/${sample}.mp4`,
      meta: { name },
      ...extra,
    }),
  });
  return ((await answer.json()) as { result: { uid: string } }).result.uid;
}

async function settled(uid: string) {
  for (let i = 0; i < 240; i++) {
    const answer = await fetch(`${api}/${uid}`, { headers });
    const state = ((await answer.json()) as { result: { status: { state: string } } }).result.status
      .state;
    if (state === "ready" || state === "error") return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
try {
  const uids = [
    await copy("testsrc2-6s", "Product launch keynote"),
    await copy("testsrc-4s", "Behind the scenes", { requireSignedURLs: true }),
    await copy("tiny", "Team update, March"),
    await copy("no-such-sample", "Interview (raw)"),
    await copy("testsrc2-6s", "City at night"),
  ];
  for (const uid of uids) await settled(uid);
  const hero = uids[0];

  const desktop = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await desktop.goto(stack.dashboardUrl);
  await desktop.getByRole("button", { name: "City at night", exact: true }).waitFor();
  await desktop.waitForLoadState("networkidle");
  await desktop.screenshot({ path: path.join(out, "dashboard-library.png"), fullPage: true });
  await desktop.emulateMedia({ colorScheme: "dark" });
  await desktop.waitForTimeout(600); // the drop area's colour transition
  await desktop.screenshot({ path: path.join(out, "dashboard-library-dark.png"), fullPage: true });
  await desktop.emulateMedia({ colorScheme: "light" });
  await desktop.goto(`${stack.dashboardUrl}#/videos/${hero}`);
  await desktop.getByRole("radio").first().waitFor();
  await desktop.waitForLoadState("networkidle");
  await desktop.screenshot({ path: path.join(out, "dashboard-video.png"), fullPage: true });

  // A live input on air: ffmpeg broadcasts a test pattern to it, as its page tells one to.
  const created = await fetch(`${api}/live_inputs`, {
    method: "POST",
    headers,
    body: JSON.stringify({ meta: { name: "Town hall" }, recording: { mode: "automatic" } }),
  });
  const input = (
    (await created.json()) as { result: { uid: string; rtmps: { url: string; streamKey: string } } }
  ).result;
  const broadcaster = spawn(
    "ffmpeg",
    [
      ...["-hide_banner", "-loglevel", "error", "-re"],
      ...["-f", "lavfi", "-i", "testsrc2=size=640x360:rate=30", "-f", "lavfi", "-i", "sine"],
      ...["-c:v", "libx264", "-preset", "veryfast", "-g", "30", "-pix_fmt", "yuv420p"],
      ...["-c:a", "aac", "-f", "flv", `${input.rtmps.url}${input.rtmps.streamKey}`],
    ],
    { stdio: "ignore" },
  );
  try {
    await desktop.goto(`${stack.dashboardUrl}#/live/${input.uid}`);
    await desktop
      .frameLocator(".sk-player iframe")
      .getByText("LIVE", { exact: true })
      .waitFor({ timeout: 60_000 });
    await desktop.waitForTimeout(3_000); // a few seconds of picture, past the first frame
    await desktop.screenshot({ path: path.join(out, "dashboard-live.png"), fullPage: true });
  } finally {
    broadcaster.kill("SIGINT");
  }

  const phone = await browser.newPage({
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
    deviceScaleFactor: 2,
  });
  await phone.goto(stack.dashboardUrl);
  await phone.getByRole("button", { name: "City at night", exact: true }).waitFor();
  await phone.waitForLoadState("networkidle");
  // The library as cards, where a phone user scrolls to it.
  await phone.evaluate(() => {
    const top = document.getElementById("library-heading")?.getBoundingClientRect().top ?? 0;
    window.scrollTo(0, window.scrollY + top - 16);
  });
  await phone.screenshot({ path: path.join(out, "dashboard-phone.png") });
  console.log(`screenshots written to ${path.relative(process.cwd(), out)}`);
} finally {
  await browser.close();
  await stack.stop();
  await rm(dataDir, { recursive: true, force: true });
}
