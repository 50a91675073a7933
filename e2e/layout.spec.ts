import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { expect, test } from "@playwright/test";
import { axeViolations, checkEveryWidth, settle } from "./layoutCheck";
import { type StaticServer, serveFolder } from "./staticServer";

// Every story of the built Storybook, as people browse it: at 1280, 768, 390 and 320 px, light
// and dark, nothing may widen the page or put a control out of reach, and axe (contrast
// included) passes in dark; the light run is the a11y check of `pnpm test:stories`. Then the
// docs pages, which render all of a component's stories at once, each with its own backend.

let folder: string;
let storybook: StaticServer;
let entries: { id: string; type: string; title: string }[];

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  test.setTimeout(300_000);
  folder = await mkdtemp(path.join(tmpdir(), "streamkit-storybook-"));
  await promisify(execFile)("pnpm", ["exec", "storybook", "build", "-o", folder, "--quiet"], {
    cwd: path.resolve(import.meta.dirname, ".."),
    maxBuffer: 64 * 1024 * 1024,
  });
  storybook = await serveFolder(folder);
  const index = JSON.parse(await readFile(path.join(folder, "index.json"), "utf8")) as {
    entries: Record<string, { id: string; type: string; title: string }>;
  };
  entries = Object.values(index.entries);
});

test.afterAll(async () => {
  await storybook?.stop();
  if (folder) await rm(folder, { recursive: true, force: true });
});

/**
 * Rules a story turns off in its own `a11y` parameters because a third-party skin around our
 * component fails them (Media Chrome's time display: label-content-name-mismatch), not our code.
 */
const SKIN_RULES: Record<string, string[]> = {
  "ui-streamvideo--with-media-chrome": ["label-content-name-mismatch"],
};

/** Rendered, and its first requests answered (the mock backend answers at once). */
async function openStory(page: import("@playwright/test").Page, id: string, mode: string) {
  await page.goto(`${storybook.url}/iframe.html?id=${id}&viewMode=${mode}`);
  await page.waitForFunction(
    (root) => (document.querySelector(root)?.childElementCount ?? 0) > 0,
    mode === "docs" ? "#storybook-docs" : "#storybook-root",
    { timeout: 30_000 },
  );
  await page.waitForTimeout(400);
}

test("every story fits every width in both schemes, and passes axe in dark", async ({ page }) => {
  test.setTimeout(1_200_000);
  const stories = entries.filter((e) => e.type === "story");
  expect(stories.length).toBeGreaterThan(100);
  const problems: string[] = [];
  for (const story of stories) {
    await page.emulateMedia({ colorScheme: "light", reducedMotion: "reduce" });
    await page.setViewportSize({ width: 1280, height: 900 });
    await openStory(page, story.id, "story");
    problems.push(...(await checkEveryWidth(page, story.id)));
    await page.emulateMedia({ colorScheme: "dark", reducedMotion: "reduce" });
    await page.setViewportSize({ width: 1280, height: 900 });
    await settle(page);
    for (const violation of await axeViolations(page, "#storybook-root")) {
      if (SKIN_RULES[story.id]?.some((rule) => violation.startsWith(`${rule}:`))) continue;
      problems.push(`${story.id} dark: axe ${violation}`);
    }
  }
  expect(problems).toEqual([]);
});

// Stories whose backend is meant to fail, or to never answer.
const FAILING = /error|fail|refus|needs-admin|expired|loading/;

