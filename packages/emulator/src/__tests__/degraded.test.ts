import { readFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { VideoJson } from "../records";
import { isTerminal, json, startTestEmulator, type TestEmulator } from "./helpers";

const TINY = path.join(import.meta.dirname, "..", "..", "assets", "tiny.mp4");
const PNG_MAGIC = [0x89, 0x50, 0x4e, 0x47];

let emu: TestEmulator;

beforeAll(async () => {
  emu = await startTestEmulator({ ffmpegPath: false });
});

afterAll(async () => {
  await emu?.dispose();
});

describe("degraded mode (no ffmpeg)", () => {
  it("says so at start-up and offers only the shipped sample", async () => {
    expect(emu.degraded).toBe(true);
    expect(emu.logs.some((l) => l.includes("degraded mode"))).toBe(true);
    const samples = (await (await fetch(`${emu.url}/samples`)).json()) as Array<{ name: string }>;
    expect(samples.map((s) => s.name)).toEqual(["tiny"]);
  });

  it("still reaches ready, plays the original and serves placeholder thumbnails", async () => {
    const { body } = await json<VideoJson>(
      await emu.api("/copy", { method: "POST", body: { url: `${emu.url}/samples/tiny.mp4` } }),
    );
    const video = await emu.waitFor(body.result.uid ?? "", isTerminal);
    expect(video.status?.state).toBe("ready");
    expect(video.readyToStream).toBe(true);
    expect(video.duration).toBeCloseTo(2, 1);
    expect(video.input).toEqual({ width: 160, height: 90 });

    const thumb = await fetch(`${video.thumbnail}?width=320&height=180`);
    expect(thumb.status).toBe(200);
    expect(thumb.headers.get("content-type")).toBe("image/png");
    const png = Buffer.from(await thumb.arrayBuffer());
    expect([...png.subarray(0, 4)]).toEqual(PNG_MAGIC);
    expect(png.readUInt32BE(16)).toBe(320); // IHDR width
    expect(png.readUInt32BE(20)).toBe(180);

    // No HLS; the player page plays the original file.
    expect((await fetch(video.playback?.hls ?? "")).status).toBe(404);
    const html = await (await fetch(`${emu.deliveryOrigin}/${video.uid}/iframe`)).text();
    expect(html).toContain(`"file":"/${video.uid}/source"`);
    const source = await fetch(`${emu.deliveryOrigin}/${video.uid}/source`);
    expect(source.headers.get("content-type")).toBe("video/mp4");
    expect(Buffer.from(await source.arrayBuffer()).equals(await readFile(TINY))).toBe(true);

    // The default download is the original MP4.
    const created = await json<{ default: { status: string } }>(
      await emu.api(`/${video.uid}/downloads`, { method: "POST" }),
    );
    expect(created.body.result.default.status).toBe("ready");
    expect((await fetch(`${emu.deliveryOrigin}/${video.uid}/downloads/default.mp4`)).status).toBe(
      200,
    );
  });

  it("recognises non-video uploads without ffprobe", async () => {
    const form = new FormData();
    form.set("file", new Blob(["plain text"]), "a.txt");
    const refused = await json(await emu.api("", { method: "POST", body: form }));
    expect(refused.status).toBe(400);
    expect(refused.body.errors[0]?.code).toBe(10059);
  });
});
