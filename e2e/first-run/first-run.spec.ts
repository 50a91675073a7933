import { type ChildProcess, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { isFree } from "../../scripts/ports";

// `bash scripts/start.sh`, word for word as the README gives it, on free ports: the dashboard
// copies its prefilled sample, the badge reaches ready and the video plays; every URL it printed
// answers; Ctrl-C (SIGINT to its process group, as a terminal sends it) stops every process it
// started and frees every port. In CI this runs on a fresh clone before anything is built.

const root = path.resolve(import.meta.dirname, "../..");
const PACKAGES = ["core", "hooks", "ui", "proxy", "emulator"];
const READY_MS = 12 * 60_000;

let start: ChildProcess;
let output = "";
let exited: Promise<number | null>;
const ports: Record<"EMULATOR_PORT" | "DASHBOARD_PORT" | "STORYBOOK_PORT" | "RTMP_PORT", number> = {
  EMULATOR_PORT: 0,
  DASHBOARD_PORT: 0,
  STORYBOOK_PORT: 0,
  RTMP_PORT: 0,
};
const urls: Record<"Dashboard" | "Storybook" | "Emulator" | "API", string> = {
  Dashboard: "",
  Storybook: "",
  Emulator: "",
  API: "",
};

async function freePort(taken: number[]): Promise<number> {
  for (let port = 20_000 + Math.floor(Math.random() * 20_000); ; port++) {
    if (!taken.includes(port) && (await isFree(port))) return port;
  }
}

function groupAlive(pid: number): boolean {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  test.setTimeout(READY_MS + 60_000);
  const built = PACKAGES.filter((name) => existsSync(path.join(root, "packages", name, "dist")));
  // In CI nothing is built yet, and that is the point; a developer's checkout may have dist/.
  if (process.env.CI) expect(built, "dist/ must not exist before the first run").toEqual([]);
  else test.info().annotations.push({ type: "dist", description: built.join(", ") || "none" });

  for (const name of Object.keys(ports) as (keyof typeof ports)[])
    ports[name] = await freePort(Object.values(ports));
  start = spawn("bash", ["scripts/start.sh"], {
    cwd: root,
    env: {
      ...process.env,
      ...Object.fromEntries(Object.entries(ports).map(([k, v]) => [k, String(v)])),
    },
    stdio: ["ignore", "pipe", "pipe"],
    // Its own process group, like a terminal's foreground job: Ctrl-C reaches all of it.
    detached: true,
  });
  exited = new Promise((resolve) => start.once("exit", (code) => resolve(code)));
  const banner = new Promise<void>((resolve, reject) => {
    const read = (chunk: Buffer) => {
      output += chunk;
      if (output.includes("Ctrl-C stops everything.")) resolve();
    };
    start.stdout?.on("data", read);
    start.stderr?.on("data", read);
    start.once("exit", (code) => reject(new Error(`start.sh exited (${code}):\n${output}`)));
  });
  const timeout = new Promise<never>((_, reject) =>
    setTimeout(
      () => reject(new Error(`no URLs within ${READY_MS / 1000} s:\n${output}`)),
      READY_MS,
    ),
  );
  await Promise.race([banner, timeout]);
  for (const name of ["Dashboard", "Storybook", "Emulator"] as const)
    urls[name] = new RegExp(`^ {2}${name} +(http://\\S+)`, "m").exec(output)?.[1] ?? "";
  urls.API = /\(API (http:\/\/\S+?),/.exec(output)?.[1] ?? "";
  test.info().annotations.push({ type: "output", description: output.slice(-4000) });
});

test.afterAll(async () => {
  if (start?.pid && groupAlive(start.pid)) process.kill(-start.pid, "SIGKILL");
});

test("it prints the dashboard, Storybook and the emulator on the ports asked for", () => {
  expect(urls).toEqual({
    Dashboard: `http://127.0.0.1:${ports.DASHBOARD_PORT}`,
    Storybook: `http://127.0.0.1:${ports.STORYBOOK_PORT}`,
    Emulator: `http://127.0.0.1:${ports.EMULATOR_PORT}`,
    API: `http://127.0.0.1:${ports.EMULATOR_PORT}/client/v4`,
  });
  expect(output).toContain(`Live ingest rtmp://127.0.0.1:${ports.RTMP_PORT}/live/<stream key>`);
});

test("the dashboard copies its prefilled sample, the badge reaches ready, and the video plays", async ({
  page,
}) => {
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  await page.goto(urls.Dashboard);
  const input = page.getByLabel("Video URL");
  // Prefilled with one of the emulator's samples: the user only presses the button.
  await expect(input).toHaveValue(new RegExp(`^${urls.Emulator}/samples/.+\\.mp4$`), {
    timeout: 30_000,
  });
  const name = `First run ${Date.now()}`;
  await page.getByLabel("Name (optional)").fill(name);
  await page.getByRole("button", { name: "Upload from URL" }).click();
  const badge = page.getByRole("region", { name: "Add a video" }).locator(".sk-badge").first();
  await expect(badge).toHaveAttribute("data-state", "ready", { timeout: 5 * 60_000 });

  await page.getByRole("button", { name, exact: true }).click();
  await expect(page).toHaveURL(/#\/videos\/[0-9a-f]{32}$/);
  const video = page.frameLocator(".sk-player iframe").locator("video");
  await expect(video).toBeVisible({ timeout: 60_000 });
  await video.evaluate((v: HTMLVideoElement) => {
    v.muted = true;
    return v.play();
  });
  await expect
    .poll(() => video.evaluate((v: HTMLVideoElement) => v.currentTime), { timeout: 60_000 })
    .toBeGreaterThan(0.5);
  await page.screenshot({ path: test.info().outputPath("video-page.png"), fullPage: true });
  expect(errors).toEqual([]);
});

test("Storybook lists the stories and renders one", async ({ page }) => {
  const index = (await (await fetch(`${urls.Storybook}/index.json`)).json()) as {
    entries: Record<string, { type: string; id: string; title: string }>;
  };
  const stories = Object.values(index.entries).filter((entry) => entry.type === "story");
  expect(stories.length).toBeGreaterThan(20);
  const player = stories.find((story) => story.title.includes("StreamPlayer")) ?? stories[0];
  await page.goto(`${urls.Storybook}/iframe.html?id=${player?.id}&viewMode=story`);
  // A player story has no text to wait for: its rendered element is what shows.
  await expect(page.locator("#storybook-root > *").first()).toBeVisible({ timeout: 120_000 });
});

test("the emulator's origin and API base answer with what they are", async () => {
  for (const url of [urls.Emulator, urls.API]) {
    const answer = await fetch(url);
    expect(answer.status).toBe(200);
    expect(await answer.json()).toMatchObject({
      success: true,
      result: { emulator: "@streamkit/emulator", apiBase: urls.API },
    });
  }
});

test("Ctrl-C stops every process it started and frees every port", async () => {
  const pid = start.pid as number;
  process.kill(-pid, "SIGINT");
  const code = await Promise.race([
    exited,
    new Promise<"timeout">((resolve) => setTimeout(() => resolve("timeout"), 30_000)),
  ]);
  expect(code, output.slice(-2000)).not.toBe("timeout");
  // Nothing of its process group is left: no Storybook, no Vite, no ffmpeg.
  await expect.poll(() => groupAlive(pid), { timeout: 10_000 }).toBe(false);
  for (const port of Object.values(ports)) expect(await isFree(port)).toBe(true);
});
