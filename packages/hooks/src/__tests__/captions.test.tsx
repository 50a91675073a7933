import { StreamValidationError } from "@streamkit/core";
import { BASE, makeUid, makeVideo, StreamModel } from "@streamkit/test-utils";
import { serveModel } from "@streamkit/test-utils/vitest";
import { act, renderHook, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { useCaptions, useDeleteCaption, useGenerateCaption, useUploadCaption } from "../captions";
import { useCreateDownload, useDeleteDownload, useDownloads } from "../downloads";
import { streamKeys } from "../keys";
import { wrapper } from "./render";

const VTT = "WEBVTT\n\n00:00.000 --> 00:01.000\nHello\n";
const model = new StreamModel(BASE);
serveModel(model);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const lists = (what: "captions" | "downloads") => (r: { method: string; path: string }) =>
  r.method === "GET" && r.path.endsWith(`/${what}`);

function readyVideo() {
  const uid = makeUid();
  model.videos.set(uid, makeVideo(uid, "ready", "100.000000"));
  return uid;
}

async function rejection(run: () => Promise<unknown>): Promise<unknown> {
  let error: unknown;
  await act(async () => {
    error = await run().then(
      () => undefined,
      (e: unknown) => e,
    );
  });
  return error;
}

describe("useCaptions", () => {
  it("lists captions and polls while one is generated, then stops", async () => {
    const uid = readyVideo();
    model.captions.set(uid, [
      { language: "en", label: "English", generated: false, status: "ready" },
      { language: "de", label: "Deutsch (auto-generated)", generated: true, status: "inprogress" },
    ]);
    model.generateSteps = 3;
    const { Wrapper } = wrapper();
    const { result } = renderHook(() => useCaptions(uid, { intervalMs: 20 }), {
      wrapper: Wrapper,
    });
    await waitFor(() =>
      expect(result.current.data?.find((c) => c.language === "de")?.status).toBe("ready"),
    );
    const polls = model.count(lists("captions"));
    expect(polls).toBe(3);
    await sleep(120);
    expect(model.count(lists("captions"))).toBe(polls);
  });

  it("does not poll when nothing is under way, and never for a bad uid", async () => {
    const uid = readyVideo();
    const { Wrapper } = wrapper();
    const { result } = renderHook(() => useCaptions(uid, { intervalMs: 10 }), { wrapper: Wrapper });
    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(result.current.data).toEqual([]);
    renderHook(() => useCaptions("not-a-uid"), { wrapper: Wrapper });
    await sleep(80);
    expect(model.count()).toBe(1);
  });

  it("stops polling when the last watcher unmounts", async () => {
    const uid = readyVideo();
    model.captions.set(uid, [
      { language: "fr", label: "Français (auto-generated)", generated: true, status: "inprogress" },
    ]);
    model.generateSteps = 1_000;
    const { Wrapper } = wrapper();
    const { unmount } = renderHook(() => useCaptions(uid, { intervalMs: 15 }), {
      wrapper: Wrapper,
    });
    await waitFor(() => expect(model.count(lists("captions"))).toBeGreaterThanOrEqual(3));
    unmount();
    await sleep(30);
    const after = model.count();
    await sleep(120);
    expect(model.count()).toBe(after);
  });

  it("stops polling on a failure retrying cannot fix", async () => {
    const uid = readyVideo();
    model.captions.set(uid, [
      { language: "fr", label: "Français (auto-generated)", generated: true, status: "inprogress" },
    ]);
    model.generateSteps = 1_000;
    const { Wrapper } = wrapper();
    const { result } = renderHook(() => useCaptions(uid, { intervalMs: 15 }), {
      wrapper: Wrapper,
    });
    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    model.failures.push({ status: 404, message: "gone" });
    await waitFor(() => expect(result.current.error?.message).toContain("gone"));
    const after = model.count();
    await sleep(100);
    expect(model.count()).toBe(after);
  });
});

describe("useUploadCaption", () => {
  it("checks the file first: a bad one fails with StreamValidationError and sends nothing", async () => {
    const uid = readyVideo();
    const { Wrapper } = wrapper();
    const { result } = renderHook(() => useUploadCaption(), { wrapper: Wrapper });
    const error = await rejection(() =>
      result.current.mutateAsync({ uid, language: "en", file: new File(["hello"], "x.vtt") }),
    );
    expect(error).toBeInstanceOf(StreamValidationError);
    expect((error as Error).message).toContain("starts with the line WEBVTT");
    await waitFor(() => expect(result.current.error).toBe(error));
    const badLanguage = await rejection(() =>
      result.current.mutateAsync({ uid, language: "english", file: VTT }),
    );
    expect((badLanguage as StreamValidationError).field).toBe("language");
    expect(model.count()).toBe(0);
  });

  it("uploads multipart and puts the caption in the cached list", async () => {
    const uid = readyVideo();
    const { Wrapper, queryClient } = wrapper();
    const { result } = renderHook(() => ({ list: useCaptions(uid), upload: useUploadCaption() }), {
      wrapper: Wrapper,
    });
    await waitFor(() => expect(result.current.list.isSuccess).toBe(true));
    await act(async () => {
      await result.current.upload.mutateAsync({
        uid,
        language: "en",
        file: new File([VTT], "mine.vtt", { type: "text/vtt" }),
      });
    });
    const put = model.requests.find((r) => r.method === "PUT");
    expect(put?.path).toBe(`/${uid}/captions/en`);
    expect(put?.contentType).toMatch(/^multipart\/form-data; ?boundary=/);
    await waitFor(() => expect(result.current.list.data?.map((c) => c.language)).toEqual(["en"]));
    expect(queryClient.getQueryData(streamKeys.captions(uid))).toEqual([
      { language: "en", label: "English", generated: false, status: "ready" },
    ]);
    // The answer was written into the cache: no extra list request.
    expect(model.count(lists("captions"))).toBe(1);
  });

  it("lets a list request in flight not hide the new caption", async () => {
    const uid = readyVideo();
    const { Wrapper, queryClient } = wrapper();
    const { result } = renderHook(() => ({ list: useCaptions(uid), upload: useUploadCaption() }), {
      wrapper: Wrapper,
    });
    await waitFor(() => expect(result.current.list.isSuccess).toBe(true));
    // A refetch that started before the upload answers after it, with the old list.
    let release = () => {};
    model.gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    void queryClient.refetchQueries({ queryKey: streamKeys.captions(uid) });
    await waitFor(() => expect(model.count(lists("captions"))).toBe(2));
    model.gate = undefined;
    await act(async () => {
      await result.current.upload.mutateAsync({ uid, language: "en", file: VTT });
    });
    release();
    await waitFor(() =>
      expect(queryClient.getQueryState(streamKeys.captions(uid))?.fetchStatus).toBe("idle"),
    );
    const cached = queryClient.getQueryData<{ language: string }[]>(streamKeys.captions(uid));
    expect(cached?.map((c) => c.language)).toEqual(["en"]);
  });
});

describe("useGenerateCaption", () => {
  it("refuses a language it cannot generate, before any request", async () => {
    const uid = readyVideo();
    const { Wrapper } = wrapper();
    const { result } = renderHook(() => useGenerateCaption(), { wrapper: Wrapper });
    const error = await rejection(() => result.current.mutateAsync({ uid, language: "tr" }));
    expect(error).toBeInstanceOf(StreamValidationError);
    expect((error as Error).message).toContain("captions can be generated in cs, nl, en");
    expect(model.count()).toBe(0);
  });

  it("says clearly that the video must be ready, without asking to generate", async () => {
    const uid = makeUid();
    model.videos.set(uid, makeVideo(uid, "inprogress", "40.000000"));
    const { Wrapper } = wrapper();
    const { result } = renderHook(() => useGenerateCaption(), { wrapper: Wrapper });
    const error = await rejection(() => result.current.mutateAsync({ uid, language: "en" }));
    expect(error).toBeInstanceOf(StreamValidationError);
    expect((error as Error).message).toBe(
      "video: Generating captions needs a ready video; this one is processing",
    );
    expect(model.requests.map((r) => `${r.method} ${r.path}`)).toEqual([`GET /${uid}`]);
  });

  it("uses the cached video when it is ready, adds the caption as inprogress and follows it", async () => {
    const uid = readyVideo();
    const { Wrapper, queryClient } = wrapper();
    queryClient.setQueryData(streamKeys.video(uid), model.videos.get(uid));
    const { result } = renderHook(
      () => ({ list: useCaptions(uid, { intervalMs: 20 }), generate: useGenerateCaption() }),
      { wrapper: Wrapper },
    );
    await waitFor(() => expect(result.current.list.isSuccess).toBe(true));
    await act(async () => {
      await result.current.generate.mutateAsync({ uid, language: "de" });
    });
    expect(queryClient.getQueryData(streamKeys.captions(uid))).toEqual([
      { language: "de", label: "Deutsch (auto-generated)", generated: true, status: "inprogress" },
    ]);
    await waitFor(() => expect(result.current.list.data?.[0]?.status).toBe("ready"));
    expect(model.count((r) => r.path === `/${uid}`)).toBe(0);
  });

  it("surfaces the API's refusal (language exists) as the mutation error", async () => {
    const uid = readyVideo();
    model.captions.set(uid, [
      { language: "en", label: "English", generated: false, status: "ready" },
    ]);
    const { Wrapper } = wrapper();
    const { result } = renderHook(() => useGenerateCaption(), { wrapper: Wrapper });
    const error = await rejection(() => result.current.mutateAsync({ uid, language: "en" }));
    expect((error as Error).message).toContain("delete them first");
  });
});

describe("useDeleteCaption", () => {
  it("removes the caption from the cached list once the API confirms", async () => {
    const uid = readyVideo();
    model.captions.set(uid, [
      { language: "en", label: "English", generated: false, status: "ready" },
      { language: "pt-BR", label: "Português (Brasil)", generated: false, status: "ready" },
    ]);
    const { Wrapper } = wrapper();
    const { result } = renderHook(() => ({ list: useCaptions(uid), remove: useDeleteCaption() }), {
      wrapper: Wrapper,
    });
    await waitFor(() => expect(result.current.list.data).toHaveLength(2));
    await act(async () => {
      await result.current.remove.mutateAsync({ uid, language: "pt-br" });
    });
    await waitFor(() => expect(result.current.list.data?.map((c) => c.language)).toEqual(["en"]));
    expect(model.requests.at(-1)).toMatchObject({
      method: "DELETE",
      path: `/${uid}/captions/pt-BR`,
    });
  });
});

describe("downloads", () => {
  it("creates the MP4, follows percentComplete until ready, then stops", async () => {
    const uid = readyVideo();
    const { Wrapper } = wrapper();
    // Every percentComplete a component rendered.
    const seen: number[] = [];
    const { result } = renderHook(
      () => {
        const downloads = useDownloads(uid, { intervalMs: 20 });
        const pct = downloads.data?.default?.percentComplete;
        if (pct !== undefined && seen.at(-1) !== pct) seen.push(pct);
        return { downloads, create: useCreateDownload() };
      },
      { wrapper: Wrapper },
    );
    await waitFor(() => expect(result.current.downloads.data).toEqual({}));
    await act(async () => {
      await result.current.create.mutateAsync({ uid });
    });
    await waitFor(() => expect(result.current.downloads.data?.default?.status).toBe("ready"));
    expect(seen[0]).toBe(0);
    expect(seen.at(-1)).toBe(100);
    expect(seen.length).toBeGreaterThan(2);
    expect([...seen].sort((a, b) => a - b)).toEqual(seen);
    expect(result.current.downloads.data?.default?.url).toBe(
      `https://delivery.test/${uid}/downloads/default.mp4`,
    );
    const polls = model.count(lists("downloads"));
    await sleep(120);
    expect(model.count(lists("downloads"))).toBe(polls);
  });

  it("refuses a download of a video that is not ready, and deletes one", async () => {
    const uid = makeUid();
    model.videos.set(uid, makeVideo(uid, "queued", "0"));
    const { Wrapper } = wrapper();
    const { result } = renderHook(
      () => ({
        downloads: useDownloads(uid),
        create: useCreateDownload(),
        remove: useDeleteDownload(),
      }),
      { wrapper: Wrapper },
    );
    const error = await rejection(() => result.current.create.mutateAsync({ uid }));
    expect((error as Error).message).toBe(
      "video: A download needs a ready video; this one is queued",
    );
    expect(model.count((r) => r.method === "POST")).toBe(0);

    model.videos.set(uid, makeVideo(uid, "ready", "100.000000"));
    await act(async () => {
      await result.current.create.mutateAsync({ uid, type: "audio" });
    });
    await waitFor(() => expect(result.current.downloads.data?.audio?.status).toBe("inprogress"));
    await act(async () => {
      await result.current.remove.mutateAsync({ uid, type: "audio" });
    });
    await waitFor(() => expect(result.current.downloads.data).toEqual({}));
    expect(model.requests.at(-1)).toMatchObject({
      method: "DELETE",
      path: `/${uid}/downloads/audio`,
    });
  });
});
