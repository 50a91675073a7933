import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { type Browser, expect, test } from "@playwright/test";
import { proxyOnPage } from "../e2e/helpers";
import { type RunningEmulator, startEmulator } from "../packages/emulator/src/index";
import { processedVideo, seedLibrary } from "../packages/test-utils/src/stack/seed";
import type { LibraryBench } from "./fixtures/library/main";
import { type PreviewedFixture, previewFixture } from "./previewFixture";
import { recordBench } from "./record";

// The video library at 10,000 videos (#20): VideoTable and VideoGrid with windowed rows
// (`virtualize`, the default) against every loaded row rendered (`virtualize={false}`), on the
// same seeded emulator behind the real proxy. Per variant: time to the first rows, time to have
// every page loaded (windowed: by scrolling to the end, pages load as it nears; all rows: by
// pressing "Load more" until there is none), DOM size and JS heap once all is loaded, frame
// intervals while the window scrolls steadily, and the live-status requests made meanwhile and
// while the page then rests (2% of the videos are unfinished, one on every page of 50, and each
// polls while its row is there: rows scrolled past in under the 2 s poll interval never ask).
// The page is a production build under `vite preview`: frame times are what a visitor's React
// does, without the dev build's checks, which would swamp the difference measured here. Before
// windowing exists the "virtual" variant renders every row too (its pages come from the button
// after a quiet second) and the two sides read the same.

const COUNT = Number(process.env.STREAMKIT_BENCH_LIBRARY) || 10_000;
const UNFINISHED = Math.round(COUNT * 0.02);
/** The slow side at full size is one run (loading 10,000 rows one page at a time takes minutes). */
const RUNS = {
  virtual: Number(process.env.STREAMKIT_BENCH_LIBRARY_RUNS) || 3,
  all: COUNT > 5_000 ? 1 : 3,
} as const;
/** Loading every page gives up after this; the figure says it did not finish. */
const LOAD_CAP_MS = Math.max(60_000, COUNT * 20);
const SCROLL_MS = 6_000;
/** Pixels per frame: a brisk, steady scroll (about 7,000 px a second at 60 Hz). */
const SCROLL_STEP = 120;
/** Then the page stays still this long: what the rows left on screen poll. */
const REST_MS = 5_000;
const VIEWS = ["table", "grid"] as const;
const VARIANTS = ["virtual", "all"] as const;
type View = (typeof VIEWS)[number];
type Variant = (typeof VARIANTS)[number];

let workDir: string;
let emulator: RunningEmulator;
let site: PreviewedFixture;
const figures: Record<string, number> = { "library.videos": COUNT };

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  test.setTimeout(180_000);
  workDir = await mkdtemp(path.join(tmpdir(), "streamkit-library-"));
  const media = await processedVideo(path.join(workDir, "media"));
  const dataDir = path.join(workDir, "data");
  const seedStart = performance.now();
  await seedLibrary(dataDir, { count: COUNT, unfinished: UNFINISHED, media });
  const seedMs = performance.now() - seedStart;
  const startAt = performance.now();
  emulator = await startEmulator({ port: 0, dataDir, samples: false, log: false });
  console.log(
    `seeded ${COUNT} videos (${UNFINISHED} unfinished) in ${Math.round(seedMs)} ms; emulator up in ${Math.round(performance.now() - startAt)} ms`,
  );
  site = await previewFixture("library", {
    middleware: proxyOnPage(emulator),
  });
});

test.afterAll(async () => {
  await site?.close();
  await emulator?.stop();
  if (workDir) await rm(workDir, { recursive: true, force: true });
  if (Object.keys(figures).length > 1) {
    console.log(figures);
    recordBench(figures);
  }
});

interface Run {
  firstRowsMs: number;
  loadAllMs: number;
  loaded: number;
  finished: boolean;
  /** "Load more" presses the page needed (windowed: only when nothing loaded on scrolling). */
  clicks: number;
  domNodes: number;
  heapMB: number;
  frames: number[];
  statusRequestsPerMinute: number;
  statusVideosPerMinute: number;
  restStatusRequestsPerMinute: number;
  restStatusVideosPerMinute: number;
  errors: string[];
}

