import { gzipSync } from "node:zlib";
import { type Browser, expect, type Page, type Request, test } from "@playwright/test";
import { startTestEmulator, type TestEmulator } from "../e2e/helpers";
import { answerCloudflareHosts } from "./cloudflareHosts";
import type { BenchMarks } from "./fixtures/first-frame/mark";
import { previewFixture } from "./previewFixture";
import { recordBench } from "./record";

// Time from a viewer's click to the first frame, for each way of playing one ready video:
// StreamPlayer with loading="click" (iframe, SDK and playback all start at the click),
// StreamVideo's <video> on hls.js (eager: hls.js and the first segments are in before the click;
// and its loading="click"), and stream-react's Stream (its iframe is there from the start). Each
// page is a production build served by `vite preview` and opened cold in a fresh context: what a
// first visitor waits, not a dev server's module loading. The clock starts in the page at the
// click event, so Playwright's latency is not in it. A <video> has a frame callback; an app
// cannot reach into a cross-origin player iframe, so for the iframes the figure is the SDK's
// `playing` event as the page hears it. Those two signals differ (`playing` comes before a frame
// is shown), so each player also gets the other one: `PlayingMs` for the <video>, and `FrameMs`
// from the emulator's iframe, which the bench can instrument where Cloudflare's could not be.
// That iframe (hls.js and a small script) stands in for Cloudflare's, so iframe weights are its.
let stream: TestEmulator;
let uid: string;

const RUNS = 5;
const PAGES = ["iframe", "video", "stream-react"] as const;

test.beforeAll(async () => {
  stream = await startTestEmulator();
  uid = await stream.readyVideo();
});
test.afterAll(async () => stream?.stop());

interface Player {
  figure: string;
  page: (typeof PAGES)[number];
  query?: string;
  /** What the viewer clicks. */
  click: string;
  /** The page plays in an iframe on stream-react's hard-coded Cloudflare hosts. */
  cloudflareHosts?: boolean;
}

const PLAYERS: Player[] = [
  { figure: "streamPlayer", page: "iframe", click: "button.sk-player__play" },
  { figure: "streamVideo", page: "video", click: "#play" },
  {
    figure: "streamVideoClick",
    page: "video",
    query: "&loading=click",
    click: "button.sk-player__play",
  },
  { figure: "streamReact", page: "stream-react", click: "#play", cloudflareHosts: true },
];

interface Script {
  top: boolean;
  gzip: number;
}

/**
 * The scripts the page and its frames fetch, in KB, each gzipped here (-9, as bench/bundle.mjs
 * measures): `vite preview` compresses, the emulator (SDK, the player iframe's hls.js) does not,
 * and Cloudflare's CDN would. Blob URLs (hls.js's worker, made from its own source) are not fetched.
 */
function countScripts(page: Page) {
  const pending: Promise<Script | undefined>[] = [];
  page.on("requestfinished", (request: Request) => {
    if (request.resourceType() !== "script" || !/^https?:/.test(request.url())) return;
    pending.push(
      (async () => {
        const body = await (await request.response())?.body();
        return {
          top: request.frame().parentFrame() === null,
          gzip: body ? gzipSync(body, { level: 9 }).length : 0,
        };
      })().catch(() => undefined),
    );
  });
  return async () => {
    const scripts = (await Promise.all(pending)).filter((s) => s !== undefined);
    const kb = (list: Script[]) =>
      Math.round((list.reduce((sum, s) => sum + s.gzip, 0) / 1024) * 10) / 10;
    return {
      page: kb(scripts.filter((s) => s.top)),
      iframe: kb(scripts.filter((s) => !s.top)),
    };
  };
}

interface Run {
  /** Click to first frame, by the player's own signal (`via`). */
  ms: number;
  via: string;
  /** The <video> page's `playing` event: the signal the iframe players are measured by. */
  playingMs?: number;
  /** The emulator's player iframe, instrumented here: its frame callback, as the <video>'s. */
  frameMs?: number;
  before: Awaited<ReturnType<ReturnType<typeof countScripts>>>;
  after: Awaited<ReturnType<ReturnType<typeof countScripts>>>;
  errors: string[];
}

const marksOf = (page: Page) =>
  page.evaluate(() => ({
    ...(window as unknown as { bench: BenchMarks }).bench,
    timeOrigin: performance.timeOrigin,
  }));

