import { generateKeyPairSync } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { SigningKey } from "../account";
import { originAllowed } from "../delivery/access";
import { parseRange } from "../delivery/files";
import { filterMaster, planLadder } from "../processing/hls";
import { geometry, parseThumbnailQuery } from "../processing/thumbnails";
import { parseDuration } from "../time";
import { signToken, verifyToken } from "../tokens";
import { chunkProblem } from "../tus/chunks";
import { parseUploadMetadata, settingsFromMetadata } from "../tus/metadata";
import { signatureHeader } from "../webhooks";

const MiB = 1024 * 1024;

describe("durations", () => {
  it.each([
    ["12", 12],
    ["1.5", 1.5],
    ["8s", 8],
    ["8m", 480],
    ["5m2s", 302],
    ["1h2m3s", 3723],
    ["1h", 3600],
  ])("%s is %d s", (text, seconds) => expect(parseDuration(text)).toBe(seconds));
  it.each(["", "abc", "1x", "-3", "1s2m"])("%s is refused", (text) =>
    expect(parseDuration(text)).toBeUndefined(),
  );
});

describe("thumbnail geometry", () => {
  const hd = { width: 1920, height: 1080 };
  it("keeps the whole picture in the 640 box by default", () => {
    expect(geometry(hd, { fit: "crop" })).toMatchObject({ width: 640, height: 360 });
  });
  it("follows the aspect ratio when only one side is given", () => {
    expect(geometry(hd, { fit: "crop", width: 320 })).toMatchObject({ width: 320, height: 180 });
    expect(geometry(hd, { fit: "crop", height: 90 })).toMatchObject({ width: 160, height: 90 });
  });
  it("applies crop, clip, scale and fill", () => {
    expect(geometry(hd, { fit: "crop", width: 100, height: 100 })).toMatchObject({
      width: 100,
      height: 100,
    });
    expect(geometry(hd, { fit: "crop", width: 100, height: 100 }).filter).toContain("crop=100:100");
    expect(geometry(hd, { fit: "clip", width: 100, height: 100 })).toMatchObject({
      width: 100,
      height: 56,
    });
    expect(geometry(hd, { fit: "scale", width: 100, height: 100 }).filter).toBe("scale=100:100");
    expect(geometry(hd, { fit: "fill", width: 100, height: 100 }).filter).toContain("pad=100:100");
  });
  it("validates the query", () => {
    expect(parseThumbnailQuery({ time: "1m", height: "200" })).toEqual({
      time: 60,
      height: 200,
      width: undefined,
      fit: "crop",
    });
    expect(() => parseThumbnailQuery({ fit: "zoom" })).toThrow(RangeError);
    expect(() => parseThumbnailQuery({ width: "0" })).toThrow(RangeError);
    expect(() => parseThumbnailQuery({ time: "soon" })).toThrow(RangeError);
  });
});

describe("HLS ladder", () => {
  it("never upscales and always has two renditions", () => {
    expect(
      planLadder({ width: 1920, height: 1080, fps: 30 }, [1080, 720, 480, 360]).map(
        (r) => r.height,
      ),
    ).toEqual([1080, 720, 480, 360]);
    expect(
      planLadder({ width: 640, height: 360, fps: 30 }, [1080, 720]).map((r) => r.height),
    ).toEqual([360, 180]);
    expect(
      planLadder({ width: 320, height: 180, fps: 25 }, [144]).map((r) => `${r.width}x${r.height}`),
    ).toEqual(["320x180", "256x144"]);
  });
  it("keeps the variant nearest clientBandwidthHint", () => {
    const master = [
      "#EXTM3U",
      "#EXT-X-STREAM-INF:BANDWIDTH=3000000",
      "0/index.m3u8",
      "#EXT-X-STREAM-INF:BANDWIDTH=600000",
      "1/index.m3u8",
      "",
    ].join("\n");
    expect(filterMaster(master, 0.5)).not.toContain("0/index.m3u8");
    expect(filterMaster(master, 5)).not.toContain("1/index.m3u8");
    expect(filterMaster(master, undefined)).toBe(master);
  });
});

