import { encodeUploadMetadata } from "@streamkit/core/upload";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiError } from "../envelope";
import { parseUploadMetadata, SETTING_KEYS, settingsFromMetadata } from "../tus/metadata";
import { startTestEmulator, type TestEmulator } from "./helpers";

/**
 * The tus `Upload-Metadata` header, both ends: core's encoder and the emulator's parser agree on
 * every key and value core can send, and no header, however broken, gets anything but a 400.
 */

const KEY_CHARS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.-";
/** Keys core accepts, plus ones that trip up plain objects. */
const key = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.string({ unit: fc.constantFrom(...KEY_CHARS), minLength: 1, maxLength: 64 }),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      "__proto__",
      "constructor",
      "toString",
      "hasOwnProperty",
      "filename",
      "filetype",
      "relativePath",
    ),
  },
);
/** Values: any Unicode text (commas, spaces, emoji, empty), numbers, flags, and unset ones. */
const value = fc.oneof(
  fc.string({ unit: "binary", maxLength: 80 }),
  fc.string({ unit: "grapheme", maxLength: 20 }),
  fc.constantFrom("", " ", ",", ", ,", "a b", "=", "名前, 名前", "\u0000", "\r\n"),
  fc.double({ noNaN: true }),
  fc.integer(),
  fc.constantFrom(true, false, null, undefined),
);
/** Distinct keys, without case: Stream reads its own keys case-insensitively. */
const entries = fc.uniqueArray(fc.tuple(key, value), {
  selector: ([k]) => k.toLowerCase(),
  maxLength: 12,
});

type Value = string | number | boolean | null | undefined;
const expected = (list: Array<[string, Value]>): Array<[string, string | null]> =>
  list.flatMap(
    ([k, v]): Array<[string, string | null]> =>
      v === undefined || v === null || v === false
        ? []
        : [[k, v === true || v === "" ? null : String(v)]],
  );

/** Runs `fn`; anything thrown must be the emulator's 400 about Upload-Metadata. */
function onlyBadRequest(fn: () => unknown): "ok" | "400" {
  try {
    fn();
    return "ok";
  } catch (error) {
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(400);
    expect((error as ApiError).message).toMatch(/^Upload-Metadata/);
    return "400";
  }
}

describe("Upload-Metadata: core's encoder and the emulator's parser", () => {
  it("round-trip any keys and values core can send (tus: an empty value is a bare key)", () => {
    fc.assert(
      fc.property(entries, (list) => {
        // An object lists integer-like keys first: expect its order, not the list's.
        const input = Object.fromEntries(list);
        const header = encodeUploadMetadata(input);
        expect(parseUploadMetadata(header)).toEqual(expected(Object.entries(input)));
      }),
      { numRuns: 300 },
    );
  });

  it("keep every non-setting key in meta, __proto__ included, with its text", () => {
    const settingKeys: readonly string[] = SETTING_KEYS;
    const metaOnly = entries.map((list) =>
      list.filter(([k]) => !settingKeys.includes(k.toLowerCase())),
    );
    fc.assert(
      fc.property(metaOnly, (list) => {
        const input = Object.fromEntries(list);
        const { meta } = settingsFromMetadata(parseUploadMetadata(encodeUploadMetadata(input)));
        const want = expected(Object.entries(input)).map(([k, v]) => [k, v ?? ""]);
        expect(Object.entries(meta ?? {})).toEqual(want);
        expect(Object.getPrototypeOf(meta)).toBe(Object.prototype);
      }),
      { numRuns: 200 },
    );
  });

  it("carries the settings core sends for a tus upload", () => {
    const header = encodeUploadMetadata({
      filetype: "video/mp4",
      name: "Ünïcode, with commas & <b>markup</b>",
      maxdurationseconds: 600,
      requiresignedurls: true,
      allowedorigins: "example.com,*.example.org",
      thumbnailtimestamppct: 1e-7,
      watermark: "0123456789abcdef0123456789abcdef",
    });
    expect(settingsFromMetadata(parseUploadMetadata(header))).toEqual({
      maxDurationSeconds: 600,
      requireSignedURLs: true,
      allowedOrigins: ["example.com", "*.example.org"],
      thumbnailTimestampPct: 1e-7,
      watermark: { uid: "0123456789abcdef0123456789abcdef" },
      meta: { filetype: "video/mp4", name: "Ünïcode, with commas & <b>markup</b>" },
    });
  });
});

