import { execFileSync } from "node:child_process";
import { readFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { VideoJson } from "../records";
import { isTerminal, json, makeDataDir, startTestEmulator, type TestEmulator } from "./helpers";

let emu: TestEmulator;
let origin: Server;
let originUrl: string;
let files: Record<string, Buffer>;

const JPEG_MAGIC = [0xff, 0xd8, 0xff];

/** A tiny HTTP origin serving files made for error cases, plus a 404. */
beforeAll(async () => {
  emu = await startTestEmulator();
  const dir = await makeDataDir();
  const tooShort = path.join(dir, "short.mp4");
  // One frame at 25 fps: 0.04 s, below Stream's 0.1 s minimum.
  execFileSync("ffmpeg", [
    "-v",
    "error",
    "-f",
    "lavfi",
    "-i",
    "testsrc=size=64x64:rate=25",
    "-frames:v",
    "1",
    "-c:v",
    "libx264",
    "-pix_fmt",
    "yuv420p",
    tooShort,
  ]);
  files = {
    "/text.mp4": Buffer.from("this is plainly not a video\n".repeat(50)),
    "/broken.mp4": Buffer.concat([
      Buffer.from([0, 0, 0, 0x18]),
      Buffer.from("ftypisom"),
      Buffer.alloc(4000, 7),
    ]),
    "/short.mp4": await readFile(tooShort),
  };
  origin = createServer((req, res) => {
    const body = files[req.url ?? ""];
    if (!body) {
      res.writeHead(404).end("nope");
      return;
    }
    res.writeHead(200, { "content-type": "video/mp4", "content-length": body.length }).end(body);
  });
  await new Promise<void>((resolve) => origin.listen(0, "127.0.0.1", resolve));
  originUrl = `http://127.0.0.1:${(origin.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await emu?.dispose();
  await new Promise((resolve) => origin?.close(resolve));
});

async function copy(url: string, extra: Record<string, unknown> = {}): Promise<VideoJson> {
  const { status, body } = await json<VideoJson>(
    await emu.api("/copy", { method: "POST", body: { input: url, ...extra } }),
  );
  expect(status).toBe(200);
  return body.result;
}

describe("processing with ffmpeg", () => {
  it("copies a sample through downloading → inprogress → ready, with HLS, thumbnails and a download", async () => {
    const created = await copy(`${emu.url}/samples/testsrc-4s.mp4`, { meta: { name: "pattern" } });
    expect(created.status?.state).toBe("downloading");
    expect(created.duration).toBe(-1);
    expect(created.input).toEqual({ width: -1, height: -1 });
    expect(created.meta?.["downloaded-from"]).toBe(`${emu.url}/samples/testsrc-4s.mp4`);
    expect(created.playback?.hls).toBe(`${emu.deliveryOrigin}/${created.uid}/manifest/video.m3u8`);

    const seen = new Set<string>();
    const ready = await emu.waitFor(created.uid ?? "", (v) => {
      seen.add(`${v.status?.state}`);
      if (v.status?.state === "inprogress") expect(v.status.pctComplete).toMatch(/^\d+\.\d{6}$/);
      return isTerminal(v);
    });
    expect(ready.status).toMatchObject({
      state: "ready",
      pctComplete: "100.000000",
      errorReasonCode: "",
    });
    expect(seen.has("inprogress") || seen.has("queued")).toBe(true);
    expect(ready.readyToStream).toBe(true);
    expect(Date.parse(ready.readyToStreamAt ?? "")).toBeGreaterThan(0);
    expect(ready.duration).toBeCloseTo(4, 0);
    expect(ready.input).toEqual({ width: 320, height: 180 });
    expect(ready.size).toBeGreaterThan(1000);

    const master = await fetch(ready.playback?.hls ?? "");
    expect(master.status).toBe(200);
    expect(master.headers.get("content-type")).toContain("mpegurl");
    const text = await master.text();
    expect(text.startsWith("#EXTM3U")).toBe(true);
    const variants = text.split("\n").filter((l) => l.startsWith("#EXT-X-STREAM-INF"));
    expect(variants.length).toBeGreaterThanOrEqual(2);
    const firstUri = text.split("\n").find((l) => l.endsWith(".m3u8"));
    const media = await fetch(new URL(firstUri ?? "", ready.playback?.hls).toString());
    expect(media.status).toBe(200);
    const segment = (await media.text()).split("\n").find((l) => l.endsWith(".m4s"));
    const m4s = await fetch(new URL(segment ?? "", media.url).toString());
    expect(m4s.status).toBe(200);
    // fMP4: the segment's first box (size + type) is styp, sidx or moof, not an MPEG-TS sync byte.
    const box = Buffer.from(await m4s.arrayBuffer()).toString("latin1", 4, 8);
    expect(["styp", "sidx", "moof"]).toContain(box);

    const hinted = await (await fetch(`${ready.playback?.hls}?clientBandwidthHint=0.1`)).text();
    expect(hinted.split("\n").filter((l) => l.startsWith("#EXT-X-STREAM-INF"))).toHaveLength(1);

    const thumb = await fetch(`${ready.thumbnail}?time=2s&height=120&width=100&fit=crop`);
    expect(thumb.status).toBe(200);
    expect(thumb.headers.get("content-type")).toBe("image/jpeg");
    const bytes = new Uint8Array(await thumb.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual(JPEG_MAGIC);
    // Cached: the same parameters give the same bytes.
    const again = new Uint8Array(
      await (await fetch(`${ready.thumbnail}?time=2s&height=120&width=100&fit=crop`)).arrayBuffer(),
    );
    expect(Buffer.from(again).equals(Buffer.from(bytes))).toBe(true);
    expect((await fetch(`${ready.thumbnail}?fit=sideways`)).status).toBe(400);

    const gif = await fetch(
      `${emu.deliveryOrigin}/${ready.uid}/thumbnails/thumbnail.gif?duration=1s&fps=4&height=60`,
    );
    expect(gif.status).toBe(200);
    expect(
      Buffer.from(await gif.arrayBuffer())
        .subarray(0, 6)
        .toString("latin1"),
    ).toBe("GIF89a");

    const downloads = await json<
      Record<string, { status: string; percentComplete: number; url: string }>
    >(await emu.api(`/${ready.uid}/downloads`, { method: "POST" }));
    expect(downloads.body.result.default?.url).toBe(
      `${emu.deliveryOrigin}/${ready.uid}/downloads/default.mp4`,
    );
    const deadline = Date.now() + 30_000;
    let download = downloads.body.result.default;
    while (download?.status !== "ready" && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 150));
      download = (
        await json<Record<string, typeof download>>(await emu.api(`/${ready.uid}/downloads`))
      ).body.result.default;
    }
    expect(download).toMatchObject({ status: "ready", percentComplete: 100 });
    const mp4 = await fetch(`${download?.url}?filename=my_clip`);
    expect(mp4.status).toBe(200);
    expect(mp4.headers.get("content-disposition")).toContain('filename="my_clip.mp4"');
    expect(
      Buffer.from(await mp4.arrayBuffer())
        .subarray(4, 8)
        .toString("latin1"),
    ).toBe("ftyp");
    const ranged = await fetch(download?.url ?? "", { headers: { range: "bytes=0-9" } });
    expect(ranged.status).toBe(206);
    expect((await ranged.arrayBuffer()).byteLength).toBe(10);
  });

  it.each([
    ["/text.mp4", "ERR_NON_VIDEO"],
    ["/broken.mp4", "ERR_MALFORMED_VIDEO"],
    ["/short.mp4", "ERR_DURATION_TOO_SHORT"],
    ["/missing.mp4", "ERR_FETCH_ORIGIN_ERROR"],
  ])("ends %s in error with %s", async (file, code) => {
    const created = await copy(`${originUrl}${file}`);
    const done = await emu.waitFor(created.uid ?? "", isTerminal);
    expect(done.status).toMatchObject({ state: "error", errorReasonCode: code });
    expect(done.status?.errorReasonText).not.toBe("");
    expect(done.readyToStream).toBe(false);
    // Delivery of an errored video answers 424.
    expect((await fetch(`${emu.deliveryOrigin}/${done.uid}/manifest/video.m3u8`)).status).toBe(424);
    expect((await fetch(`${emu.deliveryOrigin}/${done.uid}/thumbnails/thumbnail.jpg`)).status).toBe(
      424,
    );
  });

  it("unreachable origins fail with ERR_FETCH_ORIGIN_ERROR", async () => {
    const created = await copy("http://127.0.0.1:9/never.mp4");
    const done = await emu.waitFor(created.uid ?? "", isTerminal);
    expect(done.status?.errorReasonCode).toBe("ERR_FETCH_ORIGIN_ERROR");
  });

  it("enforces maxDurationSeconds with ERR_DURATION_EXCEED_CONSTRAINT", async () => {
    const { body } = await json<{ uploadURL: string; uid: string }>(
      await emu.api("/direct_upload", { method: "POST", body: { maxDurationSeconds: 1 } }),
    );
    const form = new FormData();
    form.set(
      "file",
      new Blob([await readFile(path.join(import.meta.dirname, "..", "..", "assets", "tiny.mp4"))]),
      "tiny.mp4",
    );
    expect((await fetch(body.result.uploadURL, { method: "POST", body: form })).status).toBe(200);
    const done = await emu.waitFor(body.result.uid, isTerminal);
    expect(done.status?.errorReasonCode).toBe("ERR_DURATION_EXCEED_CONSTRAINT");
    expect(done.maxDurationSeconds).toBe(1);
  });

  it("clips a ready video into a new one", async () => {
    const source = await copy(`${emu.url}/samples/tiny.mp4`);
    await emu.waitFor(source.uid ?? "", isTerminal);
    const { status, body } = await json<VideoJson>(
      await emu.api("/clip", {
        method: "POST",
        body: {
          clippedFromVideoUID: source.uid,
          startTimeSeconds: 0,
          endTimeSeconds: 1,
          name: "first second",
        },
      }),
    );
    expect(status).toBe(200);
    expect(body.result.clippedFrom).toBe(source.uid);
    const clip = await emu.waitFor(body.result.uid ?? "", isTerminal);
    expect(clip.status).toEqual({
      state: "ready",
      pctComplete: "100.000000",
      errorReasonCode: "",
      errorReasonText: "",
    });
    expect(clip.duration).toBeGreaterThan(0.5);
    expect(clip.duration).toBeLessThan(1.6);
  });
});

describe("samples", () => {
  it("lists samples and serves them with HEAD and Range", async () => {
    const list = (await (await fetch(`${emu.url}/samples`)).json()) as Array<{
      name: string;
      url: string;
    }>;
    expect(list.map((s) => s.name)).toEqual(
      expect.arrayContaining(["tiny", "testsrc-4s", "testsrc2-6s"]),
    );
    const head = await fetch(`${emu.url}/samples/tiny.mp4`, { method: "HEAD" });
    expect(head.status).toBe(200);
    expect(head.headers.get("accept-ranges")).toBe("bytes");
    const size = Number(head.headers.get("content-length"));
    expect(size).toBeGreaterThan(1000);
    const tail = await fetch(`${emu.url}/samples/tiny.mp4`, { headers: { range: "bytes=-100" } });
    expect(tail.status).toBe(206);
    expect(tail.headers.get("content-range")).toBe(`bytes ${size - 100}-${size - 1}/${size}`);
    expect(
      (await fetch(`${emu.url}/samples/tiny.mp4`, { headers: { range: `bytes=${size}-` } })).status,
    ).toBe(416);
    expect((await fetch(`${emu.url}/samples/nope.mp4`)).status).toBe(404);
  });
});