describe("tus", () => {
  it("applies Stream's chunk rules", () => {
    expect(chunkProblem(0, 12 * MiB, 5 * MiB)).toBeUndefined();
    expect(chunkProblem(10 * MiB, 12 * MiB, 2 * MiB)).toBeUndefined(); // last chunk
    expect(chunkProblem(0, 3 * MiB, 3 * MiB)).toBeUndefined(); // whole small file
    expect(chunkProblem(0, 12 * MiB, MiB)).toContain("5 MiB");
    expect(chunkProblem(0, 12 * MiB, 5 * MiB + 1)).toContain("256 KiB");
    expect(chunkProblem(0, 300 * MiB, 201 * MiB)).toContain("200 MiB");
    expect(chunkProblem(0, MiB, 2 * MiB)).toContain("past Upload-Length");
  });
  it("parses Upload-Metadata with flags and maps known keys", () => {
    const pairs = parseUploadMetadata(
      `name ${btoa("My video")},requiresignedurls,MaxDurationSeconds ${btoa("60")},filetype ${btoa("video/mp4")}`,
    );
    expect(pairs).toEqual([
      ["name", "My video"],
      ["requiresignedurls", null],
      ["MaxDurationSeconds", "60"],
      ["filetype", "video/mp4"],
    ]);
    expect(settingsFromMetadata(pairs)).toMatchObject({
      requireSignedURLs: true,
      maxDurationSeconds: 60,
      meta: { name: "My video", filetype: "video/mp4" },
    });
    expect(() => parseUploadMetadata("name not*base64")).toThrow();
    expect(() => parseUploadMetadata(`a ${btoa("1")},a ${btoa("2")}`)).toThrow();
  });
});

describe("delivery helpers", () => {
  it("matches allowedOrigins like Stream", () => {
    expect(originAllowed("example.com", ["example.com"])).toBe(true);
    expect(originAllowed("example.com:8443", ["example.com"])).toBe(true);
    expect(originAllowed("a.b.example.com", ["*.example.com"])).toBe(true);
    expect(originAllowed("example.com", ["*.example.com"])).toBe(false);
    expect(originAllowed("notexample.com", ["example.com"])).toBe(false);
    expect(originAllowed("localhost:3000", ["localhost:3000"])).toBe(true);
    expect(originAllowed("localhost:3001", ["localhost:3000"])).toBe(false);
  });
  it("parses byte ranges", () => {
    expect(parseRange("bytes=0-9", 100)).toEqual({ start: 0, end: 9 });
    expect(parseRange("bytes=90-", 100)).toEqual({ start: 90, end: 99 });
    expect(parseRange("bytes=-10", 100)).toEqual({ start: 90, end: 99 });
    expect(parseRange("bytes=0-500", 100)).toEqual({ start: 0, end: 99 });
    expect(parseRange("bytes=100-", 100)).toBe("unsatisfiable");
    expect(parseRange("items=1-2", 100)).toBeUndefined();
  });
});

describe("signed tokens", () => {
  const { privateKey } = generateKeyPairSync("rsa", {
    modulusLength: 2048,
    publicKeyEncoding: { type: "spki", format: "pem" },
    privateKeyEncoding: { type: "pkcs1", format: "pem" },
  });
  const key: SigningKey = {
    id: "a".repeat(32),
    created: "",
    privatePem: privateKey,
    internal: false,
  };
  const find = (kid: string) => (kid === key.id ? key : undefined);
  const now = Math.floor(Date.now() / 1000);

  it("accepts exp and nbf as numbers or numeric strings", () => {
    for (const claims of [
      { sub: "v", kid: key.id, exp: now + 60, nbf: now - 60 },
      { sub: "v", kid: key.id, exp: String(now + 60), nbf: String(now - 60) },
    ]) {
      expect(verifyToken(signToken(key.id, privateKey, claims), find)).toMatchObject({
        ok: true,
        claims: { sub: "v" },
      });
    }
  });
  it("refuses expired, not-yet-valid, foreign and tampered tokens", () => {
    expect(
      verifyToken(signToken(key.id, privateKey, { sub: "v", kid: key.id, exp: now - 1 }), find),
    ).toMatchObject({ ok: false, reason: "token expired" });
    expect(
      verifyToken(
        signToken(key.id, privateKey, { sub: "v", kid: key.id, nbf: `${now + 600}` }),
        find,
      ),
    ).toMatchObject({ ok: false });
    expect(
      verifyToken(signToken("b".repeat(32), privateKey, { sub: "v", kid: "b".repeat(32) }), find),
    ).toMatchObject({ ok: false });
    const [h, , s] = signToken(key.id, privateKey, { sub: "v", kid: key.id }).split(".");
    const forged = `${h}.${Buffer.from(JSON.stringify({ sub: "w", kid: key.id })).toString("base64url")}.${s}`;
    expect(verifyToken(forged, find)).toMatchObject({ ok: false, reason: "bad signature" });
  });
});

describe("webhook signature", () => {
  it("is time.body under HMAC-SHA256 keyed by the secret string", () => {
    // Reference value computed independently: printf '1700000000.{"a":1}' | openssl dgst -sha256 -hmac secret
    expect(signatureHeader("secret", '{"a":1}', 1_700_000_000)).toBe(
      "time=1700000000,sig1=49f24e537407743fa4a0242bb63b94b9a47ee99cbbe071ccd8a22550ae411686",
    );
  });
});
