import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, type Page, test } from "@playwright/test";
import { type RunningStack, startStack } from "../scripts/stack";
import { axeViolations, checkEveryWidth, SCHEMES, settle } from "./layoutCheck";

// The example dashboard's pages with the lengths the API accepts (a 5,000-character name, 200 meta
// fields): at 1280, 768, 390 and 320 px, light and dark, nothing widens the page or cuts a control
// off, and axe passes in both schemes. And what a phone user reads.
let stack: RunningStack;
let dataDir: string;
const ids: Record<"hostile" | "failed" | "live", string> = { hostile: "", failed: "", live: "" };

const NAME = `Final_export_${"x".repeat(4_987)}`;
const META = Object.fromEntries(
  Array.from({ length: 200 }, (_, i) => [`field_${i}_${"k".repeat(40)}`, "v".repeat(300)]),
);

test.describe.configure({ mode: "serial" });

async function api(p: string, init: RequestInit = {}) {
  const emulator = stack.emulator;
  if (!emulator) throw new Error("the layout check runs on the emulator");
  const response = await fetch(`${emulator.apiBase}/accounts/${emulator.accountId}/stream${p}`, {
    ...init,
    headers: { authorization: `Bearer ${emulator.token}`, "content-type": "application/json" },
  });
  return (await response.json()) as { result: { uid: string; status: { state: string } } };
}

async function copy(input: string, meta: Record<string, string>) {
  const { result } = await api("/copy", { method: "POST", body: JSON.stringify({ input, meta }) });
  return result.uid;
}

test.beforeAll(async () => {
  test.setTimeout(180_000);
  dataDir = await mkdtemp(path.join(tmpdir(), "streamkit-layout-"));
  stack = await startStack({ emulatorPort: 0, dashboardPort: 0, dataDir, quiet: true });
  const samples = `${stack.emulator?.url}/samples`;
  ids.hostile = await copy(`${samples}/tiny.mp4`, { ...META, name: NAME });
  ids.failed = await copy(`${samples}/no-such-${"y".repeat(300)}.mp4`, {
    name: `${"broken ".repeat(400)}`.trim(),
  });
  await copy(`${samples}/tiny.mp4`, { name: "Quarterly results keynote ".repeat(60).trim() });
  ids.live = (
    await api("/live_inputs", {
      method: "POST",
      body: JSON.stringify({ meta: { name: NAME }, recording: { mode: "automatic" } }),
    })
  ).result.uid;
  await expect
    .poll(async () => (await api(`/${ids.hostile}`)).result.status.state, { timeout: 90_000 })
    .toBe("ready");
  await expect
    .poll(async () => (await api(`/${ids.failed}`)).result.status.state, { timeout: 90_000 })
    .toBe("error");
});

test.afterAll(async () => {
  await stack?.stop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

async function visit(page: Page, hash: string, ready: (page: Page) => Promise<void>) {
  await page.emulateMedia({ colorScheme: "light", reducedMotion: "reduce" });
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(`${stack.dashboardUrl}${hash}`);
  await ready(page);
  const found = await checkEveryWidth(page, hash || "#/");
  for (const colorScheme of SCHEMES) {
    await page.emulateMedia({ colorScheme, reducedMotion: "reduce" });
    await settle(page);
    for (const v of await axeViolations(page, "body")) found.push(`${hash} ${colorScheme}: ${v}`);
  }
  return found;
}

test("every dashboard page fits every width in both schemes, with hostile lengths, and passes axe", async ({
  page,
}) => {
  test.setTimeout(300_000);
  const problems: string[] = [];
  const library = (p: Page) =>
    expect(p.getByRole("button", { name: NAME, exact: true })).toBeVisible({ timeout: 30_000 });
  problems.push(...(await visit(page, "", library)));
  await page.getByRole("button", { name: "Table" }).click();
  problems.push(...(await visit(page, "#/", library)));
  await page.getByRole("button", { name: "Thumbnails" }).click();
  problems.push(
    ...(await visit(page, `#/videos/${ids.hostile}`, (p) =>
      expect(p.getByRole("textbox", { name: "Key 200" })).toBeVisible({ timeout: 30_000 }),
    )),
  );
  problems.push(
    ...(await visit(page, `#/videos/${ids.failed}`, (p) =>
      expect(p.getByText(/could not be downloaded/).first()).toBeVisible({ timeout: 30_000 }),
    )),
  );
  problems.push(
    ...(await visit(page, `#/videos/${"0".repeat(32)}`, (p) =>
      expect(p.getByRole("heading", { name: "This video is gone" })).toBeVisible({
        timeout: 30_000,
      }),
    )),
  );
  problems.push(
    ...(await visit(page, "#/live", (p) =>
      expect(p.getByRole("link", { name: NAME })).toBeVisible({ timeout: 30_000 }),
    )),
  );
  problems.push(
    ...(await visit(page, `#/live/${ids.live}`, (p) =>
      expect(p.getByText("Waiting for the broadcast")).toBeVisible({ timeout: 30_000 }),
    )),
  );
  problems.push(
    ...(await visit(page, "#/watermarks", (p) =>
      expect(p.getByRole("heading", { level: 1 })).toBeVisible(),
    )),
  );
  expect(problems).toEqual([]);
});

test("on a phone, the dropzone speaks of the device, not of dragging, and the library is cards", async ({
  browser,
}) => {
  // A touch screen: `pointer: coarse`, as on the phone in a pocket.
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
    deviceScaleFactor: 2,
  });
  const page = await context.newPage();
  try {
    await page.goto(stack.dashboardUrl);
    const area = page.getByRole("group", { name: "Upload videos" });
    await expect(area.getByText("Add videos from this device:")).toBeVisible();
    await expect(area.getByText(/Drag and drop/)).toBeHidden();
    await expect(page.getByRole("button", { name: NAME, exact: true })).toBeVisible();
    // The URL form folds under its heading, so the library starts on the first screen.
    await expect(page.getByRole("heading", { name: "Library" })).toBeInViewport();
    const fold = page.getByRole("button", { name: "Add a video from a URL" });
    await expect(fold).toHaveAttribute("aria-expanded", "false");
    await expect(page.getByLabel("Video URL")).toBeHidden();
    await fold.click();
    await expect(fold).toHaveAttribute("aria-expanded", "true");
    await expect(page.getByLabel("Video URL")).toBeVisible();
    await fold.click();
    await page.getByRole("button", { name: "Table" }).click();
    // The table's rows become labelled cards at this width: no column is out of reach.
    const row = page.getByRole("row").filter({ hasText: "Quarterly results keynote" }).first();
    const remove = row.getByRole("button", { name: /Delete/ });
    await remove.scrollIntoViewIfNeeded();
    await expect(remove).toBeInViewport({ ratio: 1 });
    await page.getByRole("button", { name: "Thumbnails" }).click();
    // The thumbnail picker (eight frames, the preview, the button) fits one phone screen.
    await page.goto(`${stack.dashboardUrl}#/videos/${ids.hostile}`);
    const picker = page.getByRole("region", { name: "Thumbnail" });
    await expect(picker.getByRole("radio").first()).toBeVisible({ timeout: 30_000 });
    const box = await picker.boundingBox();
    expect(box?.height).toBeLessThanOrEqual(844);
  } finally {
    await context.close();
  }
});
