import { describe, expect, it, vi } from "vitest";
import { getCaptionText } from "../captions";
import { createStreamClient } from "../client";
import { StreamApiError, StreamValidationError } from "../errors";
import {
  addAudioTrack,
  createClip,
  createWatermark,
  deleteAudioTrack,
  deleteWatermark,
  getStorageUsage,
  getWatermark,
  listAudioTracks,
  listWatermarks,
  MAX_AUDIO_TRACK_BYTES,
  MAX_WATERMARK_BYTES,
  storageFraction,
  updateAudioTrack,
} from "../media";
import { envelope, failure, UID_A, UID_B, video } from "./fakeFetch";

interface Call {
  method: string;
  url: URL;
  body: RequestInit["body"];
}

function clientWith(answer: (call: Call) => Response = () => envelope(null)) {
  const calls: Call[] = [];
  const fetch = vi.fn(async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const call = {
      method: init.method ?? "GET",
      url: new URL(String(input), "http://app.test"),
      body: init.body,
    };
    calls.push(call);
    return answer(call);
  });
  return { client: createStreamClient({ baseUrl: "/api/stream", fetch }), calls };
}

async function refusal(promise: Promise<unknown>): Promise<StreamValidationError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(StreamValidationError);
  return error as StreamValidationError;
}

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);
const profile = {
  uid: UID_B,
  name: "Logo",
  position: "lowerRight",
  opacity: 1,
  padding: 0.05,
  scale: 0.15,
};

describe("createClip", () => {
  it("posts the window to /clip and answers with the new video", async () => {
    const { client, calls } = clientWith(() =>
      envelope({ ...video(UID_B, "queued"), clippedFrom: UID_A }),
    );
    const clip = await createClip(client, {
      clippedFromVideoUID: UID_A,
      startTimeSeconds: 2,
      endTimeSeconds: 7,
      name: "Highlight",
    });
    expect(clip.clippedFrom).toBe(UID_A);
    expect(calls[0]?.method).toBe("POST");
    expect(calls[0]?.url.pathname).toBe("/api/stream/clip");
    expect(JSON.parse(String(calls[0]?.body))).toEqual({
      clippedFromVideoUID: UID_A,
      startTimeSeconds: 2,
      endTimeSeconds: 7,
      name: "Highlight",
    });
  });

  it("refuses bad windows and uids before any request, naming the field", async () => {
    const { client, calls } = clientWith();
    const base = { clippedFromVideoUID: UID_A, startTimeSeconds: 0, endTimeSeconds: 5 };
    const cases: [object, string][] = [
      [{ ...base, endTimeSeconds: 0 }, "endTimeSeconds"],
      [{ ...base, startTimeSeconds: 1.5 }, "startTimeSeconds"],
      [{ ...base, startTimeSeconds: -1 }, "startTimeSeconds"],
      [{ ...base, clippedFromVideoUID: "../x" }, "clippedFromVideoUID"],
      [{ startTimeSeconds: 0, endTimeSeconds: 5 }, "clippedFromVideoUID"],
      [{ ...base, endTimeSeconds: undefined }, "endTimeSeconds"],
      [{ ...base, watermark: { uid: "nope" } }, "watermark.uid"],
      [{ ...base, thumbnailTimestampPct: 2 }, "thumbnailTimestampPct"],
    ];
    for (const [body, field] of cases) {
      const error = await refusal(createClip(client, body as never));
      expect(error.field).toBe(field);
    }
    expect(calls).toHaveLength(0);
  });

  it("passes the API's refusal on as StreamApiError (start past the end, say)", async () => {
    const { client } = clientWith(() =>
      failure(400, [{ code: 10005, message: "startTimeSeconds is past the end of the video" }]),
    );
    await expect(
      createClip(client, {
        clippedFromVideoUID: UID_A,
        startTimeSeconds: 500,
        endTimeSeconds: 600,
      }),
    ).rejects.toBeInstanceOf(StreamApiError);
  });
});

