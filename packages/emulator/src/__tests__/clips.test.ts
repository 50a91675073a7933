import { readFile, rm } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { VideoJson } from "../records";
import type { WatermarkProfile } from "../watermarks/store";
import { isTerminal, json, makeDataDir, startTestEmulator, type TestEmulator } from "./helpers";
import { decodeFrame, distance, regionMean, solidImage } from "./pixels";

let emu: TestEmulator;
let source: VideoJson;

beforeAll(async () => {
  emu = await startTestEmulator();
  const { body } = await json<VideoJson>(
    await emu.api("/copy", { method: "POST", body: { url: `${emu.url}/samples/testsrc-4s.mp4` } }),
  );
  source = await emu.waitFor(body.result.uid ?? "", isTerminal);
  expect(source.status?.state).toBe("ready");
});

afterAll(async () => {
  await emu?.dispose();
});

const clip = (body: Record<string, unknown>) =>
  emu.api("/clip", { method: "POST", body: { clippedFromVideoUID: source.uid, ...body } });

describe("clips", () => {
  it("makes a new video of the clipped length that records where it came from", async () => {
    const { status, body } = await json<VideoJson>(
      await clip({ startTimeSeconds: 1, endTimeSeconds: 3, meta: { name: "middle" } }),
    );
    expect(status).toBe(200);
    expect(body.result.uid).not.toBe(source.uid);
    expect(body.result.clippedFrom).toBe(source.uid);
    expect(body.result.status?.state).toBe("queued");
    const done = await emu.waitFor(body.result.uid ?? "", isTerminal);
    expect(done.status?.state).toBe("ready");
    expect(done.clippedFrom).toBe(source.uid);
    expect(done.meta).toMatchObject({ name: "middle" });
    expect(Math.abs((done.duration ?? 0) - 2)).toBeLessThan(0.35);
    expect(done.input).toEqual({ width: 320, height: 180 });
  });

  it("refuses times outside the video, in the wrong order, negative or fractional", async () => {
    const cases: Array<[Record<string, unknown>, RegExp]> = [
      [{ startTimeSeconds: 4, endTimeSeconds: 6 }, /past the end/],
      [{ startTimeSeconds: 10, endTimeSeconds: 12 }, /past the end/],
      [{ startTimeSeconds: 2, endTimeSeconds: 2 }, /after startTimeSeconds/],
      [{ startTimeSeconds: 3, endTimeSeconds: 1 }, /after startTimeSeconds/],
      [{ startTimeSeconds: -1, endTimeSeconds: 1 }, /startTimeSeconds/],
      [{ startTimeSeconds: 0.5, endTimeSeconds: 2 }, /whole number/],
      [{ startTimeSeconds: 0, endTimeSeconds: 1.5 }, /whole number/],
      [{ startTimeSeconds: "0", endTimeSeconds: 1 }, /expected a number/],
      [{ endTimeSeconds: 1 }, /required/],
      [{ clippedFromVideoUID: "nope", startTimeSeconds: 0, endTimeSeconds: 1 }, /uid/],
    ];
    for (const [body, message] of cases) {
      const response = await json(await clip(body));
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(response.body.errors[0]?.message).toMatch(message);
    }
    const unknown = await clip({
      clippedFromVideoUID: "0".repeat(32),
      startTimeSeconds: 0,
      endTimeSeconds: 1,
    });
    expect(unknown.status).toBe(404);
  });

  it("applies a watermark to the clip", async () => {
    const dir = await makeDataDir();
    const form = new FormData();
    const png = await readFile(solidImage(dir, "green.png", "lime", "32x32"));
    form.set("file", new Blob([new Uint8Array(png)]), "green.png");
    form.set("position", "upperLeft");
    form.set("scale", "0.25");
    form.set("padding", "0");
    const profile = (
      await json<WatermarkProfile>(await emu.api("/watermarks", { method: "POST", body: form }))
    ).body.result;
    const { body } = await json<VideoJson>(
      await clip({ startTimeSeconds: 0, endTimeSeconds: 2, watermark: { uid: profile.uid } }),
    );
    expect(body.result.watermark).toEqual(profile);
    const done = await emu.waitFor(body.result.uid ?? "", isTerminal);
    expect(done.status?.state).toBe("ready");
    const image = await fetch(`${emu.url}/${done.uid}/thumbnails/thumbnail.jpg`);
    // 320x180 video: an 80x80 mark in the top left corner.
    const frame = await decodeFrame(Buffer.from(await image.arrayBuffer()), 320, 180);
    const mark = regionMean(frame, 320, { x0: 10, y0: 10, x1: 70, y1: 70 });
    expect(distance(mark, [0, 255, 0])).toBeLessThan(60);
    await rm(dir, { recursive: true, force: true });
  });
});