const itemSelector = (view: View) => (view === "grid" ? "li.sk-card" : "tr[data-state]");

async function measure(browser: Browser, view: View, variant: Variant): Promise<Run> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const errors: string[] = [];
  const status: { at: number; ids: number }[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  page.on("response", (r) => {
    if (r.status() >= 400) errors.push(`${r.status()} ${r.url()}`);
  });
  // Status polls are the batcher's `GET /api/stream?id=…` (a list of the watched uids), and its
  // per-video fallback `GET /api/stream/<uid>`; list pages carry no `id`.
  page.on("request", (r) => {
    if (r.method() !== "GET") return;
    const url = new URL(r.url());
    const id = url.searchParams.get("id");
    if (url.pathname === "/api/stream" && id)
      status.push({ at: Date.now(), ids: id.split(",").length });
    else if (/^\/api\/stream\/[0-9a-f]{32}$/.test(url.pathname))
      status.push({ at: Date.now(), ids: 1 });
    else if (url.pathname.endsWith("/thumbnail.gif")) errors.push(`hover GIF ${url.pathname}`);
  });
  try {
    const query = new URLSearchParams({
      view,
      virtualize: variant === "virtual" ? "1" : "0",
      origin: emulator.deliveryOrigin,
    });
    await page.goto(`${site.url}?${query}`);
    await page.waitForFunction(
      () => (window as unknown as { bench: LibraryBench }).bench.firstRowsAt !== undefined,
      undefined,
      { timeout: 30_000 },
    );
    const firstRowsMs = await page.evaluate(
      () => (window as unknown as { bench: LibraryBench }).bench.firstRowsAt ?? Number.NaN,
    );

    const load = await page.evaluate(
      async ({ windowed, capMs, selector }) => {
        const bench = (window as unknown as { bench: LibraryBench }).bench;
        const frame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));
        const button = () =>
          [...document.querySelectorAll("button")].find(
            (b) => b.textContent?.trim() === "Load more" && !b.hasAttribute("aria-disabled"),
          );
        const start = performance.now();
        let clicks = 0;
        let seen = -1;
        let changedAt = start;
        let list = bench.list();
        while (performance.now() - start < capMs) {
          list = bench.list();
          if (list.failed || !list.more) break;
          if (list.loaded !== seen) {
            seen = list.loaded;
            changedAt = performance.now();
          }
          if (windowed) {
            window.scrollTo(0, document.documentElement.scrollHeight);
            // A view that does not fetch as it nears the end: its button, after a quiet second.
            const quiet = !list.fetching && performance.now() - changedAt > 1_000;
            const next = quiet ? button() : undefined;
            if (next) {
              next.click();
              clicks++;
              changedAt = performance.now();
            }
          } else if (!list.fetching) {
            const next = button();
            if (next) {
              next.click();
              clicks++;
            }
          }
          await frame();
        }
        // Every row rendered, not only in the cache (all rows: in the document).
        while (
          !windowed &&
          !list.more &&
          document.querySelectorAll(selector).length < list.loaded &&
          performance.now() - start < capMs
        )
          await frame();
        await frame();
        return {
          ms: performance.now() - start,
          loaded: list.loaded,
          finished: !list.more && !list.failed,
          clicks,
        };
      },
      { windowed: variant === "virtual", capMs: LOAD_CAP_MS, selector: itemSelector(view) },
    );

    await page.evaluate(() => window.scrollTo(0, 0));
    await page.waitForTimeout(500);
    const domNodes = await page.evaluate(() => document.getElementsByTagName("*").length);
    const cdp = await context.newCDPSession(page);
    await cdp.send("HeapProfiler.collectGarbage");
    const heap = await cdp.send("Runtime.getHeapUsage");

    // STREAMKIT_BENCH_PROFILE=<dir>: a CPU profile and a trace of the scroll (to open in
    // DevTools), and Chromium's own totals for it printed: layout, style, script, all tasks.
    // `STREAMKIT_BENCH_LIBRARY_RUNS=1` keeps it to one run per view.
    const profileDir = process.env.STREAMKIT_BENCH_PROFILE;
    if (profileDir) {
      await mkdir(profileDir, { recursive: true });
      await cdp.send("Profiler.enable");
      await cdp.send("Profiler.start");
      await cdp.send("Performance.enable");
      await browser.startTracing(page, {
        path: path.join(profileDir, `${view}-${variant}-${Date.now()}.trace.json`),
        categories: ["devtools.timeline", "disabled-by-default-devtools.timeline", "blink", "cc"],
      });
    }
    const metrics = async () =>
      Object.fromEntries(
        (await cdp.send("Performance.getMetrics")).metrics.map((m) => [m.name, m.value]),
      );
    const metricsBefore = profileDir ? await metrics() : {};
    const from = Date.now();
    const frames = await page.evaluate(
      ({ ms, step }) =>
        new Promise<number[]>((resolve) => {
          const intervals: number[] = [];
          let start: number | undefined;
          let last: number | undefined;
          const tick = (now: number) => {
            if (last !== undefined) intervals.push(now - last);
            last = now;
            start ??= now;
            const bottom =
              window.scrollY + window.innerHeight >= document.documentElement.scrollHeight - 1;
            if (now - start >= ms || bottom) {
              resolve(intervals);
              return;
            }
            window.scrollBy(0, step);
            requestAnimationFrame(tick);
          };
          requestAnimationFrame(tick);
        }),
      { ms: SCROLL_MS, step: SCROLL_STEP },
    );
    const to = Date.now();
    if (profileDir) {
      const after = await metrics();
      const delta = (name: string) => (after[name] ?? 0) - (metricsBefore[name] ?? 0);
      const ms = (name: string) => Math.round(delta(name) * 1000);
      console.log(
        `${view}/${variant} scroll: ${delta("LayoutCount")} layouts, layout ${ms("LayoutDuration")} ms, style ${ms("RecalcStyleDuration")} ms, script ${ms("ScriptDuration")} ms, all tasks ${ms("TaskDuration")} ms`,
      );
      await browser.stopTracing();
      const { profile } = await cdp.send("Profiler.stop");
      await writeFile(
        path.join(profileDir, `${view}-${variant}-${Date.now()}.cpuprofile`),
        JSON.stringify(profile),
      );
    }
    await page.waitForTimeout(REST_MS);
    const restEnd = Date.now();
    // Per minute of the window: how many requests, and how many videos they asked about.
    const rate = (start: number, end: number) => {
      const polls = status.filter((s) => s.at >= start && s.at < end);
      const minutes = (end - start) / 60_000;
      return {
        requests: polls.length / minutes,
        videos: polls.reduce((sum, s) => sum + s.ids, 0) / minutes,
      };
    };
    const scrolling = rate(from, to);
    const resting = rate(to, restEnd);
    return {
      firstRowsMs,
      loadAllMs: load.ms,
      loaded: load.loaded,
      finished: load.finished,
      clicks: load.clicks,
      domNodes,
      heapMB: heap.usedSize / 1024 / 1024,
      frames,
      statusRequestsPerMinute: scrolling.requests,
      statusVideosPerMinute: scrolling.videos,
      restStatusRequestsPerMinute: resting.requests,
      restStatusVideosPerMinute: resting.videos,
      errors,
    };
  } finally {
    await context.close();
  }
}