describe("Upload-Metadata: malformed headers", () => {
  it.each([
    ["a value that is not base64", "name not*base64"],
    ["base64 of an impossible length", "name QUJDR"],
    ["padding in the middle", "name QQ==QQ=="],
    ["padding on a short value", "name QQ="],
    ["bytes that are not UTF-8", `name ${Buffer.from([0xff, 0xfe, 0x80]).toString("base64")}`],
    ["three words in a pair", `name ${btoa("a")} ${btoa("b")}`],
    ["two spaces in a pair", `name  ${btoa("a")}`],
    ["a tab in a key", `na\tme ${btoa("a")}`],
    ["a non-ASCII key", `námé ${btoa("a")}`],
    ["a key twice", `a ${btoa("1")},a ${btoa("2")}`],
    ["a setting key twice in another case", `name ${btoa("a")},NAME ${btoa("b")}`],
    ["a flag and a valued setting key", `requiresignedurls,RequireSignedURLs ${btoa("true")}`],
    ["thumbnailtimestamppct without a value", "thumbnailtimestamppct"],
    ["thumbnailtimestamppct in hex", `thumbnailtimestamppct ${btoa("0x0")}`],
    ["thumbnailtimestamppct out of range", `thumbnailtimestamppct ${btoa("1.5")}`],
    ["maxdurationseconds in hex", `maxdurationseconds ${btoa("0x10")}`],
    ["maxdurationseconds as a fraction", `maxdurationseconds ${btoa("1.5")}`],
    ["maxdurationseconds with spaces", `maxdurationseconds ${btoa(" 60 ")}`],
    ["a watermark that is not a uid", `watermark ${btoa("../x")}`],
    ["an expiry in the past", `expiry ${btoa("2001-01-01T00:00:00Z")}`],
    ["a scheduled deletion that is not a date", `scheduleddeletion ${btoa("soon")}`],
    ["an allowed origin with a path", `allowedorigins ${btoa("example.com/x")}`],
  ])("refuses %s with a 400 that names the header", (_what, header) => {
    expect(onlyBadRequest(() => settingsFromMetadata(parseUploadMetadata(header)))).toBe("400");
  });

  it("accepts what tus allows: flags, empty values, spaces around pairs, empty items", () => {
    expect(parseUploadMetadata(` name ,flag, filetype ${btoa("x")} ,,`)).toEqual([
      ["name", null],
      ["flag", null],
      ["filetype", "x"],
    ]);
    expect(parseUploadMetadata(`name ${btoa("ab").replace(/=+$/, "")}`)).toEqual([["name", "ab"]]);
    expect(parseUploadMetadata("")).toEqual([]);
    expect(parseUploadMetadata(undefined)).toEqual([]);
  });

  it("never throws anything but a 400 for any string at all", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 200 }), (header) => {
        onlyBadRequest(() => settingsFromMetadata(parseUploadMetadata(header)));
      }),
      { numRuns: 500 },
    );
  });

  it("never throws anything but a 400 for near-valid headers (pairs, flags, junk, mangled base64)", () => {
    fc.assert(
      fc.property(nearValidHeader(), (header) => {
        onlyBadRequest(() => settingsFromMetadata(parseUploadMetadata(header)));
      }),
      { numRuns: 500 },
    );
  });
});

/** Header-safe text (what fetch can send and Node accepts: printable ASCII, tab, Latin-1). */
const headerChar = fc
  .oneof(
    fc.integer({ min: 0x20, max: 0x7e }),
    fc.constant(0x09),
    fc.integer({ min: 0xa0, max: 0xff }),
  )
  .map((code) => String.fromCharCode(code));

