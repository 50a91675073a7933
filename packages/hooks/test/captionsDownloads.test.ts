import { StreamApiError, StreamValidationError, type Video } from "@streamkit/core";
import {
  assertVideoReady,
  type Caption,
  createDownload,
  deleteCaption,
  deleteDownload,
  generateCaption,
  listCaptions,
  listDownloads,
  MAX_CAPTION_BYTES,
  uploadCaption,
} from "@streamkit/core/captions";
import { MEDIA_STACK, type Stack, sampleVideo, startStack } from "@streamkit/test-utils/stack";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// Captions and downloads end to end: core client → proxy (node:http) → emulator (ffmpeg).

const VTT = "WEBVTT\n\n00:00.000 --> 00:01.500\nHello from streamkit\n";
let stack: Stack;
let uid: string;

async function failure(promise: Promise<unknown>): Promise<Error> {
  const error = await promise.then(
    () => new Error("expected a failure"),
    (e: unknown) => e as Error,
  );
  return error;
}

const until = async <T>(read: () => Promise<T>, done: (value: T) => boolean, ms = 30_000) => {
  const seen: T[] = [];
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    const value = await read();
    seen.push(value);
    if (done(value)) return seen;
    await new Promise((resolve) => setTimeout(resolve, 40));
  }
  throw new Error(`timed out; last ${JSON.stringify(seen.at(-1))}`);
};

beforeAll(async () => {
  stack = await startStack(MEDIA_STACK);
  uid = await stack.upload(await sampleVideo(stack));
}, 60_000);

afterAll(async () => {
  await stack?.stop();
});

describe("before the video is ready", () => {
  it("refuses to generate captions or make a download, with clear errors", async () => {
    const video = await stack.client.getVideo(uid);
    expect(video.status?.state).not.toBe("ready");
    expect(() => assertVideoReady(video, "Generating captions")).toThrow(
      /^video: Generating captions needs a ready video; this one is /,
    );
    // Asked anyway, the API refuses too, and says why.
    const generate = await failure(generateCaption(stack.client, uid, "en"));
    expect(generate).toBeInstanceOf(StreamApiError);
    expect((generate as StreamApiError).status).toBe(400);
    expect(generate.message).toMatch(/Generating captions needs a ready video/);
    const download = await failure(createDownload(stack.client, uid));
    expect((download as StreamApiError).status).toBe(400);
    expect(download.message).toMatch(/A download needs a ready video/);
  });
});

