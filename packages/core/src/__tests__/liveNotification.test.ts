import { describe, expect, it } from "vitest";
import { verifyLiveNotification } from "../liveNotification";

const SECRET = "destination-secret";
const UID = "0123456789abcdef0123456789abcdef";
const body = (data: Record<string, unknown>) =>
  JSON.stringify({ name: "policy", text: "t", ts: 1_800_000_000, data });
const live = {
  notification_name: "Stream Live Input",
  input_id: UID,
  event_type: "live_input.errored",
  updated_at: "2026-12-07T12:00:00Z",
  live_input_errored: {
    error: { code: "ERR_UNSUPPORTED_VIDEO_CODEC", message: "…" },
    video_codec: "hevc",
  },
};

describe("verifyLiveNotification", () => {
  it("accepts Notifications' body with the destination's secret", () => {
    const verdict = verifyLiveNotification(SECRET, body(live), SECRET);
    expect(verdict).toEqual({ ok: true, notification: JSON.parse(body(live)) });
  });

  it("refuses a missing or different secret before reading the body", () => {
    expect(verifyLiveNotification(SECRET, "not json", null)).toMatchObject({ reason: "missing" });
    expect(verifyLiveNotification(SECRET, "not json", "")).toMatchObject({ reason: "missing" });
    for (const header of ["x", `${SECRET} `, SECRET.slice(1), SECRET.toUpperCase()])
      expect(verifyLiveNotification(SECRET, body(live), header)).toMatchObject({
        ok: false,
        reason: "mismatch",
      });
  });

  it("sets Notifications' test message and other alerts apart from live input events", () => {
    for (const raw of [
      JSON.stringify({ text: "Hello World! This is a test message" }),
      JSON.stringify({ data: { notification_name: "Something Else" } }),
      "null",
      "[]",
    ])
      expect(verifyLiveNotification(SECRET, raw, SECRET)).toEqual({
        ok: false,
        reason: "not-live-input",
      });
  });

  it("refuses a body that is not JSON, or names no input or an unknown event", () => {
    expect(verifyLiveNotification(SECRET, "{", SECRET)).toMatchObject({ reason: "malformed" });
    expect(
      verifyLiveNotification(SECRET, body({ ...live, input_id: "../x" }), SECRET),
    ).toMatchObject({ reason: "malformed", message: expect.stringContaining("input_id") });
    expect(
      verifyLiveNotification(SECRET, body({ ...live, event_type: "video.ready" }), SECRET),
    ).toMatchObject({ reason: "malformed", message: expect.stringContaining("video.ready") });
  });
});