/**
 * The seeded videos share one thumbnail cache: the first request for a size makes the file (one
 * ffmpeg run), every later one is served it. Made here, unmeasured, so no run pays for it.
 */
async function warmThumbnails(browser: Browser): Promise<void> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    const page = await context.newPage();
    const query = new URLSearchParams({ view: "grid", origin: emulator.deliveryOrigin });
    await page.goto(`${site.url}?${query}`);
    await page.locator("img.sk-thumb").first().waitFor();
    await page.waitForLoadState("networkidle");
  } finally {
    await context.close();
  }
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
};
const quantile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? Number.NaN;
const round = (value: number, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits;

function frameStats(frames: number[]) {
  const sorted = [...frames].sort((a, b) => a - b);
  return {
    p50: quantile(sorted, 0.5),
    p95: quantile(sorted, 0.95),
    max: sorted.at(-1) ?? Number.NaN,
    // A frame longer than one 60 Hz interval; rAF times are vsync-aligned, so this is a missed one.
    over: frames.filter((f) => f > 1000 / 60 + 1).length / Math.max(1, frames.length),
  };
}

for (const view of VIEWS) {
  for (const variant of VARIANTS) {
    test(`${view}, ${variant === "virtual" ? "windowed" : "every row"}: ${COUNT} videos`, async ({
      browser,
    }) => {
      const runs = RUNS[variant];
      test.setTimeout(Math.min(600_000, runs * (LOAD_CAP_MS + 60_000)));
      if (view === "grid" && variant === "virtual") await warmThumbnails(browser);
      const list: Run[] = [];
      for (let run = 0; run < runs; run++) list.push(await measure(browser, view, variant));

      const key = `library.${view}.${variant}`;
      const stats = list.map((r) => frameStats(r.frames));
      // Each figure is the median over the runs.
      const picks: [string, (r: Run, i: number) => number, number][] = [
        ["firstRowsMs", (r) => r.firstRowsMs, 0],
        ["loadAllMs", (r) => r.loadAllMs, 0],
        ["p50FrameMs", (_, i) => stats[i]?.p50 ?? Number.NaN, 1],
        ["p95FrameMs", (_, i) => stats[i]?.p95 ?? Number.NaN, 1],
        ["maxFrameMs", (_, i) => stats[i]?.max ?? Number.NaN, 1],
        ["slowFrameShare", (_, i) => stats[i]?.over ?? Number.NaN, 3],
        ["scrollFrames", (r) => r.frames.length, 0],
        ["domNodes", (r) => r.domNodes, 0],
        ["heapMB", (r) => r.heapMB, 1],
        ["statusRequestsPerMinute", (r) => r.statusRequestsPerMinute, 0],
        ["statusVideosPerMinute", (r) => r.statusVideosPerMinute, 0],
        ["restStatusRequestsPerMinute", (r) => r.restStatusRequestsPerMinute, 0],
        ["restStatusVideosPerMinute", (r) => r.restStatusVideosPerMinute, 0],
      ];
      for (const [name, pick, digits] of picks)
        figures[`${key}.${name}`] = round(median(list.map(pick)), digits);
      figures[`${key}.loadedAll`] = list.every((r) => r.finished) ? 1 : 0;
      const errors = [...new Set(list.flatMap((r) => r.errors))];
      console.log(
        `${key}: ${list
          .map(
            (r, i) =>
              `run ${i + 1}: first rows ${Math.round(r.firstRowsMs)} ms, ${r.loaded} loaded in ${Math.round(r.loadAllMs)} ms${r.finished ? "" : " (cap reached)"} with ${r.clicks} "Load more" presses, ${r.domNodes} nodes, ${round(r.heapMB)} MB, ${r.frames.length} frames p95 ${round(stats[i]?.p95 ?? 0)} ms`,
          )
          .join("; ")}${errors.length ? `\n  errors: ${errors.slice(0, 10).join(" | ")}` : ""}`,
      );
      for (const r of list) {
        expect(r.loaded, `${key}: videos loaded`).toBeGreaterThan(0);
        // Few frames is a figure too (every card of 10,000 rendered: under two a second).
        expect(r.frames.length, `${key}: frames seen while scrolling`).toBeGreaterThan(1);
      }
    });
  }
}
