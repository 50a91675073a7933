import { describe, expect, it } from "vitest";
import { StreamValidationError, UpstreamErrorCode } from "../../errors";
import type { UpdateVideoRequest } from "../../types";
import {
  COPY_FIELDS,
  checkCopyRequest,
  checkDirectUploadRequest,
  checkSignedTokenRequest,
  checkUpdateRequest,
  checkUploadSettings,
  DIRECT_UPLOAD_FIELDS,
  listQuery,
  onlyFields,
  UPDATE_FIELDS,
  UPLOAD_SETTINGS_FIELDS,
  type UploadSettings,
} from "..";

const UID = "a".repeat(32);
const WHEN = "2030-01-01T00:00:00Z";

/** The field a check refused, or `undefined` when it passed. */
function refused(check: () => void): string | undefined {
  try {
    check();
  } catch (error) {
    expect(error).toBeInstanceOf(StreamValidationError);
    return (error as StreamValidationError).field;
  }
  return undefined;
}

const newVideo = {
  allowedOrigins: ["example.com", "*.example.com"],
  creator: "user-1",
  meta: { name: "cat" },
  requireSignedURLs: true,
  scheduledDeletion: WHEN,
  thumbnailTimestampPct: 0.5,
  watermark: { uid: UID },
};

// Each bad body and the field its refusal names; the same table holds for every operation that
// takes the field.
const BAD: [string, Record<string, unknown>][] = [
  ["allowedOrigins", { allowedOrigins: "example.com" }],
  ["allowedOrigins", { allowedOrigins: [""] }],
  ["creator", { creator: "x".repeat(65) }],
  ["meta", { meta: [] }],
  ["requireSignedURLs", { requireSignedURLs: "yes" }],
  ["scheduledDeletion", { scheduledDeletion: "soon" }],
  ["thumbnailTimestampPct", { thumbnailTimestampPct: 1.5 }],
];

describe("copy", () => {
  const valid = { ...newVideo, input: "https://example.com/v.mp4", name: "v" };

  it("accepts every field it takes, and `url` in place of `input`", () => {
    expect(refused(() => checkCopyRequest(valid))).toBeUndefined();
    expect(refused(() => checkCopyRequest({ url: "http://example.com/v.mp4" }))).toBeUndefined();
    expect(refused(() => onlyFields(valid, COPY_FIELDS, "videos.copy"))).toBeUndefined();
  });

  it.each(BAD)("refuses a bad %s", (field, bad) => {
    expect(refused(() => checkCopyRequest({ ...valid, ...bad }))).toBe(field);
  });

  it("needs an http(s) URL, in `url` too", () => {
    expect(refused(() => checkCopyRequest({} as never))).toBe("input");
    expect(refused(() => checkCopyRequest({ input: "ftp://x/v.mp4" }))).toBe("input");
    expect(refused(() => checkCopyRequest({ input: valid.input, url: "nope" }))).toBe("url");
  });

  it("checks the watermark's shape", () => {
    const bad = (watermark: unknown) =>
      refused(() => checkCopyRequest({ ...valid, watermark } as never));
    expect(bad({ uid: "nope" })).toBe("watermark.uid");
    expect(bad({ uid: UID, size: 1 })).toBe("watermark");
    expect(bad(UID)).toBe("watermark");
    expect(bad(null)).toBe("watermark");
  });

  it("lists maxDurationSeconds and publicDetails as unknown", () => {
    expect(refused(() => onlyFields({ maxDurationSeconds: 60 }, COPY_FIELDS, "videos.copy"))).toBe(
      "maxDurationSeconds",
    );
    expect(() => onlyFields({ publicDetails: {} }, COPY_FIELDS, "videos.copy")).toThrow(
      /not a field of videos\.copy \(accepted: allowedOrigins, creator, .*, name\)/,
    );
  });
});

describe("direct upload", () => {
  const valid = { ...newVideo, maxDurationSeconds: 60, expiry: WHEN };

  it("accepts every field it takes", () => {
    expect(refused(() => checkDirectUploadRequest(valid))).toBeUndefined();
    expect(
      refused(() => onlyFields(valid, DIRECT_UPLOAD_FIELDS, "uploads.direct")),
    ).toBeUndefined();
  });

  it.each(BAD)("refuses a bad %s", (field, bad) => {
    expect(refused(() => checkDirectUploadRequest({ ...valid, ...bad }))).toBe(field);
  });

  it("needs maxDurationSeconds within the API's bounds", () => {
    const { maxDurationSeconds: _, ...rest } = valid;
    expect(refused(() => checkDirectUploadRequest(rest as never))).toBe("maxDurationSeconds");
    for (const seconds of [0, 36_001, 1.5]) {
      expect(refused(() => checkDirectUploadRequest({ maxDurationSeconds: seconds }))).toBe(
        "maxDurationSeconds",
      );
    }
    expect(refused(() => checkDirectUploadRequest({ ...valid, expiry: "later" }))).toBe("expiry");
    expect(refused(() => checkDirectUploadRequest({ ...valid, watermark: { uid: "x" } }))).toBe(
      "watermark.uid",
    );
  });

  it("refuses fields of other operations", () => {
    for (const field of ["input", "publicDetails", "uploadExpiry", "uid"]) {
      expect(
        refused(() => onlyFields({ [field]: 1 }, DIRECT_UPLOAD_FIELDS, "uploads.direct")),
      ).toBe(field);
    }
  });
});

