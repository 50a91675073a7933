import { readFile, rm } from "node:fs/promises";
import Cloudflare, { toFile } from "cloudflare";
import type { WatermarkCreateParams } from "cloudflare/resources/stream/watermarks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isTerminal, makeDataDir, startTestEmulator, type TestEmulator } from "./helpers";
import { solidImage } from "./pixels";

let emu: TestEmulator;
let cf: Cloudflare;
let account_id: string;
let dir: string;

beforeAll(async () => {
  emu = await startTestEmulator();
  // The official SDK, unchanged: only its baseURL points at the emulator.
  cf = new Cloudflare({ apiToken: emu.token, baseURL: emu.apiBase, maxRetries: 0 });
  account_id = emu.accountId;
  dir = await makeDataDir();
});

afterAll(async () => {
  await emu?.dispose();
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function readyVideo(): Promise<string> {
  const video = await cf.stream.copy.create({ account_id, url: `${emu.url}/samples/tiny.mp4` });
  const done = await emu.waitFor(video.uid ?? "", isTerminal);
  expect(done.status?.state).toBe("ready");
  return video.uid ?? "";
}

describe("the official cloudflare SDK: watermarks, audio tracks, clips", () => {
  it("creates (multipart), lists, gets and deletes watermark profiles", async () => {
    const png = await readFile(solidImage(dir, "mark.png", "white", "48x24"));
    // The SDK's params have no `file` (the spec's multipart schema does): its upload helper
    // still sends the body as multipart/form-data when a file is in it.
    const params = {
      account_id,
      file: await toFile(png, "mark.png", { type: "image/png" }),
      name: "sdk mark",
      opacity: 0.5,
      position: "lowerLeft",
    } as WatermarkCreateParams;
    const created = await cf.stream.watermarks.create(params);
    expect(created).toMatchObject({
      name: "sdk mark",
      opacity: 0.5,
      padding: 0.05,
      scale: 0.15,
      position: "lowerLeft",
      width: 48,
      height: 24,
      size: png.length,
      downloadedFrom: null,
    });
    const fromUrl = await cf.stream.watermarks.create({
      account_id,
      url: `${emu.url}/${await readyVideo()}/thumbnails/thumbnail.jpg`,
    });
    expect(fromUrl.downloadedFrom).toContain("/thumbnails/thumbnail.jpg");

    const listed = [];
    for await (const profile of cf.stream.watermarks.list({ account_id })) listed.push(profile.uid);
    expect(listed).toEqual([created.uid, fromUrl.uid]);
    expect(await cf.stream.watermarks.get(created.uid ?? "", { account_id })).toEqual(created);
    expect(await cf.stream.watermarks.delete(fromUrl.uid ?? "", { account_id })).toBe("");
    await expect(cf.stream.watermarks.get(fromUrl.uid ?? "", { account_id })).rejects.toMatchObject(
      { status: 404 },
    );
  });

  it("copies, lists, edits and deletes audio tracks", async () => {
    const uid = await readyVideo();
    expect(await cf.stream.audioTracks.get(uid, { account_id })).toEqual({ audio: [] });
    const track = await cf.stream.audioTracks.copy(uid, {
      account_id,
      label: "Director",
      url: `${emu.url}/samples/tiny.mp4`,
    });
    expect(track).toMatchObject({ label: "Director", default: false, status: "queued" });
    const other = await cf.stream.audioTracks.copy(uid, {
      account_id,
      label: "Dub",
      url: `${emu.url}/samples/tiny.mp4`,
    });
    const deadline = Date.now() + 30_000;
    let listed = await cf.stream.audioTracks.get(uid, { account_id });
    while (listed.audio?.some((t) => t.status === "queued") && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 100));
      listed = await cf.stream.audioTracks.get(uid, { account_id });
    }
    expect(listed.audio?.map((t) => t.status)).toEqual(["ready", "ready"]);

    const edited = await cf.stream.audioTracks.edit(track.uid ?? "", {
      account_id,
      identifier: uid,
      default: true,
      label: "Director's cut",
    });
    expect(edited).toMatchObject({ uid: track.uid, label: "Director's cut", default: true });
    await expect(
      cf.stream.audioTracks.delete(track.uid ?? "", { account_id, identifier: uid }),
    ).rejects.toMatchObject({ status: 400 });
    expect(
      await cf.stream.audioTracks.delete(other.uid ?? "", { account_id, identifier: uid }),
    ).toBe("ok");
    const left = await cf.stream.audioTracks.get(uid, { account_id });
    expect(left.audio?.map((t) => t.label)).toEqual(["Director's cut"]);
  });

  it("clips a video with a watermark", async () => {
    const uid = await readyVideo();
    const png = await readFile(solidImage(dir, "clip.png", "yellow"));
    const mark = await cf.stream.watermarks.create({
      account_id,
      file: await toFile(png, "clip.png"),
    } as WatermarkCreateParams);
    const clip = await cf.stream.clip.create({
      account_id,
      clippedFromVideoUID: uid,
      startTimeSeconds: 0,
      endTimeSeconds: 1,
      watermark: { uid: mark.uid ?? "" },
    });
    expect(clip.clippedFrom).toBe(uid);
    expect(clip.watermark).toEqual(mark);
    const done = await emu.waitFor(clip.uid ?? "", isTerminal);
    expect(done.status?.state).toBe("ready");
    expect(done.duration).toBeGreaterThan(0.5);
    expect(done.duration).toBeLessThan(1.5);
  });
});
