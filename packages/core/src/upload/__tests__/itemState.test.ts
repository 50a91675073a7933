import { describe, expect, it } from "vitest";
import { StreamApiError, StreamNetworkError, StreamValidationError } from "../../errors";
import type { Video, VideoState } from "../../types";
import { VideoProcessingError } from "../errors";
import { uploadItemState } from "../itemState";
import type { UploadSnapshot } from "../state";

const UID = "0000000000000000000000000000abcd";
const snapshot = (change: Partial<UploadSnapshot> = {}): UploadSnapshot => ({
  state: "uploading",
  protocol: "basic",
  bytesUploaded: 250,
  bytesTotal: 1_000,
  uid: UID,
  error: undefined,
  durationSeconds: 3,
  validated: true,
  resumed: false,
  ...change,
});
const video = (state: VideoState, extra: Partial<NonNullable<Video["status"]>> = {}): Video => ({
  uid: UID,
  readyToStream: state === "ready",
  status: { state, pctComplete: "40", errorReasonCode: "", errorReasonText: "", ...extra },
});

describe("uploadItemState", () => {
  it("shows the bytes while uploading, whatever the video says", () => {
    expect(uploadItemState(snapshot(), video("ready"))).toEqual({
      state: "uploading",
      percent: 25,
      video: undefined,
      error: undefined,
      errorReason: undefined,
      canRetry: false,
    });
    expect(uploadItemState(snapshot({ bytesTotal: 0 }), undefined).percent).toBe(0);
  });

  it("lets failed transfers be retried, refused files not", () => {
    const failed = uploadItemState(
      snapshot({ state: "error", error: new StreamNetworkError("fetch", "x") }),
      undefined,
    );
    expect(failed.canRetry).toBe(true);
    const refused = new StreamValidationError("size", "too big");
    expect(uploadItemState(snapshot({ state: "error", error: refused }), undefined).canRetry).toBe(
      false,
    );
    // Stream refused the bytes themselves (not a video): the same file would be refused again.
    const notVideo = new StreamApiError(400, [{ code: 10059, message: "not a video" }]);
    expect(uploadItemState(snapshot({ state: "error", error: notVideo }), undefined).canRetry).toBe(
      false,
    );
    const busy = new StreamApiError(503, []);
    expect(uploadItemState(snapshot({ state: "error", error: busy }), undefined).canRetry).toBe(
      true,
    );
  });

  it("follows the video once the bytes are in: encoding, then ready", () => {
    const processing = uploadItemState(snapshot({ state: "processing" }), video("inprogress"));
    expect(processing).toMatchObject({ state: "processing", percent: 40, canRetry: false });
    expect(processing.video?.uid).toBe(UID);
    const before = uploadItemState(snapshot({ state: "processing" }), undefined);
    expect(before).toMatchObject({ state: "processing", percent: 0, video: undefined });
    const ready = uploadItemState(snapshot({ state: "processing" }), video("ready"));
    expect(ready).toMatchObject({ state: "ready", percent: 100, error: undefined });
  });

  it("ends in a typed processing error with the reason", () => {
    const failed = video("error", { errorReasonCode: "ERR_NON_VIDEO", errorReasonText: "no" });
    const item = uploadItemState(snapshot({ state: "processing" }), failed);
    expect(item.state).toBe("error");
    expect(item.error).toBeInstanceOf(VideoProcessingError);
    expect(item.errorReason?.code).toBe("ERR_NON_VIDEO");
    expect(item.canRetry).toBe(false);
  });

  it("shows a failed poll while processing without ending it", () => {
    const poll = new Error("offline");
    const item = uploadItemState(snapshot({ state: "processing" }), video("queued"), poll);
    expect(item).toMatchObject({ state: "processing", error: poll });
    expect(
      uploadItemState(snapshot({ state: "processing" }), undefined, "x").error,
    ).toBeUndefined();
  });
});