test("docs pages render their healthy stories healthy, whatever a failing one beside them does", async ({
  page,
}) => {
  test.setTimeout(300_000);
  const docs = entries.filter((e) => e.type === "docs");
  expect(docs.length).toBeGreaterThan(10);
  const problems: string[] = [];
  for (const doc of docs) {
    await openStory(page, doc.id, "docs");
    await page.waitForTimeout(1_000);
    const seen = await page.evaluate((failing) => {
      const out: string[] = [];
      for (const block of document.querySelectorAll<HTMLElement>("[id^='anchor--']")) {
        const id = block.id.replace(/^anchor--/, "");
        if (new RegExp(failing).test(id)) continue;
        const text = block.textContent ?? "";
        if (/Something went wrong|Could not load/.test(text)) out.push(id);
      }
      return out;
    }, FAILING.source);
    problems.push(...seen.map((id) => `${doc.id}: ${id} shows a failure`));
  }
  expect(problems).toEqual([]);
});

/** The colour on screen at a point of the page, read back from a 1-pixel screenshot. */
async function pixelAt(page: import("@playwright/test").Page, x: number, y: number) {
  const png = await page.screenshot({ clip: { x, y, width: 1, height: 1 } });
  return page.evaluate(async (data) => {
    const image = new Image();
    image.src = `data:image/png;base64,${data}`;
    await image.decode();
    const canvas = document.createElement("canvas");
    canvas.width = canvas.height = 1;
    const context = canvas.getContext("2d");
    context?.drawImage(image, 0, 0);
    return Array.from(context?.getImageData(0, 0, 1, 1).data ?? []).slice(0, 3);
  }, png.toString("base64"));
}

/** A custom property of the page as the rgb triple the browser resolves it to. */
async function tokenColour(page: import("@playwright/test").Page, token: string) {
  return page.evaluate((name) => {
    const probe = document.createElement("div");
    probe.style.background = `var(${name})`;
    document.body.append(probe);
    const rgb = getComputedStyle(probe).backgroundColor.match(/\d+/g)?.slice(0, 3).map(Number);
    probe.remove();
    return rgb ?? [];
  }, token);
}

// Chromium's native bar picks its own track colour against the accent: near-black on a light
// page, so an MP4 at 0 % looked finished. Every bar's empty end must show the token's track.
test("an empty progress bar looks empty in both schemes", async ({ page }) => {
  const problems: string[] = [];
  for (const id of ["ui-downloadspanel--in-progress", "ui-uploaddropzone--uploading"]) {
    for (const colorScheme of ["light", "dark"] as const) {
      await page.emulateMedia({ colorScheme, reducedMotion: "reduce" });
      await openStory(page, id, "story");
      const bar = page.locator("progress").first();
      await bar.waitFor();
      const box = await bar.boundingBox();
      const value = Number(await bar.getAttribute("value"));
      if (!box || value > 80) throw new Error(`${id}: no bar with an empty end (value ${value})`);
      const seen = await pixelAt(page, box.x + box.width - 3, box.y + box.height / 2);
      const track = await tokenColour(page, "--sk-waiting-bg");
      const off = seen.reduce((sum, c, i) => sum + Math.abs(c - (track[i] ?? 0)), 0);
      if (off > 24)
        problems.push(`${id} ${colorScheme}: empty end rgb(${seen}), track rgb(${track})`);
    }
  }
  expect(problems).toEqual([]);
});

// A card whose video has no frames (processing, failed) shows a placeholder box: as wide as the
// pictures of the cards beside it, not the thumbnail's nominal 240 px.
test("every card's picture fills its card, placeholders too", async ({ page }) => {
  const problems: string[] = [];
  for (const width of [390, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    await openStory(page, "ui-videogrid--grid", "story");
    const seen = await page.$$eval(".sk-card__media", (boxes) =>
      boxes.map((box) => [
        box.getBoundingClientRect().width,
        box.firstElementChild?.getBoundingClientRect().width ?? 0,
        box.firstElementChild?.getAttribute("data-state"),
      ]),
    );
    expect(seen.length).toBeGreaterThan(1);
    for (const [card, picture, state] of seen) {
      if (Math.abs(Number(card) - Number(picture)) > 1)
        problems.push(`${width} px: a ${state} picture ${picture} px in a ${card} px card`);
    }
  }
  expect(problems).toEqual([]);
});
