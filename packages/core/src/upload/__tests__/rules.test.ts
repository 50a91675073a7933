import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { StreamValidationError } from "../../errors";
import {
  checkDuration,
  checkFile,
  DEFAULT_ACCEPT,
  formatBytes,
  matchesAccept,
  maxDurationFor,
} from "../fileChecks";
import {
  BASIC_UPLOAD_MAX_BYTES,
  chooseProtocol,
  TUS_CHUNK_MULTIPLE,
  TUS_DEFAULT_CHUNK_BYTES,
  TUS_MAX_CHUNK_BYTES,
  TUS_MIN_CHUNK_BYTES,
  tusChunkSize,
} from "../limits";
import { base64Utf8, encodeUploadMetadata, tusMetaEntries } from "../metadata";

const MiB = 1024 * 1024;

describe("tus chunk size", () => {
  it("always gives a chunk Stream accepts, whatever is asked", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 30_000_000_000 }),
        fc.option(fc.oneof(fc.integer({ min: -10, max: 400 * MiB }), fc.double()), {
          nil: undefined,
        }),
        (size, requested) => {
          const chunk = tusChunkSize(size, requested);
          if (size <= TUS_MIN_CHUNK_BYTES) {
            expect(chunk).toBe(size); // one PATCH, the last chunk may be any size
            return;
          }
          expect(chunk % TUS_CHUNK_MULTIPLE).toBe(0);
          expect(chunk).toBeGreaterThanOrEqual(TUS_MIN_CHUNK_BYTES);
          expect(chunk).toBeLessThanOrEqual(TUS_MAX_CHUNK_BYTES);
          if (requested === undefined) expect(chunk).toBeLessThanOrEqual(TUS_DEFAULT_CHUNK_BYTES);
        },
      ),
    );
  });

  it("rounds requests down to 256 KiB and clamps them to 5..200 MiB", () => {
    const big = 10_000 * MiB;
    expect(tusChunkSize(big, 7 * MiB + 1)).toBe(7 * MiB);
    expect(tusChunkSize(big, 5 * MiB + 100 * 1024)).toBe(5 * MiB);
    expect(tusChunkSize(big, 1)).toBe(5 * MiB);
    expect(tusChunkSize(big, 1_000 * MiB)).toBe(200 * MiB);
    expect(tusChunkSize(big, Number.NaN)).toBe(50 * MiB);
  });

  it("defaults to a quarter of the file between 5 and 50 MiB", () => {
    expect(tusChunkSize(3 * MiB)).toBe(3 * MiB);
    expect(tusChunkSize(6 * MiB)).toBe(5 * MiB);
    expect(tusChunkSize(60_000_000)).toBe(14.25 * MiB);
    expect(tusChunkSize(2_000 * MiB)).toBe(50 * MiB);
  });

  it("picks basic up to 200 MB and tus above, unless told", () => {
    expect(chooseProtocol(BASIC_UPLOAD_MAX_BYTES)).toBe("basic");
    expect(chooseProtocol(BASIC_UPLOAD_MAX_BYTES + 1)).toBe("tus");
    expect(chooseProtocol(10, "tus")).toBe("tus");
    expect(chooseProtocol(BASIC_UPLOAD_MAX_BYTES + 1, "basic")).toBe("basic");
  });
});