describe("with a ready video", () => {
  beforeAll(async () => {
    await stack.waitFor(uid, (v: Video) => v.status?.state === "ready");
  }, 60_000);

  it("uploads a caption: listed ready, and its VTT served back", async () => {
    const caption = await uploadCaption(stack.client, uid, "en", new Blob([VTT]));
    expect(caption).toEqual({
      language: "en",
      label: "English",
      generated: false,
      status: "ready",
    });
    expect(await listCaptions(stack.client, uid)).toContainEqual(caption);
    const vtt = await fetch(`${stack.baseUrl}/${uid}/captions/en/vtt`);
    expect(vtt.status).toBe(200);
    expect(vtt.headers.get("content-type")).toMatch(/^text\/vtt/);
    expect(await vtt.text()).toBe(VTT);
  });

  it("replaces a language on a second upload, canonicalising the tag", async () => {
    const caption = await uploadCaption(stack.client, uid, "pt-br", VTT);
    expect(caption.language).toBe("pt-BR");
    const again = await uploadCaption(stack.client, uid, "pt-BR", VTT.replace("Hello", "Olá"));
    expect(again.language).toBe("pt-BR");
    const list = await listCaptions(stack.client, uid);
    expect(list.filter((c) => c.language === "pt-BR")).toHaveLength(1);
    const vtt = await fetch(`${stack.baseUrl}/${uid}/captions/pt-BR/vtt`);
    expect(await vtt.text()).toContain("Olá from streamkit");
  });

  it("takes a caption file of exactly 10 MB, the API's limit, through the proxy", async () => {
    const cue = "00:00.000 --> 00:01.000\nline\n\n";
    const head = "WEBVTT\n\n";
    const big = head + cue.repeat(Math.floor((MAX_CAPTION_BYTES - head.length) / cue.length));
    const text = big + " ".repeat(MAX_CAPTION_BYTES - big.length);
    expect(new Blob([text]).size).toBe(MAX_CAPTION_BYTES);
    const caption = await uploadCaption(stack.client, uid, "fr", text);
    expect(caption.status).toBe("ready");
    await deleteCaption(stack.client, uid, "fr");
  });

  it("refuses a bad VTT and an unknown language before any request", async () => {
    const before = stack.proxyRequests.length;
    const srt = await failure(
      uploadCaption(stack.client, uid, "en", "1\n00:00:01,000 --> 00:00:02,000\nHi\n"),
    );
    expect(srt).toBeInstanceOf(StreamValidationError);
    expect(srt.message).toBe(
      "file: this looks like SubRip (.srt); convert it to WebVTT (.vtt) first",
    );
    const binary = await failure(
      uploadCaption(stack.client, uid, "en", new Blob([new Uint8Array([0, 159, 146, 150])])),
    );
    expect(binary.message).toBe("file: not a text file: WebVTT is UTF-8 text");
    const language = await failure(generateCaption(stack.client, uid, "tr"));
    expect(language).toBeInstanceOf(StreamValidationError);
    expect(language.message).toContain(
      'captions can be generated in cs, nl, en, fr, de, it, ja, ko, pl, pt, ru, es; not in "tr"',
    );
    expect(stack.proxyRequests.length).toBe(before);
  });

  it("is refused by the API too when the checks are skipped", async () => {
    const form = new FormData();
    form.append("file", new Blob(["not a caption"]), "x.vtt");
    const upload = await fetch(`${stack.baseUrl}/${uid}/captions/en`, {
      method: "PUT",
      body: form,
    });
    expect(upload.status).toBe(400);
    const body = (await upload.json()) as { errors: { message: string }[] };
    expect(body.errors[0]?.message).toContain("must be WebVTT");
    const generate = await fetch(`${stack.baseUrl}/${uid}/captions/tr/generate`, {
      method: "POST",
    });
    expect(generate.status).toBe(400);
    expect(
      ((await generate.json()) as { errors: { message: string }[] }).errors[0]?.message,
    ).toContain("Captions can be generated for cs, nl, en");
  });

  it("generates captions: inprogress, then ready, with a VTT", async () => {
    const started = await generateCaption(stack.client, uid, "de");
    expect(started).toEqual({
      language: "de",
      label: "Deutsch (auto-generated)",
      generated: true,
      status: "inprogress",
    });
    const vttEarly = await fetch(`${stack.baseUrl}/${uid}/captions/de/vtt`);
    expect(vttEarly.status).toBe(409);
    const seen = await until(
      () => listCaptions(stack.client, uid),
      (list: Caption[]) => list.find((c) => c.language === "de")?.status === "ready",
    );
    expect(seen[0]?.find((c) => c.language === "de")?.status).toBe("inprogress");
    const vtt = await fetch(`${stack.baseUrl}/${uid}/captions/de/vtt`);
    expect(await vtt.text()).toMatch(/^WEBVTT\n/);
    // One caption per language: generating an existing one is refused (delete first).
    const again = await failure(generateCaption(stack.client, uid, "de"));
    expect((again as StreamApiError).status).toBe(409);
    expect(again.message).toContain("delete them first");
  });

  it("deletes a caption: gone from the list and its VTT", async () => {
    await deleteCaption(stack.client, uid, "en");
    const list = await listCaptions(stack.client, uid);
    expect(list.map((c) => c.language)).not.toContain("en");
    expect((await fetch(`${stack.baseUrl}/${uid}/captions/en/vtt`)).status).toBe(404);
    const twice = await failure(deleteCaption(stack.client, uid, "en"));
    expect((twice as StreamApiError).isNotFound).toBe(true);
  });

  it("makes the MP4: percentComplete rises to ready, and the URL serves video", async () => {
    expect(await listDownloads(stack.client, uid)).toEqual({});
    const created = await createDownload(stack.client, uid);
    expect(created.default?.url).toBe(
      `${stack.emulator.deliveryOrigin}/${uid}/downloads/default.mp4`,
    );
    const seen = await until(
      () => listDownloads(stack.client, uid),
      (downloads) => downloads.default?.status === "ready",
    );
    const percents = [created, ...seen].map((d) => d.default?.percentComplete ?? -1);
    // Never goes back; ends at 100.
    for (let i = 1; i < percents.length; i++)
      expect(percents[i]).toBeGreaterThanOrEqual(percents[i - 1] ?? 0);
    expect(percents[0]).toBeLessThan(100);
    expect(percents.at(-1)).toBe(100);
    if (!stack.emulator.degraded) expect(created.default?.status).toBe("inprogress");
    console.info(`download percentComplete seen: ${[...new Set(percents)].join(" → ")}`);

    const url = seen.at(-1)?.default?.url ?? "";
    const mp4 = await fetch(url);
    expect(mp4.status).toBe(200);
    expect(mp4.headers.get("content-type")).toBe("video/mp4");
    const bytes = new Uint8Array(await mp4.arrayBuffer());
    expect(bytes.length).toBeGreaterThan(1000);
    expect(new TextDecoder().decode(bytes.slice(4, 8))).toBe("ftyp");
  });

  it("serves a private video's MP4 only with a downloadable token", async () => {
    await stack.client.updateVideo(uid, { requireSignedURLs: true });
    const { default: download } = await listDownloads(stack.client, uid);
    const url = download?.url ?? "";
    expect((await fetch(url)).ok).toBe(false);
    const viewOnly = await stack.client.createSignedToken(uid, {});
    const denied = await fetch(url.replace(`/${uid}/`, `/${viewOnly.token}/`));
    expect(denied.ok).toBe(false);
    const { token } = await stack.client.createSignedToken(uid, { downloadable: true });
    const allowed = await fetch(url.replace(`/${uid}/`, `/${token}/`));
    expect(allowed.status).toBe(200);
    expect(allowed.headers.get("content-type")).toBe("video/mp4");
    await stack.client.updateVideo(uid, { requireSignedURLs: false });
  });

  it("deletes the download", async () => {
    const url = (await listDownloads(stack.client, uid)).default?.url ?? "";
    await deleteDownload(stack.client, uid);
    expect(await listDownloads(stack.client, uid)).toEqual({});
    expect((await fetch(url)).status).toBe(404);
  });
});