/** Pieces of real metadata, broken in the ways clients break it, joined by commas. */
function nearValidHeader(): fc.Arbitrary<string> {
  const settingKey = fc.constantFrom(...SETTING_KEYS).chain((k) => fc.mixedCase(fc.constant(k)));
  const settingValue = fc.oneof(
    fc.constantFrom("0", "1", "0.5", "600", "36001", "-1", "1e3", "true", "false", "no", ""),
    fc.constantFrom("2099-01-01T00:00:00Z", "2001-01-01", "example.com,*.x.org", "a/b"),
    fc.constant("0123456789abcdef0123456789abcdef"),
    fc.string({ unit: "grapheme", maxLength: 12 }),
  );
  const base64 = (text: string) => Buffer.from(text, "utf8").toString("base64");
  const mangle = fc
    .tuple(fc.nat(), fc.constantFrom("", "=", "==", "*", " ", ",", "Q"))
    .map(([at, insert]) => (b64: string) => {
      const i = at % (b64.length + 1);
      return b64.slice(0, i) + insert + b64.slice(i);
    });
  const pair = fc.oneof(
    fc.tuple(fc.oneof(settingKey, key), settingValue).map(([k, v]) => `${k} ${base64(v)}`),
    fc
      .tuple(fc.oneof(settingKey, key), settingValue, mangle)
      .map(([k, v, m]) => `${k} ${m(base64(v))}`),
    fc.oneof(settingKey, key),
    fc.string({ unit: headerChar, maxLength: 20 }),
  );
  return fc
    .tuple(fc.array(pair, { maxLength: 6 }), fc.constantFrom(",", ", ", " ,", ",,"))
    .map(([pairs, sep]) => pairs.join(sep));
}

describe("Upload-Metadata over HTTP (POST /stream, tus creation)", () => {
  let emulator: TestEmulator;
  beforeAll(async () => {
    emulator = await startTestEmulator();
  });
  afterAll(() => emulator.dispose());

  const create = (metadata: string) =>
    emulator.api("", {
      method: "POST",
      headers: { "tus-resumable": "1.0.0", "upload-length": "1000", "upload-metadata": metadata },
    });

  it("answers 201 or a 400 envelope for any header, and keeps serving", async () => {
    await fc.assert(
      fc.asyncProperty(nearValidHeader(), async (header) => {
        const answer = await create(header);
        if (answer.status === 201) return;
        expect(answer.status).toBe(400);
        const body = (await answer.json()) as { success: boolean; errors: { message: string }[] };
        expect(body.success).toBe(false);
        // A well-formed watermark uid that names no profile is refused for that reason, as
        // Stream does; everything else malformed is refused as the header.
        expect(body.errors[0]?.message).toMatch(/^(Upload-Metadata|watermark\.uid: no watermark)/);
      }),
      { numRuns: 60 },
    );
    expect((await emulator.api("")).status).toBe(200);
  });

  it("stores what core encoded: names with commas, Unicode and markup come back as sent", async () => {
    const metaValue = fc.string({ unit: "grapheme", maxLength: 30 });
    const metaKey = key.filter(
      (k) => !(SETTING_KEYS as readonly string[]).includes(k.toLowerCase()),
    );
    await fc.assert(
      fc.asyncProperty(
        metaValue,
        fc.uniqueArray(fc.tuple(metaKey, metaValue), {
          selector: ([k]) => k.toLowerCase(),
          maxLength: 4,
        }),
        async (name, extra) => {
          const answer = await create(encodeUploadMetadata({ ...Object.fromEntries(extra), name }));
          expect(answer.status).toBe(201);
          const uid = answer.headers.get("stream-media-id");
          const video = (await (await emulator.api(`/${uid}`)).json()) as {
            result: { meta: Record<string, unknown> };
          };
          expect(video.result.meta).toEqual(
            Object.fromEntries([...extra.map(([k, v]) => [k, v]), ["name", name]]),
          );
        },
      ),
      { numRuns: 25 },
    );
  });
});