describe("update", () => {
  // The API clears a field with null where the generated types only say optional.
  const update = (body: object) => checkUpdateRequest(body as UpdateVideoRequest);
  const valid = {
    allowedOrigins: [],
    creator: null,
    maxDurationSeconds: null,
    meta: {},
    publicDetails: { title: "Cat", share_link: null, channel_link: "https://c", logo: "https://l" },
    requireSignedURLs: false,
    scheduledDeletion: null,
    thumbnailTimestampPct: 0,
    uploadExpiry: WHEN,
    uid: UID,
  };

  it("accepts every field it takes, and null where it clears", () => {
    expect(refused(() => update(valid))).toBeUndefined();
    expect(refused(() => onlyFields(valid, UPDATE_FIELDS, "videos.update"))).toBeUndefined();
  });

  it.each(BAD)("refuses a bad %s", (field, bad) => {
    expect(refused(() => update({ ...valid, ...bad }))).toBe(field);
  });

  it("checks publicDetails key by key", () => {
    const bad = (publicDetails: unknown) =>
      refused(() => checkUpdateRequest({ publicDetails } as never));
    expect(bad({ title: 5 })).toBe("publicDetails.title");
    expect(bad({ author: "me" })).toBe("publicDetails.author");
    expect(bad("Cat")).toBe("publicDetails");
    expect(bad(null)).toBe("publicDetails");
  });

  it("checks uid and uploadExpiry, and refuses a watermark", () => {
    expect(refused(() => checkUpdateRequest({ uid: "nope" }))).toBe("uid");
    expect(refused(() => checkUpdateRequest({ uploadExpiry: "never" }))).toBe("uploadExpiry");
    expect(
      refused(() => onlyFields({ watermark: { uid: UID } }, UPDATE_FIELDS, "videos.update")),
    ).toBe("watermark");
  });
});

describe("upload settings", () => {
  it("are a direct upload's fields less maxDurationSeconds", () => {
    expect(UPLOAD_SETTINGS_FIELDS).toEqual(
      DIRECT_UPLOAD_FIELDS.filter((field) => field !== "maxDurationSeconds"),
    );
  });

  it("accept their fields and refuse bad or unknown ones", () => {
    const valid: UploadSettings = { ...newVideo, expiry: WHEN };
    expect(refused(() => checkUploadSettings(valid))).toBeUndefined();
    expect(refused(() => checkUploadSettings({ watermark: { uid: "x" } }))).toBe("watermark.uid");
    expect(refused(() => checkUploadSettings({ maxDurationSeconds: 60 } as never))).toBe(
      "maxDurationSeconds",
    );
    expect(refused(() => checkUploadSettings({ requireSignedUrls: true } as never))).toBe(
      "requireSignedUrls",
    );
    expect(refused(() => checkUploadSettings(null as never))).toBe("body");
  });
});

describe("other operations", () => {
  it("signed token bodies are objects", () => {
    expect(refused(() => checkSignedTokenRequest({ downloadable: true }))).toBeUndefined();
    expect(refused(() => checkSignedTokenRequest([] as never))).toBe("body");
  });

  it("list filters are checked and serialised", () => {
    expect(listQuery({ status: "ready", id: [UID, UID], limit: 5 }).toString()).toBe(
      `status=ready&limit=5&id=${UID}%2C${UID}`,
    );
    expect(refused(() => listQuery({ status: "done" as never }))).toBe("status");
    expect(refused(() => listQuery({ type: "clip" as never }))).toBe("type");
    expect(refused(() => listQuery({ limit: 1001 }))).toBe("limit");
  });

  it("names the proxy's outcome-unknown codes", () => {
    expect(UpstreamErrorCode).toEqual({ timeout: 9504, answerLost: 9599 });
  });
});

it("is what @streamkit/core's main entry re-exports", async () => {
  const main = await import("../../index");
  const requests = await import("..");
  for (const name of [
    "checkCopyRequest",
    "checkDirectUploadRequest",
    "checkUpdateRequest",
    "listQuery",
    "MAX_DURATION_SECONDS",
    "MAX_LIST_LIMIT",
    "VIDEO_STATES",
  ] as const) {
    expect(main[name]).toBe(requests[name]);
  }
});
