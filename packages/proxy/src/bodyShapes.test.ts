import { StreamValidationError } from "@streamkit/core";
import { describe, expect, it } from "vitest";
import { checkCopyBody, checkDirectUploadBody, checkUpdateBody } from "./bodyShapes";

const UID = "a".repeat(32);

/** `field: message` of the refusal, as the proxy's 400 carries it. */
function refusal(check: () => unknown): string {
  try {
    check();
  } catch (error) {
    expect(error).toBeInstanceOf(StreamValidationError);
    return (error as Error).message;
  }
  return "accepted";
}

// The proxy's answers from before core held the shapes, kept word for word.
describe("body shapes, from core's definitions", () => {
  it("refuses unknown fields first, listing the accepted ones", () => {
    expect(refusal(() => checkCopyBody({ input: "ftp://x", evil: true }))).toBe(
      "evil: not a field of videos.copy (accepted: allowedOrigins, creator, meta, requireSignedURLs, scheduledDeletion, thumbnailTimestampPct, watermark, input, url, name)",
    );
    expect(refusal(() => checkDirectUploadBody({ publicDetails: {} }))).toBe(
      "publicDetails: not a field of uploads.direct (accepted: allowedOrigins, creator, meta, requireSignedURLs, scheduledDeletion, thumbnailTimestampPct, watermark, maxDurationSeconds, expiry)",
    );
    expect(refusal(() => checkUpdateBody({ watermark: { uid: UID } }, UID))).toBe(
      "watermark: not a field of videos.update (accepted: allowedOrigins, creator, maxDurationSeconds, meta, publicDetails, requireSignedURLs, scheduledDeletion, thumbnailTimestampPct, uploadExpiry, uid)",
    );
  });

  it("needs a JSON object", () => {
    expect(refusal(() => checkCopyBody(undefined))).toBe(
      "body: videos.copy needs a JSON object body",
    );
    expect(refusal(() => checkDirectUploadBody([]))).toBe("body: expected a JSON object");
  });

  it("checks the watermark and publicDetails shapes", () => {
    const copy = { input: "https://x.example/v.mp4" };
    expect(refusal(() => checkCopyBody({ ...copy, watermark: "w" }))).toBe(
      "watermark: expected { uid }",
    );
    expect(refusal(() => checkCopyBody({ ...copy, watermark: { uid: UID, x: 1 } }))).toBe(
      "watermark: expected { uid } only",
    );
    expect(
      refusal(() => checkDirectUploadBody({ maxDurationSeconds: 60, watermark: { uid: "w" } })),
    ).toMatch(/^watermark\.uid: expected 32 lowercase hex characters/);
    expect(refusal(() => checkUpdateBody({ publicDetails: [] }, UID))).toBe(
      "publicDetails: expected an object",
    );
    expect(refusal(() => checkUpdateBody({ publicDetails: { author: "me" } }, UID))).toBe(
      "publicDetails.author: not a public detail",
    );
    expect(refusal(() => checkUpdateBody({ publicDetails: { logo: 1 } }, UID))).toBe(
      "publicDetails.logo: expected a string or null",
    );
  });

  it("keeps the body's uid to the path's", () => {
    expect(refusal(() => checkUpdateBody({ uid: "b".repeat(32) }, UID))).toBe(
      "uid: does not match the uid in the path",
    );
    expect(refusal(() => checkUpdateBody({ uid: UID, publicDetails: { title: null } }, UID))).toBe(
      "accepted",
    );
  });
});