describe("file checks", () => {
  const file = (name: string, type: string, size = 10) => ({ name, type, size });

  it("matches accept lists like <input type=file> does", () => {
    expect(matchesAccept(file("a.mp4", "video/mp4"), "video/*")).toBe(true);
    expect(matchesAccept(file("a.MKV", ""), "video/*,.mkv")).toBe(true);
    expect(matchesAccept(file("a.mkv", ""), "video/*")).toBe(false);
    expect(matchesAccept(file("a.mov", "video/quicktime"), "video/mp4, video/quicktime")).toBe(
      true,
    );
    expect(matchesAccept(file("a.txt", "text/plain"), "video/*")).toBe(false);
    expect(matchesAccept(file("a.txt", "text/plain"), "")).toBe(true);
    expect(matchesAccept(file("a.txt", "text/plain"), "*/*")).toBe(true);
    expect(matchesAccept(file("a.webm", "video/webm;codecs=vp9"), "video/webm")).toBe(true);
    for (const ext of ["mkv", "mxf", "ts", "avi", "flv", "3gp", "mpg", "webm", "mov"]) {
      expect(matchesAccept(file(`x.${ext}`, ""), DEFAULT_ACCEPT), ext).toBe(true);
    }
  });

  it("refuses with the rule as the field: type, size (empty, over the limit)", () => {
    expect(() => checkFile(file("a.txt", "text/plain"), { accept: "video/*" })).toThrow(
      expect.objectContaining({ field: "type", name: "StreamValidationError" }),
    );
    expect(() => checkFile(file("a.mp4", "video/mp4", 0))).toThrow(
      expect.objectContaining({ field: "size", message: "size: a.mp4 is empty" }),
    );
    expect(() => checkFile(file("a.mp4", "video/mp4", 2_500_000), { maxSizeBytes: 2e6 })).toThrow(
      "size: a.mp4 is 2.5 MB; the limit is 2 MB",
    );
    expect(() => checkFile(file("a.mp4", "video/mp4", 31e9))).toThrow(/limit is 30 GB/);
    expect(() => checkFile(file("a.mp4", "video/mp4", 2e6), { maxSizeBytes: 2e6 })).not.toThrow();
  });

  it("checks a known duration only", () => {
    expect(() => checkDuration(61, 60, "a.mp4")).toThrow(StreamValidationError);
    expect(() => checkDuration(61, 60)).toThrow(
      "duration: the video lasts 61 s; the limit is 60 s",
    );
    expect(() => checkDuration(undefined, 60)).not.toThrow();
    expect(() => checkDuration(600, undefined)).not.toThrow();
  });

  it("sends a close maxDurationSeconds: measured + 5 s within the limit, else the limit", () => {
    expect(maxDurationFor(12.2, undefined)).toBe(18);
    expect(maxDurationFor(58.5, 60)).toBe(60);
    expect(maxDurationFor(undefined, 120)).toBe(120);
    expect(maxDurationFor(undefined, undefined)).toBe(36_000);
    expect(maxDurationFor(0.05, undefined)).toBe(6);
  });

  it("formats sizes in decimal units", () => {
    expect(formatBytes(999)).toBe("999 bytes");
    expect(formatBytes(1_500)).toBe("1.5 KB");
    expect(formatBytes(200_000_000)).toBe("200 MB");
    expect(formatBytes(30e9)).toBe("30 GB");
  });
});

describe("tus metadata", () => {
  it("encodes key base64 pairs, bare flags, and skips unset values", () => {
    expect(
      encodeUploadMetadata({
        name: "hello",
        requiresignedurls: true,
        watermark: undefined,
        maxdurationseconds: 600,
        allowedorigins: false,
      }),
    ).toBe("name aGVsbG8=,requiresignedurls,maxdurationseconds NjAw");
  });

  it("keeps any character of a name (UTF-8) and refuses keys the proxy would refuse", () => {
    expect(
      new TextDecoder().decode(
        Uint8Array.from(atob(base64Utf8("Café 🎬")), (c) => c.charCodeAt(0)),
      ),
    ).toBe("Café 🎬");
    expect(base64Utf8("x".repeat(100_000))).toHaveLength(133_336);
    expect(() => encodeUploadMetadata({ "bad key": "x" })).toThrow(StreamValidationError);
  });

  it("refuses a key twice in another case (Stream compares keys without case)", () => {
    expect(() => encodeUploadMetadata({ Name: "a", name: "b" })).toThrow(/appears twice/);
    expect(encodeUploadMetadata({ Name: "a", other: "b" })).toBe(
      `Name ${btoa("a")},other ${btoa("b")}`,
    );
  });

  it("keeps meta keys from posing as settings: tusMetaEntries refuses them", () => {
    expect(
      tusMetaEntries({ project: 7, name: "skipped", gone: null, filetype: "video/mp4" }),
    ).toEqual({
      project: "7",
      filetype: "video/mp4",
    });
    for (const key of ["RequireSignedURLs", "maxDurationSeconds", "EXPIRY", "Name", "watermark"]) {
      expect(() => tusMetaEntries({ [key]: "x" })).toThrow(StreamValidationError);
    }
  });

  it("never throws anything but StreamValidationError, whatever the keys and values", () => {
    fc.assert(
      fc.property(
        fc.dictionary(
          fc.string({ unit: "binary", maxLength: 70 }),
          fc.oneof(fc.string({ unit: "binary" }), fc.double(), fc.boolean(), fc.constant(null)),
        ),
        (entries) => {
          try {
            const header = encodeUploadMetadata(entries);
            // What it does produce is a valid header: ASCII pairs, no stray spaces.
            expect(header).toMatch(/^(?:[A-Za-z0-9_.-]+(?: [A-Za-z0-9+/]+=*)?(?:,|$))*$/);
          } catch (error) {
            expect(error).toBeInstanceOf(StreamValidationError);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
