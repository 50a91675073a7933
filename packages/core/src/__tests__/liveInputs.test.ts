import { describe, expect, it } from "vitest";
import { createStreamClient } from "../client";
import { StreamApiError, StreamValidationError } from "../errors";
import {
  createLiveInput,
  createLiveOutput,
  getLiveInput,
  isOnAir,
  listLiveInputs,
  listLiveRecordings,
  liveInputPhase,
  rotateLiveInputKeys,
  updateLiveInput,
  updateLiveOutput,
} from "../liveInputs";
import {
  checkLiveInputRequest,
  checkLiveOutputRequest,
  checkLiveOutputUpdate,
} from "../requests/liveInputs";
import { envelope, failure, fakeFetch, UID_A, UID_B, video } from "./fakeFetch";

const client = (respond: Parameters<typeof fakeFetch>[0]) => {
  const fake = fakeFetch(respond);
  return { client: createStreamClient({ baseUrl: "/api/stream", fetch: fake.fetch }), ...fake };
};

describe("liveInputPhase", () => {
  it.each([
    [null, "idle"],
    [undefined, "idle"],
    ["new_configuration_accepted", "connecting"],
    ["connected", "live"],
    ["reconnected", "live"],
    ["reconnecting", "reconnecting"],
    ["client_disconnect", "ended"],
    ["ttl_exceeded", "ended"],
    ["failed_to_connect", "errored"],
    ["failed_to_reconnect", "errored"],
  ] as const)("reads %s as %s", (status, phase) => {
    expect(liveInputPhase({ status })).toBe(phase);
  });

  it("reads the { current: { state } } shape too, and anything unknown as idle", () => {
    expect(liveInputPhase({ status: { current: { state: "connected" } } })).toBe("live");
    expect(liveInputPhase({ status: "something_new" })).toBe("idle");
    expect(liveInputPhase({ status: { current: null } })).toBe("idle");
    expect(liveInputPhase({ status: "toString" })).toBe("idle");
    expect(liveInputPhase(null)).toBe("idle");
  });

  it("says which phases are on air", () => {
    expect(["live", "connecting", "reconnecting"].every((p) => isOnAir(p as never))).toBe(true);
    expect(["idle", "ended", "errored"].some((p) => isOnAir(p as never))).toBe(false);
  });
});

describe("live input request checks", () => {
  it("takes every documented field", () => {
    expect(() =>
      checkLiveInputRequest({
        meta: { name: "show" },
        defaultCreator: "alice",
        enabled: true,
        deleteRecordingAfterDays: null,
        preferLowLatency: true,
        recording: {
          mode: "automatic",
          timeoutSeconds: 10,
          requireSignedURLs: false,
          allowedOrigins: ["example.com"],
          hideLiveViewerCount: true,
        },
      }),
    ).not.toThrow();
  });

  it.each([
    [{ recordings: {} }, "recordings"],
    [{ meta: "show" }, "meta"],
    [{ enabled: "yes" }, "enabled"],
    [{ deleteRecordingAfterDays: 29 }, "deleteRecordingAfterDays"],
    [{ deleteRecordingAfterDays: 1097 }, "deleteRecordingAfterDays"],
    [{ recording: { mode: "manual" } }, "recording.mode"],
    [{ recording: { timeoutSeconds: -1 } }, "recording.timeoutSeconds"],
    [{ recording: { allowedOrigins: [""] } }, "recording.allowedOrigins"],
    [{ recording: { extra: 1 } }, "recording.extra"],
    [{ defaultCreator: "x".repeat(65) }, "defaultCreator"],
  ])("refuses %j naming %s", (body, field) => {
    try {
      checkLiveInputRequest(body);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(StreamValidationError);
      expect((error as StreamValidationError).field).toBe(field);
    }
  });

  it("checks outputs: an RTMP or SRT target with its key; updates take enabled alone", () => {
    expect(() =>
      checkLiveOutputRequest({ url: "rtmps://a.test/live", streamKey: "k" }),
    ).not.toThrow();
    expect(() => checkLiveOutputRequest({ url: "srt://a.test:9000", streamKey: "" })).not.toThrow();
    expect(() => checkLiveOutputRequest({ url: "https://a.test", streamKey: "k" })).toThrow(/url/);
    expect(() => checkLiveOutputRequest({ url: "rtmp://a.test/live" })).toThrow(/streamKey/);
    expect(() => checkLiveOutputUpdate({ enabled: false })).not.toThrow();
    expect(() => checkLiveOutputUpdate({})).toThrow(StreamValidationError);
    expect(() => checkLiveOutputUpdate({ enabled: true, url: "rtmp://x" })).toThrow(/url/);
  });
});

