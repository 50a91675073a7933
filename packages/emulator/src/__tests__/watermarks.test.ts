import { readFile, rm } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { VideoJson } from "../records";
import type { WatermarkProfile } from "../watermarks/store";
import { isTerminal, json, makeDataDir, startTestEmulator, type TestEmulator } from "./helpers";
import { decodeFrame, distance, type Rgb, regionMean, solidImage } from "./pixels";

let emu: TestEmulator;
let dataDir: string;
let dir: string;
let red: Buffer;
let origin: Server;
let originUrl: string;

const RED: Rgb = [255, 0, 0];
// tiny.mp4 is 160x90. A 64x64 image at scale 0.25 is 40x40; padding 0.05 is 8 px across and
// 5 px down, so lowerRight covers [112, 152) × [45, 85). Inside it, clear of blurred edges:
const MARK = { x0: 120, y0: 53, x1: 144, y1: 77 };
const FAR_CORNER = { x0: 4, y0: 4, x1: 28, y1: 28 };

beforeAll(async () => {
  dataDir = await makeDataDir();
  emu = await startTestEmulator({ dataDir });
  dir = await makeDataDir();
  red = await readFile(solidImage(dir, "red.png", "red"));
  const files: Record<string, Buffer> = {
    "/red.png": red,
    "/logo.jpg": await readFile(solidImage(dir, "blue.jpg", "blue", "32x16")),
    "/notes.txt": Buffer.from("not an image\n".repeat(20)),
  };
  origin = createServer((req, res) => {
    const body = files[req.url ?? ""];
    if (body) res.writeHead(200, { "content-length": body.length }).end(body);
    else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => origin.listen(0, "127.0.0.1", resolve));
  originUrl = `http://127.0.0.1:${(origin.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => origin?.close(resolve));
  await emu?.dispose();
  if (dir) await rm(dir, { recursive: true, force: true });
});

function imageForm(bytes: Buffer, fields: Record<string, string> = {}, name = "mark.png") {
  const body = new FormData();
  body.set("file", new Blob([new Uint8Array(bytes)]), name);
  for (const [key, value] of Object.entries(fields)) body.set(key, value);
  return body;
}

async function createProfile(fields: Record<string, string> = {}): Promise<WatermarkProfile> {
  const { status, body } = await json<WatermarkProfile>(
    await emu.api("/watermarks", { method: "POST", body: imageForm(red, fields) }),
  );
  expect(status).toBe(200);
  return body.result;
}

async function copyTiny(extra: Record<string, unknown> = {}): Promise<VideoJson> {
  const { status, body } = await json<VideoJson>(
    await emu.api("/copy", {
      method: "POST",
      body: { url: `${emu.url}/samples/tiny.mp4`, ...extra },
    }),
  );
  expect(status).toBe(200);
  const done = await emu.waitFor(body.result.uid ?? "", isTerminal);
  expect(done.status?.state).toBe("ready");
  return done;
}

async function thumbnail(uid: string): Promise<Buffer> {
  const response = await fetch(`${emu.url}/${uid}/thumbnails/thumbnail.jpg?time=1s`);
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toBe("image/jpeg");
  return Buffer.from(await response.arrayBuffer());
}

describe("watermark profiles", () => {
  it("creates from a multipart file with Stream's defaults and the image's size", async () => {
    const profile = await createProfile();
    expect(profile).toEqual({
      uid: expect.stringMatching(/^[0-9a-f]{32}$/),
      name: "",
      opacity: 1,
      padding: 0.05,
      scale: 0.15,
      position: "upperRight",
      size: red.length,
      width: 64,
      height: 64,
      created: expect.any(String),
      downloadedFrom: null,
    });
  });

  it("creates from a URL, keeping the fields given", async () => {
    const { status, body } = await json<WatermarkProfile>(
      await emu.api("/watermarks", {
        method: "POST",
        body: {
          url: `${originUrl}/logo.jpg`,
          name: "Marketing",
          opacity: 0.5,
          padding: 0.1,
          scale: 0.2,
          position: "center",
        },
      }),
    );
    expect(status).toBe(200);
    expect(body.result).toMatchObject({
      name: "Marketing",
      opacity: 0.5,
      padding: 0.1,
      scale: 0.2,
      position: "center",
      width: 32,
      height: 16,
      downloadedFrom: `${originUrl}/logo.jpg`,
    });
  });

  it("refuses what is not an image, bad settings, oversize files and bad URLs", async () => {
    const refused = async (body: FormData | Record<string, unknown>, status = 400) => {
      const response = await json(await emu.api("/watermarks", { method: "POST", body }));
      expect(response.status).toBe(status);
      expect(response.body.success).toBe(false);
      return response.body.errors[0]?.message ?? "";
    };
    expect(await refused(imageForm(Buffer.from("GIF89a but not really"), {}, "x.gif"))).toMatch(
      /not an image/,
    );
    expect(await refused({ url: `${originUrl}/notes.txt` })).toMatch(/not an image/);
    expect(await refused(imageForm(red, { opacity: "1.5" }))).toMatch(/opacity/);
    expect(await refused(imageForm(red, { scale: "big" }))).toMatch(/scale/);
    expect(await refused({ url: `${originUrl}/red.png`, padding: -0.1 })).toMatch(/padding/);
    expect(await refused(imageForm(red, { position: "top" }))).toMatch(/position/);
    expect(await refused({ url: `${originUrl}/missing.png` })).toMatch(/could not be downloaded/);
    expect(await refused({ url: "ftp://example.com/a.png" })).toMatch(/http/);
    expect(await refused({ name: "no url" })).toMatch(/url/);
    const big = Buffer.concat([red, Buffer.alloc(2 * 1024 * 1024)]);
    expect(await refused(imageForm(big), 413)).toMatch(/2 MiB/);
  });

  it("lists, gets and deletes; unknown uids are 404, malformed ones 400", async () => {
    const profile = await createProfile({ name: "to delete" });
    const list = await json<WatermarkProfile[]>(await emu.api("/watermarks"));
    expect(list.body.result.map((p) => p.uid)).toContain(profile.uid);
    const got = await json<WatermarkProfile>(await emu.api(`/watermarks/${profile.uid}`));
    expect(got.body.result).toEqual(profile);

    const deleted = await json<string>(
      await emu.api(`/watermarks/${profile.uid}`, { method: "DELETE" }),
    );
    expect(deleted).toMatchObject({ status: 200, body: { success: true, result: "" } });
    const gone = await json(await emu.api(`/watermarks/${profile.uid}`));
    expect(gone.status).toBe(404);
    expect(gone.body.errors[0]?.code).toBe(10003);
    expect((await emu.api(`/watermarks/${profile.uid}`, { method: "DELETE" })).status).toBe(404);
    expect((await emu.api("/watermarks/nope")).status).toBe(400);
  });
});

describe("applying a watermark", () => {
  it("burns it into the thumbnails, the HLS renditions and the MP4 download", async () => {
    const profile = await createProfile({ position: "lowerRight", scale: "0.25" });
    const marked = await copyTiny({ watermark: { uid: profile.uid } });
    const plain = await copyTiny();
    // The video embeds the whole profile, not just its uid.
    expect(marked.watermark).toEqual(profile);
    expect(plain.watermark).toBeNull();

    const markedThumb = await decodeFrame(await thumbnail(marked.uid ?? ""), 160, 90);
    const plainThumb = await decodeFrame(await thumbnail(plain.uid ?? ""), 160, 90);
    expect(distance(regionMean(markedThumb, 160, MARK), RED)).toBeLessThan(60);
    expect(distance(regionMean(plainThumb, 160, MARK), RED)).toBeGreaterThan(100);
    // Elsewhere the two pictures are the same video.
    expect(
      distance(regionMean(markedThumb, 160, FAR_CORNER), regionMean(plainThumb, 160, FAR_CORNER)),
    ).toBeLessThan(20);

    // The first rendition as a player reads it (fMP4: init segment, then media segments).
    const segment = await decodeFrame(`${emu.url}/${marked.uid}/manifest/0/index.m3u8`, 160, 90);
    expect(distance(regionMean(segment, 160, MARK), RED)).toBeLessThan(60);

    expect((await emu.api(`/${marked.uid}/downloads`, { method: "POST" })).status).toBe(200);
    const deadline = Date.now() + 30_000;
    let url: string | undefined;
    while (!url && Date.now() < deadline) {
      const { body } = await json<{ default?: { status: string; url: string } }>(
        await emu.api(`/${marked.uid}/downloads`),
      );
      if (body.result.default?.status === "ready") url = body.result.default.url;
      else await new Promise((r) => setTimeout(r, 200));
    }
    expect(url).toBeDefined();
    const mp4 = await decodeFrame(url ?? "", 160, 90);
    expect(distance(regionMean(mp4, 160, MARK), RED)).toBeLessThan(60);
  });

  it("is refused for an unknown profile on copy, direct upload, clip and tus", async () => {
    const unknown = { uid: "0".repeat(32) };
    const copy = await json(
      await emu.api("/copy", {
        method: "POST",
        body: { url: `${emu.url}/samples/tiny.mp4`, watermark: unknown },
      }),
    );
    expect(copy.status).toBe(400);
    expect(copy.body.errors[0]?.message).toMatch(/watermark/);
    const direct = await emu.api("/direct_upload", {
      method: "POST",
      body: { maxDurationSeconds: 60, watermark: unknown },
    });
    expect(direct.status).toBe(400);
    const tus = await fetch(emu.stream, {
      method: "POST",
      headers: {
        authorization: `Bearer ${emu.token}`,
        "tus-resumable": "1.0.0",
        "upload-length": "1000",
        "upload-metadata": `watermark ${Buffer.from(unknown.uid).toString("base64")}`,
      },
    });
    expect(tus.status).toBe(400);
    const source = await copyTiny();
    const clip = await emu.api("/clip", {
      method: "POST",
      body: {
        clippedFromVideoUID: source.uid,
        startTimeSeconds: 0,
        endTimeSeconds: 1,
        watermark: unknown,
      },
    });
    expect(clip.status).toBe(400);
  });

  it("embeds the profile on direct uploads and tus uploads; a later delete changes nothing", async () => {
    const profile = await createProfile({ name: "embedded" });
    const direct = await json<{ uid: string; watermark?: WatermarkProfile }>(
      await emu.api("/direct_upload", {
        method: "POST",
        body: { maxDurationSeconds: 60, watermark: { uid: profile.uid } },
      }),
    );
    expect(direct.body.result.watermark).toEqual(profile);

    const tiny = await readFile(path.join(import.meta.dirname, "..", "..", "assets", "tiny.mp4"));
    const created = await fetch(emu.stream, {
      method: "POST",
      headers: {
        authorization: `Bearer ${emu.token}`,
        "tus-resumable": "1.0.0",
        "upload-length": String(tiny.length),
        "upload-metadata": `watermark ${Buffer.from(profile.uid).toString("base64")}`,
      },
    });
    expect(created.status).toBe(201);
    const uid = created.headers.get("stream-media-id") ?? "";
    await emu.api(`/watermarks/${profile.uid}`, { method: "DELETE" });
    const patched = await fetch(created.headers.get("location") ?? "", {
      method: "PATCH",
      headers: {
        authorization: `Bearer ${emu.token}`,
        "tus-resumable": "1.0.0",
        "upload-offset": "0",
        "content-type": "application/offset+octet-stream",
      },
      body: new Uint8Array(tiny),
    });
    expect(patched.status).toBe(204);
    // Deleted after the upload began: the video still gets the mark it was created with.
    const done = await emu.waitFor(uid, isTerminal);
    expect(done.status?.state).toBe("ready");
    expect(done.watermark).toEqual(profile);
    const frame = await decodeFrame(await thumbnail(uid), 160, 90);
    // upperRight at the default scale 0.15: 24x24 at x 128, y 5.
    const corner = regionMean(frame, 160, { x0: 134, y0: 10, x1: 146, y1: 23 });
    expect(distance(corner, RED)).toBeLessThan(60);
  });

  it("keeps profiles across a restart", async () => {
    const profile = await createProfile({ name: "kept" });
    await emu.dispose(true);
    emu = await startTestEmulator({ dataDir });
    const got = await json<WatermarkProfile>(await emu.api(`/watermarks/${profile.uid}`));
    expect(got.body.result).toEqual(profile);
    // And it still works.
    const video = await copyTiny({ watermark: { uid: profile.uid } });
    expect(video.watermark).toEqual(profile);
  });
});
