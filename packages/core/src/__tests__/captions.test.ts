import { describe, expect, it, vi } from "vitest";
import {
  assertCaptionLanguage,
  assertVideoReady,
  CAPTION_GENERATE_LANGUAGES,
  captionStatus,
  checkWebVtt,
  createDownload,
  deleteCaption,
  deleteDownload,
  generateCaption,
  isGeneratableLanguage,
  listCaptions,
  listDownloads,
  MAX_CAPTION_BYTES,
  uploadCaption,
} from "../captions";
import { createStreamClient } from "../client";
import { StreamValidationError } from "../errors";
import type { Video } from "../types";
import { envelope, UID_A, video } from "./fakeFetch";

const VTT = "WEBVTT\n\n00:00.000 --> 00:01.000\nHello\n";

interface Call {
  method: string;
  path: string;
  body: RequestInit["body"];
  headers: Headers;
}

function clientWith(answer: (call: Call) => Response = () => envelope(null)) {
  const calls: Call[] = [];
  const fetch = vi.fn(async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const call = {
      method: init.method ?? "GET",
      path: new URL(String(input), "http://app.test").pathname,
      body: init.body,
      headers: new Headers(init.headers),
    };
    calls.push(call);
    return answer(call);
  });
  return { client: createStreamClient({ baseUrl: "/api/stream", fetch }), calls };
}

async function validationError(promise: Promise<unknown>): Promise<StreamValidationError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(StreamValidationError);
  return error as StreamValidationError;
}

describe("checkWebVtt", () => {
  it("accepts WebVTT with or without a byte order mark, a header text or cues", async () => {
    await checkWebVtt(VTT);
    await checkWebVtt("\uFEFFWEBVTT - Deutsch\r\n\r\n00:01.000 --> 00:02.000\nHallo\r\n");
    await checkWebVtt("WEBVTT");
    await checkWebVtt(new Blob([VTT], { type: "text/vtt" }));
    await checkWebVtt(new File([VTT], "en.vtt"));
  });

  it("refuses empty, oversized, binary, SubRip and headerless files with the reason", async () => {
    expect((await validationError(checkWebVtt(""))).message).toBe("file: the file is empty");
    const big = await validationError(
      checkWebVtt(new Blob([new Uint8Array(MAX_CAPTION_BYTES + 1)])),
    );
    expect(big.field).toBe("file");
    expect(big.message).toContain("at most 10485760 bytes (10 MB)");
    expect(
      (await validationError(checkWebVtt(new Blob([new Uint8Array([0xff, 0xfe, 0x00])])))).message,
    ).toContain("not a text file");
    expect((await validationError(checkWebVtt("WEBVTT\n\u0000"))).message).toContain(
      "not a text file",
    );
    expect(
      (await validationError(checkWebVtt("1\n00:00:01,000 --> 00:00:02,000\nHi\n"))).message,
    ).toContain("SubRip (.srt)");
    expect((await validationError(checkWebVtt("WEBVTTX\n"))).message).toContain(
      'starts with the line WEBVTT, this one with "WEBVTTX\\n"',
    );
    expect((await validationError(checkWebVtt(42 as unknown as string))).message).toContain(
      "expected a WebVTT file",
    );
  });

  it("accepts a file of exactly 10 MB", async () => {
    const body = new Uint8Array(MAX_CAPTION_BYTES).fill(0x20);
    body.set(new TextEncoder().encode("WEBVTT\n"));
    await checkWebVtt(new Blob([body]));
  });
});

describe("languages", () => {
  it("canonicalises BCP-47 tags and refuses anything else", () => {
    expect(assertCaptionLanguage("en")).toBe("en");
    expect(assertCaptionLanguage("pt-br")).toBe("pt-BR");
    expect(assertCaptionLanguage("EN-gb")).toBe("en-GB");
    for (const bad of ["english", "e", "../x", "en/vtt", "", undefined]) {
      expect(() => assertCaptionLanguage(bad)).toThrow(StreamValidationError);
    }
  });

  it("lists the twelve languages that can be generated", () => {
    expect(CAPTION_GENERATE_LANGUAGES).toEqual("cs nl en fr de it ja ko pl pt ru es".split(" "));
    expect(isGeneratableLanguage("de")).toBe(true);
    expect(isGeneratableLanguage("tr")).toBe(false);
  });

  it("reads a missing status as ready (older answers had none)", () => {
    expect(captionStatus({})).toBe("ready");
    expect(captionStatus({ status: "inprogress" })).toBe("inprogress");
  });
});