describe("live input methods", () => {
  it("lists with include_counts and fills what the answer leaves out", async () => {
    const { client: c, calls } = client(() =>
      envelope({ liveInputs: [{ uid: UID_A }], range: 0, total: 1 }),
    );
    expect(await listLiveInputs(c, { include_counts: true })).toEqual({
      liveInputs: [{ uid: UID_A }],
      range: 0,
      total: 1,
    });
    expect(calls[0]?.url.pathname).toBe("/api/stream/live_inputs");
    expect(calls[0]?.url.searchParams.get("include_counts")).toBe("true");
    const { client: empty } = client(() => envelope(null));
    expect(await listLiveInputs(empty)).toEqual({ liveInputs: [], range: 0 });
  });

  it("sends each operation to its path with its method and body", async () => {
    const { client: c, calls } = client((req) =>
      envelope(req.url.pathname.includes("outputs") ? { uid: UID_B } : { uid: UID_A }),
    );
    await createLiveInput(c, { recording: { mode: "automatic" } });
    await updateLiveInput(c, UID_A, { enabled: false });
    await rotateLiveInputKeys(c, UID_A);
    await createLiveOutput(c, UID_A, { url: "rtmp://a.test/live", streamKey: "k" });
    await updateLiveOutput(c, UID_A, UID_B, { enabled: false });
    expect(calls.map((r) => `${r.method} ${r.url.pathname}`)).toEqual([
      "POST /api/stream/live_inputs",
      `PUT /api/stream/live_inputs/${UID_A}`,
      `POST /api/stream/live_inputs/${UID_A}/rotate_keys`,
      `POST /api/stream/live_inputs/${UID_A}/outputs`,
      `PUT /api/stream/live_inputs/${UID_A}/outputs/${UID_B}`,
    ]);
    expect(calls[0]?.body).toEqual({ recording: { mode: "automatic" } });
  });

  it("refuses bad uids and bodies before any request", async () => {
    const { client: c, calls } = client(() => envelope({}));
    await expect(getLiveInput(c, "abc")).rejects.toBeInstanceOf(StreamValidationError);
    await expect(updateLiveOutput(c, UID_A, "abc", { enabled: true })).rejects.toThrow(/outputUid/);
    await expect(createLiveInput(c, { enabled: "no" } as never)).rejects.toThrow(/enabled/);
    expect(calls).toHaveLength(0);
  });

  it("lists recordings as videos of the input, and passes API failures on typed", async () => {
    const { client: c, calls } = client((req) =>
      req.url.pathname.endsWith("/live_inputs/".concat(UID_B))
        ? failure(404, [{ code: 10003, message: "No live input" }])
        : envelope([{ ...video(UID_A, "ready"), liveInput: UID_B }], { range: 0 }),
    );
    const recordings = await listLiveRecordings(c, UID_B);
    expect(recordings.map((v) => v.uid)).toEqual([UID_A]);
    expect(calls[0]?.url.searchParams.get("live_input_id")).toBe(UID_B);
    const error = await getLiveInput(c, UID_B).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StreamApiError);
    expect((error as StreamApiError).status).toBe(404);
  });
});
