import { readFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { readIsoBmffDuration, readVideoDuration } from "../duration";

/** jsdom has <video> but no media pipeline and no object URLs: both are played by the test. */
let created: HTMLVideoElement[] = [];
const revoked: string[] = [];

beforeEach(() => {
  created = [];
  revoked.length = 0;
  URL.createObjectURL = vi.fn(() => "blob:fake");
  URL.revokeObjectURL = vi.fn((url: string) => void revoked.push(url));
  vi.spyOn(HTMLMediaElement.prototype, "load").mockImplementation(() => {});
  const make = document.createElement.bind(document);
  vi.spyOn(document, "createElement").mockImplementation(((tag: string) => {
    const element = make(tag);
    if (tag === "video") created.push(element as HTMLVideoElement);
    return element;
  }) as typeof document.createElement);
});
afterEach(() => {
  vi.restoreAllMocks();
  vi.useRealTimers();
});

const file = new File([new Uint8Array(10)], "a.mp4", { type: "video/mp4" });

/** Not an MP4, so the browser is asked: the element comes once the header has been looked at. */
async function answer(duration: number, event = "loadedmetadata") {
  for (let i = 0; i < 20 && !created[0]; i++) await Promise.resolve();
  const video = created[0]!;
  Object.defineProperty(video, "duration", { value: duration, configurable: true });
  video.dispatchEvent(new Event(event));
}

describe("readVideoDuration", () => {
  it("reads the metadata through an object URL, then lets both go", async () => {
    const reading = readVideoDuration(file);
    await answer(12.5);
    expect(created[0]?.preload).toBe("metadata");
    await expect(reading).resolves.toBe(12.5);
    expect(revoked).toEqual(["blob:fake"]);
    expect(created[0]?.hasAttribute("src")).toBe(false);
  });

  it("is undefined for an unreadable file, an infinite duration, or no answer in time", async () => {
    const failing = readVideoDuration(file);
    await answer(Number.NaN, "error");
    await expect(failing).resolves.toBeUndefined();

    created = [];
    const infinite = readVideoDuration(file);
    await answer(Number.POSITIVE_INFINITY);
    await expect(infinite).resolves.toBeUndefined();

    vi.useFakeTimers();
    created = [];
    const slow = readVideoDuration(file, { timeoutMs: 1_000 });
    await vi.advanceTimersByTimeAsync(1_000);
    await expect(slow).resolves.toBeUndefined();
    expect(revoked).toHaveLength(3);
  });
});

/** ISO BMFF boxes: a 32-bit size (or 1 and a 64-bit one), a four-character type, the content. */
function boxBytes(type: string, content: Uint8Array, large = false): Uint8Array {
  const header = large ? 16 : 8;
  const out = new Uint8Array(header + content.length);
  const view = new DataView(out.buffer);
  if (large) {
    view.setUint32(0, 1);
    view.setBigUint64(8, BigInt(out.length));
  } else view.setUint32(0, out.length);
  for (let i = 0; i < 4; i++) out[4 + i] = type.charCodeAt(i);
  out.set(content, header);
  return out;
}
function mvhd(version: 0 | 1, timescale: number, duration: number | bigint): Uint8Array {
  const out = new Uint8Array(version === 1 ? 108 : 96);
  const view = new DataView(out.buffer);
  view.setUint8(0, version);
  if (version === 1) {
    view.setUint32(20, timescale);
    view.setBigUint64(24, BigInt(duration));
  } else {
    view.setUint32(12, timescale);
    view.setUint32(16, Number(duration));
  }
  return boxBytes("mvhd", out);
}
const concat = (...parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
};
const ftyp = boxBytes("ftyp", new TextEncoder().encode("isom\0\0\0\0isomavc1"));
const blob = (...parts: Uint8Array[]) => new Blob([concat(...parts)], { type: "video/mp4" });

describe("readIsoBmffDuration (MP4, MOV: no media element, so no media-src needed)", () => {
  it("reads moov/mvhd, before or after the media data, 32- and 64-bit", async () => {
    const moov = boxBytes(
      "moov",
      concat(mvhd(0, 1000, 12_500), boxBytes("trak", new Uint8Array(40))),
    );
    const mdat = boxBytes("mdat", new Uint8Array(5000));
    expect(await readIsoBmffDuration(blob(ftyp, moov, mdat))).toBe(12.5);
    expect(await readIsoBmffDuration(blob(ftyp, mdat, moov))).toBe(12.5); // not "fast start"
    expect(
      await readIsoBmffDuration(blob(ftyp, boxBytes("mdat", new Uint8Array(300), true), moov)),
    ).toBe(12.5);
    const long = boxBytes("moov", mvhd(1, 90_000, 90_000n * 7_200n));
    expect(await readIsoBmffDuration(blob(ftyp, long))).toBe(7_200);
  });

  it("reads a real MP4 (the emulator's tiny sample) like ffprobe does", async () => {
    const bytes = readFileSync(
      path.resolve(import.meta.dirname, "../../../../emulator/assets/tiny.mp4"),
    );
    const seconds = await readIsoBmffDuration(new Blob([bytes]));
    expect(seconds).toBeCloseTo(2, 1); // ffprobe: 2.000000
  });

  it("is undefined for other containers, unknown durations and broken files, and never throws", async () => {
    expect(
      await readIsoBmffDuration(new Blob([new Uint8Array([0x1a, 0x45, 0xdf, 0xa3, 0, 0, 0, 0])])),
    ).toBeUndefined(); // WebM
    expect(
      await readIsoBmffDuration(blob(ftyp, boxBytes("moov", mvhd(0, 1000, 0)))),
    ).toBeUndefined(); // fragmented
    expect(
      await readIsoBmffDuration(blob(ftyp, boxBytes("moov", mvhd(0, 1000, 0xffffffff)))),
    ).toBeUndefined();
    expect(
      await readIsoBmffDuration(blob(ftyp, boxBytes("moov", mvhd(0, 0, 100)))),
    ).toBeUndefined();
    expect(
      await readIsoBmffDuration(blob(ftyp, boxBytes("mdat", new Uint8Array(10)))),
    ).toBeUndefined();
    expect(await readIsoBmffDuration(new Blob([]))).toBeUndefined();
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 300 }), fc.boolean(), async (noise, prefixed) => {
        const file = prefixed ? blob(ftyp, noise) : new Blob([noise]);
        const seconds = await readIsoBmffDuration(file);
        expect(seconds === undefined || (Number.isFinite(seconds) && seconds > 0)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it("is what readVideoDuration answers for an MP4, without creating a <video>", async () => {
    const moov = boxBytes("moov", mvhd(0, 600, 600 * 42));
    await expect(readVideoDuration(blob(ftyp, moov))).resolves.toBe(42);
    expect(created).toEqual([]);
    expect(URL.createObjectURL).not.toHaveBeenCalled();
  });
});
