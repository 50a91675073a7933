import { expect, test } from "@playwright/test";
import { startTestEmulator, type TestEmulator } from "../e2e/helpers";
import { startTwoInstances, type TwoInstances } from "../e2e/instances";
import { signWebhook } from "../packages/core/src/webhooks";
import { recordBench } from "./record";

// Latency from a webhook to the browser's cache across two instances: 200 signed webhooks,
// one at a time, posted to instance A; a Chromium page on instance B stamps the moment each
// video lands in its TanStack Query cache. Both clocks are this machine's wall clock.
const EVENTS = 200;
let stream: TestEmulator;
let app: TwoInstances;

test.beforeAll(async () => {
  stream = await startTestEmulator();
  app = await startTwoInstances(stream);
});
test.afterAll(async () => {
  await app?.stop();
  await stream?.stop();
});

const quantile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? Number.NaN;

test("webhook on A → cache of a page on B, through Redis", async ({ page }) => {
  await page.goto(app.page);
  await expect(page.getByTestId("live")).toHaveText("open");
  const sentAt: Record<string, number> = {};
  for (let n = 1; n <= EVENTS; n++) {
    // 32 hex characters, distinct for every n.
    const uid = `be0c4${n.toString(16).padStart(27, "0")}`;
    const body = JSON.stringify({
      uid,
      readyToStream: true,
      status: { state: "ready", pctComplete: "100.000000" },
      meta: { name: `bench ${n}` },
    });
    const signature = await signWebhook(app.webhookSecret, body);
    sentAt[uid] = Date.now();
    const response = await fetch(`${app.a}/webhook`, {
      method: "POST",
      headers: { "content-type": "application/json", "webhook-signature": signature },
      body,
    });
    expect(response.status).toBe(200);
    // One at a time: this measures latency, not a burst's queueing.
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  await expect
    .poll(() =>
      page.evaluate(
        () => Object.keys((window as unknown as { e2eReadyAt: object }).e2eReadyAt).length,
      ),
    )
    .toBe(EVENTS);
  const readyAt = await page.evaluate(
    () => (window as unknown as { e2eReadyAt: Record<string, number> }).e2eReadyAt,
  );
  const latencies = Object.entries(sentAt)
    .map(([uid, sent]) => (readyAt[uid] ?? Number.NaN) - sent)
    .sort((x, y) => x - y);
  recordBench({
    "crossInstance.events": EVENTS,
    "crossInstance.medianMs": quantile(latencies, 0.5),
    "crossInstance.p99Ms": quantile(latencies, 0.99),
    "crossInstance.maxMs": latencies.at(-1) ?? Number.NaN,
  });
});