describe("watermark profiles", () => {
  it("lists, gets and deletes", async () => {
    const { client, calls } = clientWith((call) =>
      call.method === "DELETE"
        ? envelope("")
        : call.url.pathname.endsWith("/watermarks")
          ? envelope([profile])
          : envelope(profile),
    );
    expect(await listWatermarks(client)).toEqual([profile]);
    expect(await getWatermark(client, UID_B)).toEqual(profile);
    await deleteWatermark(client, UID_B);
    expect(calls.map((c) => `${c.method} ${c.url.pathname}`)).toEqual([
      "GET /api/stream/watermarks",
      `GET /api/stream/watermarks/${UID_B}`,
      `DELETE /api/stream/watermarks/${UID_B}`,
    ]);
  });

  it("creates from a URL as JSON and from a file as multipart with the settings beside it", async () => {
    const { client, calls } = clientWith(() => envelope(profile));
    await createWatermark(client, { url: "https://example.com/logo.png", position: "center" });
    expect(JSON.parse(String(calls[0]?.body))).toEqual({
      url: "https://example.com/logo.png",
      position: "center",
    });
    await createWatermark(client, {
      file: new File([PNG], "logo.png", { type: "image/png" }),
      name: "Logo",
      opacity: 0.5,
      position: "lowerRight",
    });
    const form = calls[1]?.body as FormData;
    expect(form).toBeInstanceOf(FormData);
    expect((form.get("file") as File).name).toBe("logo.png");
    expect(form.get("opacity")).toBe("0.5");
    expect(form.get("position")).toBe("lowerRight");
    expect(form.get("name")).toBe("Logo");
  });

  it("refuses a file that is not an image, an empty or oversized one, and bad settings", async () => {
    const { client, calls } = clientWith();
    const text = await refusal(createWatermark(client, { file: new Blob(["hello"]) }));
    expect(text.message).toContain("not an image");
    expect((await refusal(createWatermark(client, { file: new Blob([]) }))).message).toContain(
      "empty",
    );
    const big = new Uint8Array(MAX_WATERMARK_BYTES + 1);
    big.set(PNG);
    expect((await refusal(createWatermark(client, { file: new Blob([big]) }))).message).toContain(
      "at most",
    );
    expect((await refusal(createWatermark(client, { file: "x" as never }))).field).toBe("file");
    for (const [body, field] of [
      [{ url: "ftp://x/logo.png" }, "url"],
      [{ url: "https://x/logo.png", opacity: 1.5 }, "opacity"],
      [{ url: "https://x/logo.png", position: "top" }, "position"],
      [{ file: new Blob([PNG]), scale: -0.1 }, "scale"],
      [{}, "url"],
    ] as const) {
      expect((await refusal(createWatermark(client, body as never))).field).toBe(field);
    }
    expect((await refusal(getWatermark(client, "x"))).field).toBe("uid");
    expect(calls).toHaveLength(0);
  });
});