async function measure(browser: Browser, base: string, player: Player): Promise<Run> {
  const origin = stream.emulator.deliveryOrigin;
  // stream-react's player page is on a public origin and its media on the emulator's loopback
  // one: Chromium's Local Network Access asks the viewer first, so the permission is granted.
  const context = await browser.newContext({ permissions: ["local-network-access"] });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  page.on("response", (r) => {
    if (r.status() >= 400) errors.push(`${r.status()} ${r.url()}`);
  });
  try {
    await page.addInitScript(() => {
      if (window !== window.top) {
        // Inside a player iframe: the first frame presented after its <video> starts, on the
        // shared wall clock (timeOrigin), since each frame's performance.now() has its own origin.
        document.addEventListener(
          "play",
          (event) => {
            const video = event.target;
            if (!(video instanceof HTMLVideoElement)) return;
            video.requestVideoFrameCallback((_now, frame) => {
              const w = window as unknown as { firstFrameEpoch?: number };
              w.firstFrameEpoch ??= performance.timeOrigin + frame.presentationTime;
            });
          },
          true,
        );
        return;
      }
      const marks: BenchMarks = {};
      (window as unknown as { bench: BenchMarks }).bench = marks;
      document.addEventListener(
        "click",
        () => {
          marks.clickAt ??= performance.now();
        },
        true,
      );
    });
    if (player.cloudflareHosts) await answerCloudflareHosts(page, origin);
    const scripts = countScripts(page);
    await page.goto(
      `${base}${player.page}.html?uid=${uid}&origin=${encodeURIComponent(origin)}${player.query ?? ""}`,
    );
    await page.waitForFunction(
      () => (window as unknown as { bench: BenchMarks }).bench.ready,
      undefined,
      { timeout: 60_000 },
    );
    await page.locator(player.click).waitFor({ state: "visible" });
    // Clicked once the page has settled, as a viewer would: what eager loading fetched is in.
    await page.waitForLoadState("networkidle");
    await page.waitForTimeout(300);
    const before = await scripts();
    await page.click(player.click);
    await page.waitForFunction(
      () => (window as unknown as { bench: BenchMarks }).bench.firstFrameAt !== undefined,
      undefined,
      { timeout: 30_000 },
    );
    const after = await scripts();
    // With loading="click" the loaded frame can show before playback starts.
    if (player.page === "video")
      await page.waitForFunction(
        () => (window as unknown as { bench: BenchMarks }).bench.playingAt !== undefined,
        undefined,
        { timeout: 10_000 },
      );
    const marks = await marksOf(page);
    const clickAt = marks.clickAt ?? Number.NaN;
    const ms = (marks.firstFrameAt ?? Number.NaN) - clickAt;
    expect(ms, `${player.figure}: first frame after the click`).toBeGreaterThan(0);
    let frameMs: number | undefined;
    if (player.page !== "video") {
      await expect
        .poll(
          async () => {
            for (const frame of page.frames().slice(1)) {
              const epoch = await frame
                .evaluate(() => (window as unknown as { firstFrameEpoch?: number }).firstFrameEpoch)
                .catch(() => undefined);
              if (epoch !== undefined) frameMs = epoch - (marks.timeOrigin + clickAt);
            }
            return frameMs;
          },
          { message: `${player.figure}: a frame in the player iframe`, timeout: 10_000 },
        )
        .toBeGreaterThan(0);
    }
    return {
      ms,
      via: marks.via ?? "",
      playingMs: marks.playingAt === undefined ? undefined : marks.playingAt - clickAt,
      frameMs,
      before,
      after,
      errors,
    };
  } finally {
    await context.close();
  }
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
};

test("time to first frame after a click: StreamPlayer, StreamVideo, stream-react", async ({
  browser,
}) => {
  test.setTimeout(400_000);
  // One multi-page build: each page loads only its own player's code.
  const server = await previewFixture("first-frame", { pages: PAGES });
  const base = server.url;
  const runs = new Map<string, Run[]>(PLAYERS.map((p) => [p.figure, []]));
  try {
    // Players take turns within each round, so a slow moment of the machine falls on all.
    for (let round = 0; round < RUNS; round++) {
      for (const player of PLAYERS)
        runs.get(player.figure)?.push(await measure(browser, base, player));
    }
  } finally {
    await server.close();
  }

  const figures: Record<string, number> = {};
  for (const player of PLAYERS) {
    const list = runs.get(player.figure) ?? [];
    const key = `firstFrame.${player.figure}`;
    const ms = (pick: (r: Run) => number | undefined) => {
      const values = list.map(pick).filter((v) => v !== undefined);
      return values.length === list.length ? Math.round(median(values)) : undefined;
    };
    const add = (name: string, value: number | undefined) => {
      if (value !== undefined) figures[`${key}${name}`] = value;
    };
    add(
      "Ms",
      ms((r) => r.ms),
    );
    add(
      "PlayingMs",
      ms((r) => r.playingMs),
    );
    add(
      "FrameMs",
      ms((r) => r.frameMs),
    );
    add("PageJsKBBeforeClick", median(list.map((r) => r.before.page)));
    add("PageJsKB", median(list.map((r) => r.after.page)));
    if (player.page !== "video") add("IframeJsKB", median(list.map((r) => r.after.iframe)));
    const errors = [...new Set(list.flatMap((r) => r.errors))];
    console.log(
      `${player.figure}: ${list.map((r) => Math.round(r.ms)).join(", ")} ms via ${[
        ...new Set(list.map((r) => r.via)),
      ].join("/")}${errors.length ? `; page errors: ${errors.join(" | ")}` : ""}`,
    );
  }
  console.log(figures);
  recordBench(figures);
});
