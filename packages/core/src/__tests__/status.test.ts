import { describe, expect, it } from "vitest";
import { errorReason, isTerminal, videoPhase, videoProgress } from "../status";
import type { Video } from "../types";

const withStatus = (status: Video["status"], extra: Partial<Video> = {}): Video => ({
  status,
  ...extra,
});

describe("status model", () => {
  it.each([
    ["pendingupload", "awaiting-upload"],
    ["downloading", "downloading"],
    ["queued", "queued"],
    ["inprogress", "processing"],
    ["ready", "ready"],
    ["error", "error"],
    ["live-inprogress", "live"],
  ] as const)("maps %s to %s", (state, phase) => {
    expect(videoPhase(withStatus({ state }))).toBe(phase);
  });

  it("falls back on readyToStream when the status is missing", () => {
    expect(videoPhase({ readyToStream: true })).toBe("ready");
    expect(videoPhase({})).toBe("queued");
    expect(videoPhase(undefined)).toBe("queued");
  });

  it("reads pctComplete as the numeric string it is", () => {
    expect(
      videoProgress(withStatus({ state: "inprogress", pctComplete: "39.000000" })),
    ).toBeCloseTo(0.39);
    expect(videoProgress(withStatus({ state: "inprogress", pctComplete: "garbage" }))).toBe(0);
    expect(videoProgress(withStatus({ state: "inprogress", pctComplete: "150" }))).toBe(1);
    expect(videoProgress(withStatus({ state: "inprogress", pctComplete: "-3" }))).toBe(0);
    expect(videoProgress(withStatus({ state: "queued" }))).toBe(0);
  });

  it("counts ready as complete even when pctComplete lags", () => {
    expect(videoProgress(withStatus({ state: "ready", pctComplete: "60.000000" }))).toBe(1);
  });

  it("knows which phases are final", () => {
    expect(isTerminal(withStatus({ state: "ready" }))).toBe(true);
    expect(isTerminal(withStatus({ state: "error" }))).toBe(true);
    expect(isTerminal(withStatus({ state: "inprogress" }))).toBe(false);
    expect(isTerminal(withStatus({ state: "pendingupload" }))).toBe(false);
  });

  it("keeps the API's specific reason after ours, unless it only repeats it", () => {
    const failed = (errorReasonText: string) =>
      errorReason(
        withStatus({ state: "error", errorReasonCode: "ERR_FETCH_ORIGIN_ERROR", errorReasonText }),
      )?.text;
    expect(failed("The origin answered 404 Not Found")).toBe(
      "The video could not be downloaded from its URL. The origin answered 404 Not Found.",
    );
    expect(failed("Could not reach the origin (ECONNREFUSED).")).toBe(
      "The video could not be downloaded from its URL. Could not reach the origin (ECONNREFUSED).",
    );
    expect(failed("the video could not be downloaded from its url")).toBe(
      "The video could not be downloaded from its URL.",
    );
  });

  it("explains each documented error code and falls back on the API's text", () => {
    expect(
      errorReason(withStatus({ state: "error", errorReasonCode: "ERR_NON_VIDEO" }))?.text,
    ).toMatch(/not a video/);
    expect(
      errorReason(
        withStatus({
          state: "error",
          errorReasonCode: "ERR_NEW_THING",
          errorReasonText: "Something new",
        }),
      ),
    ).toEqual({ code: "ERR_NEW_THING", text: "Something new", detail: "Something new" });
    expect(errorReason(withStatus({ state: "error", errorReasonCode: "" }))?.code).toBe(
      "ERR_UNKNOWN",
    );
    expect(errorReason(withStatus({ state: "ready" }))).toBeUndefined();
  });
});

describe("tokenExpiry", () => {
  const jwt = (payload: object) =>
    `eyJhbGciOiJSUzI1NiJ9.${btoa(JSON.stringify(payload)).replace(/=+$/, "").replace(/\+/g, "-").replace(/\//g, "_")}.c2ln`;

  it("reads exp as a number or a numeric string", async () => {
    const { tokenExpiry } = await import("../token");
    expect(tokenExpiry(jwt({ sub: "x", exp: 1_800_000_000 }))).toBe(1_800_000_000_000);
    expect(tokenExpiry(jwt({ sub: "x", exp: "1800000000" }))).toBe(1_800_000_000_000);
  });

  it("gives undefined for anything unreadable", async () => {
    const { tokenExpiry } = await import("../token");
    for (const bad of ["", "a.b.c", "x", jwt({ exp: "soon" }), jwt({}), jwt({ exp: -1 })]) {
      expect(tokenExpiry(bad)).toBeUndefined();
    }
  });
});
