import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { VideoJson } from "../records";
import { isTerminal, json, startTestEmulator, type TestEmulator } from "./helpers";

const DELAY_MS = 2000;
let emu: TestEmulator;
let uid: string;

beforeAll(async () => {
  emu = await startTestEmulator({ processing: { captionDelayMs: DELAY_MS } });
  const { body } = await json<VideoJson>(
    await emu.api("/copy", { method: "POST", body: { url: `${emu.url}/samples/tiny.mp4` } }),
  );
  uid = body.result.uid ?? "";
  expect((await emu.waitFor(uid, isTerminal)).status?.state).toBe("ready");
});

afterAll(async () => {
  await emu?.dispose();
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const status = async (lang: string) =>
  (await json<{ status: string }>(await emu.api(`/${uid}/captions/${lang}`))).body.result.status;

describe("generated captions", () => {
  it("a generation deleted before it finished does not finish the next one early", async () => {
    const started = Date.now();
    expect((await emu.api(`/${uid}/captions/de/generate`, { method: "POST" })).status).toBe(200);
    expect((await emu.api(`/${uid}/captions/de`, { method: "DELETE" })).status).toBe(200);
    await sleep(DELAY_MS / 2);
    const again = Date.now();
    expect((await emu.api(`/${uid}/captions/de/generate`, { method: "POST" })).status).toBe(200);

    // The first generation's timer has fired by now; the second's has not.
    await sleep(Math.max(0, started + DELAY_MS + 150 - Date.now()));
    expect(Date.now() - again).toBeLessThan(DELAY_MS - 100);
    expect(await status("de")).toBe("inprogress");
    expect((await emu.api(`/${uid}/captions/de/vtt`)).status).toBe(409);

    // Its own timer finishes it.
    let now = "inprogress";
    for (let i = 0; i < 50 && now !== "ready"; i++) {
      await sleep(100);
      now = await status("de");
    }
    expect(now).toBe("ready");
    expect(Date.now() - again).toBeGreaterThanOrEqual(DELAY_MS - 50);
    expect(await (await emu.api(`/${uid}/captions/de/vtt`)).text()).toMatch(/^WEBVTT/);
  });
});