describe("caption operations", () => {
  it("lists, uploads multipart, generates and deletes over the proxy contract", async () => {
    const caption = { language: "en", label: "English", generated: false, status: "ready" };
    const { client, calls } = clientWith((call) =>
      envelope(
        call.path.endsWith("/captions") ? [caption] : call.method === "DELETE" ? "" : caption,
      ),
    );
    expect(await listCaptions(client, UID_A)).toEqual([caption]);
    expect(await uploadCaption(client, UID_A, "en", new File([VTT], "mine.vtt"))).toEqual(caption);
    await uploadCaption(client, UID_A, "pt-br", VTT);
    await generateCaption(client, UID_A, "de");
    await deleteCaption(client, UID_A, "en");
    expect(calls.map((c) => `${c.method} ${c.path}`)).toEqual([
      `GET /api/stream/${UID_A}/captions`,
      `PUT /api/stream/${UID_A}/captions/en`,
      `PUT /api/stream/${UID_A}/captions/pt-BR`,
      `POST /api/stream/${UID_A}/captions/de/generate`,
      `DELETE /api/stream/${UID_A}/captions/en`,
    ]);
    const upload = calls[1];
    expect(upload?.body).toBeInstanceOf(FormData);
    // fetch writes the multipart content type with its boundary; a JSON one would break it.
    expect(upload?.headers.get("content-type")).toBeNull();
    const file = (calls[1]!.body as FormData).get("file") as File;
    expect(file.name).toBe("en.vtt");
    expect(await file.text()).toBe(VTT);
    expect(await ((calls[2]!.body as FormData).get("file") as File).text()).toBe(VTT);
    expect(calls[3]?.body).toBeUndefined();
  });

  it("refuses bad input before any request", async () => {
    const { client, calls } = clientWith();
    await validationError(uploadCaption(client, UID_A, "en", "not vtt"));
    await validationError(uploadCaption(client, UID_A, "english", VTT));
    await validationError(uploadCaption(client, "nope", "en", VTT));
    const generate = await validationError(generateCaption(client, UID_A, "tr"));
    expect(generate.message).toBe(
      'language: captions can be generated in cs, nl, en, fr, de, it, ja, ko, pl, pt, ru, es; not in "tr"',
    );
    await validationError(deleteCaption(client, UID_A, "x/../y"));
    expect(calls).toHaveLength(0);
  });

  it("explains that a video must be ready", () => {
    const ready = video(UID_A, "ready") as Video;
    expect(() => assertVideoReady(ready, "Generating captions")).not.toThrow();
    expect(() =>
      assertVideoReady(video(UID_A, "inprogress") as Video, "Generating captions"),
    ).toThrow("video: Generating captions needs a ready video; this one is processing");
    expect(() => assertVideoReady(video(UID_A, "error") as Video, "A download")).toThrow(
      "this one is failed",
    );
  });
});

describe("download operations", () => {
  it("uses /downloads for the MP4 and /downloads/audio for the M4A", async () => {
    const downloads = {
      default: { status: "inprogress", percentComplete: 10, url: "https://d/x" },
    };
    const { client, calls } = clientWith((call) =>
      envelope(call.method === "DELETE" ? "ok" : downloads),
    );
    expect(await listDownloads(client, UID_A)).toEqual(downloads);
    expect(await createDownload(client, UID_A)).toEqual(downloads);
    await createDownload(client, UID_A, "audio");
    await deleteDownload(client, UID_A);
    await deleteDownload(client, UID_A, "audio");
    expect(calls.map((c) => `${c.method} ${c.path}`)).toEqual([
      `GET /api/stream/${UID_A}/downloads`,
      `POST /api/stream/${UID_A}/downloads`,
      `POST /api/stream/${UID_A}/downloads/audio`,
      `DELETE /api/stream/${UID_A}/downloads`,
      `DELETE /api/stream/${UID_A}/downloads/audio`,
    ]);
    await validationError(createDownload(client, UID_A, "video" as "default"));
    expect(calls).toHaveLength(5);
  });

  it("reads an answer without downloads as none", async () => {
    const { client } = clientWith(() => envelope(null));
    expect(await listDownloads(client, UID_A)).toEqual({});
  });
});

describe("client bodies", () => {
  it("sends a Blob as is and JSON as JSON", async () => {
    const { client, calls } = clientWith();
    const blob = new Blob(["raw"], { type: "text/plain" });
    await client.request("/x", { method: "POST", body: blob });
    await client.request("/y", { method: "POST", body: { a: 1 } });
    expect(calls[0]?.body).toBe(blob);
    expect(calls[0]?.headers.get("content-type")).toBeNull();
    expect(calls[1]?.body).toBe('{"a":1}');
    expect(calls[1]?.headers.get("content-type")).toBe("application/json");
  });
});
