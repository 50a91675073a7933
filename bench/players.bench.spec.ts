import { type Page, test } from "@playwright/test";
import {
  observeLayoutShifts,
  serveFixture,
  startTestEmulator,
  type TestEmulator,
} from "../e2e/helpers";
import { answerCloudflareHosts } from "./cloudflareHosts";
import { recordBench } from "./record";

// Twelve players on one page, ours and @cloudflare/stream-react's, against the same emulator:
// cumulative layout shift, SDK script loads, and time to the first painted content. Both pages
// are served by Vite in dev mode, so absolute times include module loading; compare them side by
// side, not with production figures.
let stream: TestEmulator;
let uid: string;

test.beforeAll(async () => {
  stream = await startTestEmulator();
  uid = await stream.readyVideo();
});
test.afterAll(async () => stream?.stop());

function countSdk(page: Page): string[] {
  const seen: string[] = [];
  page.on("request", (r) => {
    if (r.url().includes("sdk.latest.js")) seen.push(r.url());
  });
  return seen;
}

const RUNS = 3;
const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

test("streamkit vs stream-react: layout shift, SDK loads, first paint", async ({ browser }) => {
  const origin = stream.emulator.deliveryOrigin;
  const ours = await serveFixture("players");
  const theirs = await serveFixture("../../bench/fixtures/stream-react");
  const figures = { cls: [] as number[], sdk: [] as number[], poster: [] as number[] };
  const reference = {
    cls: [] as number[],
    sdk: [] as number[],
    poster: [] as number[],
    visible: [] as number[],
  };
  try {
    for (let run = 0; run < RUNS; run++) {
      const page = await browser.newPage();
      const shiftOf = await observeLayoutShifts(page);
      await page.addInitScript(() => {
        document.addEventListener(
          "load",
          (e) => {
            const w = window as unknown as { posterAt?: number };
            if ((e.target as Element).classList?.contains("sk-player__poster"))
              w.posterAt ??= performance.now();
          },
          true,
        );
      });
      const sdk = countSdk(page);
      await page.goto(`${ours.url}?origin=${encodeURIComponent(origin)}&uid=${uid}`);
      await page.waitForFunction(
        () => (window as unknown as { ready?: number }).ready === 12,
        undefined,
        { timeout: 60_000 },
      );
      await page.waitForTimeout(500);
      figures.cls.push(await shiftOf());
      figures.poster.push(
        await page.evaluate(() => (window as unknown as { posterAt?: number }).posterAt ?? -1),
      );
      figures.sdk.push(sdk.length);
      await page.close();

      // Chromium's Local Network Access would stop the https "Cloudflare" iframe reaching loopback.
      const otherContext = await browser.newContext({ permissions: ["local-network-access"] });
      const other = await otherContext.newPage();
      const otherShift = await observeLayoutShifts(other);
      // stream-react's hosts are hard-coded; the emulator answers for them, on loopback.
      await answerCloudflareHosts(other, origin);
      const otherSdk = countSdk(other);
      await other.goto(`${theirs.url}?uid=${uid}`);
      await other.waitForFunction(
        () => document.querySelectorAll("iframe").length === 12,
        undefined,
        { timeout: 60_000 },
      );
      await other.waitForTimeout(2_000);
      reference.cls.push(await otherShift());
      reference.poster.push(
        await other.evaluate(
          () => (window as unknown as { firstFrameAt?: number }).firstFrameAt ?? -1,
        ),
      );
      reference.sdk.push(otherSdk.length);
      // stream-react sizes its box from the player's reported video size; until then it is 0 high.
      reference.visible.push(
        await other.evaluate(
          () => [...document.querySelectorAll("iframe")].filter((f) => f.clientHeight > 0).length,
        ),
      );
      if (run === 0) await other.screenshot({ path: test.info().outputPath("stream-react.png") });
      await otherContext.close();
    }
  } finally {
    await ours.close();
    await theirs.close();
  }
  recordBench({
    "player.cls": median(figures.cls),
    "player.sdkRequests": median(figures.sdk),
    "player.posterMs": Math.round(median(figures.poster)),
    "player.streamReactCls": Math.round(median(reference.cls) * 1000) / 1000,
    "player.streamReactSdkRequests": median(reference.sdk),
    "player.streamReactIframeLoadMs": Math.round(median(reference.poster)),
    "player.streamReactVisiblePlayers": median(reference.visible),
  });
});
