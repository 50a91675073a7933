import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, type Page, test } from "@playwright/test";
import { type RunningEmulator, startEmulator } from "../packages/emulator/src/index";
import { type SeededLibrary, seedLibrary } from "../packages/test-utils/src/stack/seed";
import { proxyOnPage, serveFixture } from "./helpers";

// Issue #20: a library of 1,500 videos through the real emulator and proxy, in Chromium. The
// table and the grid render a window of rows, not every loaded one; scrolling loads the pages by
// itself to the oldest video; and only the rows on the page poll their status.
const COUNT = 1500;
let dataDir: string;
let emulator: RunningEmulator;
let library: SeededLibrary;
let site: { url: string; close(): Promise<void> };

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), "streamkit-library-"));
  library = await seedLibrary(dataDir, { count: COUNT, unfinished: 30 });
  emulator = await startEmulator({ port: 0, dataDir, samples: false, log: false });
  site = await serveFixture("library", {
    middleware: proxyOnPage(emulator),
  });
});

test.afterAll(async () => {
  await site?.close();
  await emulator?.stop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

/** The uids each status poll (`GET /api/stream?id=…`) asked for, in order. */
function statusPolls(page: Page): string[][] {
  const polls: string[][] = [];
  page.on("request", (request) => {
    const url = new URL(request.url());
    if (url.pathname !== "/api/stream") return;
    const ids = url.searchParams.getAll("id").flatMap((id) => id.split(","));
    if (ids.length > 0) polls.push(ids);
  });
  return polls;
}

const open = (page: Page, view: "table" | "grid") =>
  page.goto(`${site.url}?${new URLSearchParams({ origin: emulator.deliveryOrigin, view })}`);

/** Scrolls to the end again and again until `done`, as a viewer holding End would. */
async function scrollUntil(page: Page, done: () => Promise<boolean>) {
  for (let i = 0; i < 200 && !(await done()); i++) {
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await page.waitForTimeout(100);
  }
  expect(await done()).toBe(true);
}

test("the table renders a window of rows, pages in as it scrolls, and polls only what it shows", async ({
  page,
}) => {
  const polls = statusPolls(page);
  await page.setViewportSize({ width: 1100, height: 800 });
  await open(page, "table");
  const rows = page.locator("tbody tr[data-index]");
  await expect(rows.first()).toBeVisible({ timeout: 30_000 });
  // Windowing starts (a spacer holds the space of what is not rendered) with far fewer rows.
  await expect(page.locator("tr.sk-spacer")).toHaveCount(1, { timeout: 15_000 });
  expect(await rows.count()).toBeLessThan(50);

  // Only unfinished rows that are mounted poll. Scroll until the newest unfinished video's row
  // is on the page; over a few polling rounds from then, it is polled and nothing unmounted is.
  const newestFirst = [...library.uids].reverse();
  const target = newestFirst.indexOf(library.unfinished.at(-1) ?? "");
  for (
    let i = 0;
    i < 100 && (await page.locator(`tr[data-index="${target}"]`).count()) === 0;
    i++
  ) {
    await page.mouse.wheel(0, 400);
    await page.waitForTimeout(50);
  }
  await page.locator(`tr[data-index="${target}"]`).scrollIntoViewIfNeeded();
  await page.waitForTimeout(500);
  polls.length = 0;
  await page.waitForTimeout(3_000);
  const onScreen = new Set(
    await rows.evaluateAll((all) => all.map((row) => row.getAttribute("data-index"))),
  );
  const polled = new Set(polls.flat());
  expect(polled).toContain(newestFirst[target]);
  for (const uid of polled) expect(onScreen.has(String(newestFirst.indexOf(uid)))).toBe(true);
  expect(polled.size).toBeLessThan(library.unfinished.length);

  // To the oldest video, by scrolling alone: every page loads by itself.
  const oldest = library.nameOf(0);
  await scrollUntil(page, async () => (await page.getByText(oldest, { exact: true }).count()) > 0);
  expect(await rows.count()).toBeLessThan(60);
  await expect(page.getByRole("table", { name: "Videos" })).toHaveAttribute(
    "aria-rowcount",
    String(COUNT + 1),
  );
  await expect(page.getByRole("row", { name: new RegExp(oldest) })).toHaveAttribute(
    "aria-rowindex",
    String(COUNT + 1),
  );
  // The page keeps the full height of 1,500 rows, so the scrollbar tells where one is.
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  expect(height).toBeGreaterThan(COUNT * 30);
});

test("the grid windows whole rows of cards and pages in as it scrolls", async ({ page }) => {
  await page.setViewportSize({ width: 1100, height: 800 });
  await open(page, "grid");
  const cards = page.locator("li.sk-card");
  await expect(cards.first()).toBeVisible({ timeout: 30_000 });
  await expect
    .poll(() => page.locator("ul.sk-grid").evaluate((ul) => (ul as HTMLElement).style.paddingBlock))
    .toMatch(/px [1-9]\d*px$/);
  const columns = await page
    .locator("ul.sk-grid")
    .evaluate((ul) => getComputedStyle(ul).gridTemplateColumns.split(" ").length);
  expect(columns).toBeGreaterThan(1);
  expect((await cards.count()) % columns).toBe(0);
  expect(await cards.count()).toBeLessThan(80);
  const oldest = library.nameOf(0);
  await scrollUntil(page, async () => (await page.getByText(oldest, { exact: true }).count()) > 0);
  expect(await cards.count()).toBeLessThan(80);
});

test("in a fling, cards mount without fetching their thumbnails, which come once it stops", async ({
  page,
}) => {
  await page.setViewportSize({ width: 1100, height: 800 });
  await open(page, "grid");
  await expect(page.locator("ul.sk-grid")).toHaveAttribute("style", /px [1-9]\d*px/, {
    timeout: 30_000,
  });
  const waiting = '.sk-card [data-reason="scrolling"]';
  // 120 px a frame (about 7,000 px a second) for a second: the most cards seen waiting at once.
  const most = await page.evaluate(
    (selector) =>
      new Promise<number>((resolve) => {
        let frames = 0;
        let seen = 0;
        const tick = () => {
          window.scrollBy(0, 120);
          seen = Math.max(seen, document.querySelectorAll(selector).length);
          if (++frames < 60) requestAnimationFrame(tick);
          else resolve(seen);
        };
        requestAnimationFrame(tick);
      }),
    waiting,
  );
  expect(most).toBeGreaterThan(0);
  // Once the scroll stops, every card on the page has its thumbnail (or its own placeholder).
  await expect(page.locator(waiting)).toHaveCount(0);
  expect(await page.locator(".sk-card .sk-thumb").count()).toBe(
    await page.locator("li.sk-card").count(),
  );
});

test("virtualize={false} renders every loaded row, as before", async ({ page }) => {
  await page.goto(
    `${site.url}?${new URLSearchParams({ origin: emulator.deliveryOrigin, view: "table", virtualize: "0" })}`,
  );
  const rows = page.locator("tbody tr[data-index]");
  await expect(rows).toHaveCount(50, { timeout: 30_000 });
  await page.getByRole("button", { name: "Load more" }).click();
  await expect(rows).toHaveCount(100);
  await expect(page.locator("tr.sk-spacer")).toHaveCount(0);
});