describe("audio tracks", () => {
  const track = { uid: UID_B, label: "Director", default: false, status: "queued" };

  it("reads { audio: [...] } and the 2024 bare array alike", async () => {
    const wrapped = clientWith(() => envelope({ audio: [track] }));
    expect(await listAudioTracks(wrapped.client, UID_A)).toEqual([track]);
    expect(wrapped.calls[0]?.url.pathname).toBe(`/api/stream/${UID_A}/audio`);
    const bare = clientWith(() => envelope([track]));
    expect(await listAudioTracks(bare.client, UID_A)).toEqual([track]);
    const odd = clientWith(() => envelope(null));
    expect(await listAudioTracks(odd.client, UID_A)).toEqual([]);
  });

  it("adds from a URL (/audio/copy) or a file (multipart /audio), edits and deletes", async () => {
    const { client, calls } = clientWith((call) =>
      envelope(call.method === "DELETE" ? "ok" : track),
    );
    await addAudioTrack(client, UID_A, { label: "Director", url: "https://example.com/a.m4a" });
    await addAudioTrack(client, UID_A, { label: "Español", file: new File(["x"], "es.m4a") });
    await updateAudioTrack(client, UID_A, UID_B, { default: true });
    await deleteAudioTrack(client, UID_A, UID_B);
    expect(calls.map((c) => `${c.method} ${c.url.pathname}`)).toEqual([
      `POST /api/stream/${UID_A}/audio/copy`,
      `POST /api/stream/${UID_A}/audio`,
      `PATCH /api/stream/${UID_A}/audio/${UID_B}`,
      `DELETE /api/stream/${UID_A}/audio/${UID_B}`,
    ]);
    const form = calls[1]?.body as FormData;
    expect(form.get("label")).toBe("Español");
    expect(JSON.parse(String(calls[2]?.body))).toEqual({ default: true });
  });

  it("refuses missing labels, bad URLs, oversized files, empty edits and bad uids first", async () => {
    const { client, calls } = clientWith();
    const cases: [Promise<unknown>, string][] = [
      [addAudioTrack(client, UID_A, { url: "https://x/a.m4a" } as never), "label"],
      [addAudioTrack(client, UID_A, { label: "  ", url: "https://x/a.m4a" }), "label"],
      [addAudioTrack(client, UID_A, { label: "x".repeat(257), url: "https://x/a.m4a" }), "label"],
      [addAudioTrack(client, UID_A, { label: "A" } as never), "url"],
      [addAudioTrack(client, UID_A, { label: "A", url: "javascript:alert(1)" }), "url"],
      [
        addAudioTrack(client, UID_A, {
          label: "A",
          file: {
            size: MAX_AUDIO_TRACK_BYTES + 1,
            arrayBuffer: async () => new ArrayBuffer(0),
          } as Blob,
        }),
        "file",
      ],
      [addAudioTrack(client, "nope", { label: "A", url: "https://x/a.m4a" }), "uid"],
      [updateAudioTrack(client, UID_A, UID_B, {}), "body"],
      [updateAudioTrack(client, UID_A, UID_B, { default: "yes" as never }), "default"],
      [deleteAudioTrack(client, UID_A, "nope"), "audioUid"],
    ];
    for (const [promise, field] of cases) expect((await refusal(promise)).field).toBe(field);
    expect(calls).toHaveLength(0);
  });
});

describe("storage usage", () => {
  it("asks for one creator's figures and computes the used share", async () => {
    const usage = {
      creator: "alice",
      totalStorageMinutes: 25,
      totalStorageMinutesLimit: 100,
      videoCount: 3,
    };
    const { client, calls } = clientWith(() => envelope(usage));
    expect(await getStorageUsage(client, { creator: "alice" })).toEqual(usage);
    expect(calls[0]?.url.pathname).toBe("/api/stream/storage-usage");
    expect(calls[0]?.url.searchParams.get("creator")).toBe("alice");
    expect(storageFraction(usage)).toBe(0.25);
    expect(storageFraction({ ...usage, totalStorageMinutes: 500 })).toBe(1);
    expect(storageFraction({ totalStorageMinutes: 1 })).toBeUndefined();
    expect((await refusal(getStorageUsage(client, { creator: "x".repeat(65) }))).field).toBe(
      "creator",
    );
  });
});

describe("getCaptionText", () => {
  it("answers with the WebVTT text as it is, and a failure as StreamApiError", async () => {
    const vtt = "WEBVTT\n\n00:00.000 --> 00:01.000\nHello\n";
    const { client, calls } = clientWith((call) =>
      call.url.pathname.includes("/xx/")
        ? failure(404, [{ code: 10003, message: "Not found" }])
        : new Response(vtt, { headers: { "content-type": "text/vtt" } }),
    );
    expect(await getCaptionText(client, UID_A, "pt-br")).toBe(vtt);
    expect(calls[0]?.url.pathname).toBe(`/api/stream/${UID_A}/captions/pt-BR/vtt`);
    await expect(getCaptionText(client, UID_A, "xx")).rejects.toBeInstanceOf(StreamApiError);
    expect((await refusal(getCaptionText(client, UID_A, "english"))).field).toBe("language");
  });
});
