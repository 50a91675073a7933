import { expect, test } from "@playwright/test";
import { startTestEmulator, type TestEmulator } from "./helpers";
import { startTwoInstances, type TwoInstances } from "./instances";

// Live status across instances, in Chromium: the emulator's webhook reaches instance A, the
// page talks only to instance B, and B's event stream (over Redis) turns its badge ready while
// polling waits ten minutes.
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

test("a page on instance B turns ready from a webhook delivered to instance A", async ({
  page,
}) => {
  const created = await fetch(`${app.a}/api/stream/direct_upload`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ maxDurationSeconds: 60 }),
  });
  const { uid, uploadURL } = (
    (await created.json()) as { result: { uid: string; uploadURL: string } }
  ).result;
  await page.goto(`${app.page}?uid=${uid}`);
  await expect(page.getByTestId("live")).toHaveText("open");
  const badge = page.locator(".sk-badge");
  await expect(badge).toHaveAttribute("data-state", "awaiting-upload");

  const bytes = await (await fetch(`${stream.emulator.url}/samples/tiny.mp4`)).arrayBuffer();
  const form = new FormData();
  form.append("file", new Blob([bytes], { type: "video/mp4" }), "tiny.mp4");
  expect((await fetch(uploadURL, { method: "POST", body: form })).status).toBe(200);

  await expect(badge).toHaveAttribute("data-state", "ready", { timeout: 60_000 });
  expect(app.aRequests).toContain("POST /webhook");
});
