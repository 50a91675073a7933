import { StreamApiError, StreamValidationError } from "@streamkit/core";
import type { ClipRequest } from "@streamkit/core/media";
import { BASE, makeUid, makeVideo, StreamModel } from "@streamkit/test-utils";
import { serveModel } from "@streamkit/test-utils/vitest";
import { act, renderHook, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { useDeleteCaption, useGenerateCaption, useUploadCaption } from "../captions";
import { useCaptionText } from "../captionText";
import { useCreateClip } from "../clips";
import { streamKeys } from "../keys";
import { useStorageUsage } from "../storageUsage";
import { useDeleteVideo } from "../useDeleteVideo";
import { useUploadFromUrl } from "../useUploadFromUrl";
import { useVideoStatus } from "../useVideoStatus";
import { wrapper } from "./render";

const model = new StreamModel(BASE);
serveModel(model);

const POLLING = { waitingMs: 20, processingMs: 20, jitter: 0 };
const clipPosts = (r: { method: string; path: string }) =>
  r.method === "POST" && r.path === "/clip";
const usageReads = (r: { method: string; path: string }) =>
  r.method === "GET" && r.path === "/storage-usage";

function readyVideo(extra: Parameters<typeof makeVideo>[3] = {}) {
  const uid = makeUid();
  model.videos.set(uid, makeVideo(uid, "ready", "100.000000", { duration: 30, ...extra }));
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

describe("useCreateClip", () => {
  it("creates the clip, seeds it into the cache and follows it to ready at the clipped length", async () => {
    const source = readyVideo({ scheduledDeletion: "2027-01-01T00:00:00Z" });
    const { Wrapper, queryClient } = wrapper({ polling: POLLING });
    const { result } = renderHook(() => useCreateClip(), { wrapper: Wrapper });
    let clip: Awaited<ReturnType<typeof result.current.mutateAsync>> | undefined;
    await act(async () => {
      clip = await result.current.mutateAsync({
        clippedFromVideoUID: source,
        startTimeSeconds: 5,
        endTimeSeconds: 17,
        name: "Highlights",
      });
    });
    const uid = clip?.uid ?? "";
    expect(uid).not.toBe(source);
    expect(clip?.clippedFrom).toBe(source);
    expect(clip?.status?.state).toBe("queued");
    expect(clip?.meta?.name).toBe("Highlights");
    // The API does not carry the source's scheduled deletion over to the clip.
    expect(clip?.scheduledDeletion).toBeNull();
    expect(model.of("POST").at(-1)?.body).toEqual({
      clippedFromVideoUID: source,
      startTimeSeconds: 5,
      endTimeSeconds: 17,
      name: "Highlights",
    });
    expect(queryClient.getQueryData(streamKeys.video(uid))).toEqual(clip);

    const phases: string[] = [];
    const status = renderHook(
      () => {
        const s = useVideoStatus(uid);
        if (s.phase && phases.at(-1) !== s.phase) phases.push(s.phase);
        return s;
      },
      { wrapper: Wrapper },
    );
    await waitFor(() => expect(status.result.current.isReady).toBe(true));
    expect(status.result.current.video?.duration).toBe(12);
    expect(phases[0]).toBe("queued");
    expect(phases.at(-1)).toBe("ready");
  });

  it("refreshes lists and storage usage once the clip exists", async () => {
    const source = readyVideo();
    const { Wrapper } = wrapper();
    const { result } = renderHook(() => ({ usage: useStorageUsage(), create: useCreateClip() }), {
      wrapper: Wrapper,
    });
    await waitFor(() => expect(result.current.usage.data?.videoCount).toBe(1));
    await act(async () => {
      await result.current.create.mutateAsync({
        clippedFromVideoUID: source,
        startTimeSeconds: 0,
        endTimeSeconds: 3,
      });
    });
    await waitFor(() => expect(result.current.usage.data?.videoCount).toBe(2));
    expect(model.count(usageReads)).toBe(2);
  });

  it("checks the window first: nothing is sent for a reversed, empty or fractional one", async () => {
    const source = readyVideo();
    const { Wrapper } = wrapper();
    const { result } = renderHook(() => useCreateClip(), { wrapper: Wrapper });
    const bad: [Partial<ClipRequest>, string][] = [
      [{ startTimeSeconds: 10, endTimeSeconds: 10 }, "endTimeSeconds"],
      [{ startTimeSeconds: 10, endTimeSeconds: 4 }, "endTimeSeconds"],
      [{ startTimeSeconds: 1.5, endTimeSeconds: 4 }, "startTimeSeconds"],
      [{ startTimeSeconds: -1, endTimeSeconds: 4 }, "startTimeSeconds"],
      [
        { startTimeSeconds: 0, endTimeSeconds: 4, clippedFromVideoUID: "nope" },
        "clippedFromVideoUID",
      ],
    ];
    for (const [window, field] of bad) {
      const error = await rejection(() =>
        result.current.mutateAsync({ clippedFromVideoUID: source, ...window } as ClipRequest),
      );
      expect(error, JSON.stringify(window)).toBeInstanceOf(StreamValidationError);
      expect((error as StreamValidationError).field).toBe(field);
    }
    expect(model.count()).toBe(0);
  });

  it("passes the API's refusals on: an unknown source, a start past its end, a source not ready", async () => {
    const short = readyVideo({ duration: 8 });
    const processing = makeUid();
    model.videos.set(processing, makeVideo(processing, "inprogress"));
    const { Wrapper, queryClient } = wrapper();
    const { result } = renderHook(() => useCreateClip(), { wrapper: Wrapper });

    const unknown = await rejection(() =>
      result.current.mutateAsync({
        clippedFromVideoUID: makeUid(),
        startTimeSeconds: 0,
        endTimeSeconds: 2,
      }),
    );
    expect(unknown).toBeInstanceOf(StreamApiError);
    expect((unknown as StreamApiError).isNotFound).toBe(true);

    const past = await rejection(() =>
      result.current.mutateAsync({
        clippedFromVideoUID: short,
        startTimeSeconds: 9,
        endTimeSeconds: 12,
      }),
    );
    expect(past).toBeInstanceOf(StreamApiError);
    expect((past as StreamApiError).status).toBe(400);
    expect((past as Error).message).toContain("past the end of the video");

    const notReady = await rejection(() =>
      result.current.mutateAsync({
        clippedFromVideoUID: processing,
        startTimeSeconds: 0,
        endTimeSeconds: 2,
      }),
    );
    expect((notReady as Error).message).toContain("not ready");
    await waitFor(() => expect(result.current.error).toBe(notReady));
    expect(model.count(clipPosts)).toBe(3);
    // Nothing was seeded or made stale by a refusal.
    expect(queryClient.getQueriesData({ queryKey: streamKeys.videos() })).toEqual([]);
  });

  it("keeps the caller's onSuccess", async () => {
    const source = readyVideo();
    const seen: string[] = [];
    const { Wrapper } = wrapper();
    const { result } = renderHook(
      () => useCreateClip({ onSuccess: (video) => void seen.push(String(video.clippedFrom)) }),
      { wrapper: Wrapper },
    );
    await act(async () => {
      await result.current.mutateAsync({
        clippedFromVideoUID: source,
        startTimeSeconds: 1,
        endTimeSeconds: 2,
      });
    });
    expect(seen).toEqual([source]);
  });
});

describe("useStorageUsage", () => {
  it("reports minutes, limit and count from the library, per creator", async () => {
    readyVideo({ duration: 90, creator: "alice" });
    readyVideo({ duration: 30, creator: "bob" });
    const { Wrapper } = wrapper();
    const { result } = renderHook(
      () => ({ all: useStorageUsage(), alice: useStorageUsage({ creator: "alice" }) }),
      { wrapper: Wrapper },
    );
    await waitFor(() => expect(result.current.alice.isSuccess).toBe(true));
    await waitFor(() => expect(result.current.all.isSuccess).toBe(true));
    expect(result.current.all.data).toEqual({
      totalStorageMinutes: 2,
      totalStorageMinutesLimit: 1000,
      videoCount: 2,
    });
    expect(result.current.alice.data).toEqual({
      creator: "alice",
      totalStorageMinutes: 1.5,
      totalStorageMinutesLimit: 1000,
      videoCount: 1,
    });
    expect(model.requests.filter(usageReads).map((r) => r.url.searchParams.get("creator"))).toEqual(
      expect.arrayContaining([null, "alice"]),
    );
  });

  it("refetches when a video is copied or deleted, and never asks with a creator too long", async () => {
    const uid = readyVideo({ duration: 60 });
    const { Wrapper } = wrapper();
    const { result } = renderHook(
      () => ({
        usage: useStorageUsage(),
        copy: useUploadFromUrl(),
        remove: useDeleteVideo(),
        idle: useStorageUsage({ creator: "x", enabled: false }),
      }),
      { wrapper: Wrapper },
    );
    await waitFor(() => expect(result.current.usage.data?.videoCount).toBe(1));
    await act(async () => {
      await result.current.copy.mutateAsync({ url: "https://example.com/a.mp4" });
    });
    await waitFor(() => expect(result.current.usage.data?.videoCount).toBe(2));
    await act(async () => {
      await result.current.remove.mutateAsync(uid);
    });
    await waitFor(() => expect(result.current.usage.data?.videoCount).toBe(1));
    expect(result.current.usage.data?.totalStorageMinutes).toBe(0);
    expect(result.current.idle.fetchStatus).toBe("idle");

    const long = renderHook(() => useStorageUsage({ creator: "c".repeat(65) }), {
      wrapper: Wrapper,
    });
    await waitFor(() => expect(long.result.current.error).toBeInstanceOf(StreamValidationError));
    expect(model.requests.some((r) => r.url.searchParams.get("creator")?.length === 65)).toBe(
      false,
    );
  });
});

describe("useCaptionText", () => {
  it("reads a caption's WebVTT, and again after it is re-uploaded or deleted", async () => {
    const uid = readyVideo();
    model.captions.set(uid, [
      { language: "en", label: "English", generated: false, status: "ready" },
    ]);
    model.captionTexts.set(`${uid}/en`, "WEBVTT\n\n00:00.000 --> 00:01.000\nFirst\n");
    const { Wrapper } = wrapper();
    const { result } = renderHook(
      () => ({
        text: useCaptionText(uid, "en"),
        upload: useUploadCaption(),
        remove: useDeleteCaption(),
      }),
      { wrapper: Wrapper },
    );
    await waitFor(() => expect(result.current.text.data).toContain("First"));
    const vtt = model.requests.find((r) => r.path.endsWith("/vtt"));
    expect(vtt?.path).toBe(`/${uid}/captions/en/vtt`);

    await act(async () => {
      await result.current.upload.mutateAsync({
        uid,
        language: "en",
        file: "WEBVTT\n\n00:00.000 --> 00:01.000\nSecond\n",
      });
    });
    // jsdom's FormData cannot be read by the model, so it stands in its own text for the new
    // file (the emulator test reads real bytes back): what matters is that it was fetched again.
    await waitFor(() => expect(result.current.text.data).toContain("English: line 1"));
    expect(model.count((r) => r.path.endsWith("/vtt"))).toBe(2);

    await act(async () => {
      await result.current.remove.mutateAsync({ uid, language: "EN" });
    });
    await waitFor(() => expect(result.current.text.error).toBeInstanceOf(StreamApiError));
  });

  it("gets the text of a generated caption once it is ready, fetched afresh after generate", async () => {
    const uid = readyVideo();
    model.generateSteps = 1;
    const { Wrapper, queryClient } = wrapper();
    const { result } = renderHook(() => useGenerateCaption(), { wrapper: Wrapper });
    queryClient.setQueryData(streamKeys.captionText(uid, "es"), "stale");
    await act(async () => {
      await result.current.mutateAsync({ uid, language: "es" });
    });
    expect(queryClient.getQueryState(streamKeys.captionText(uid, "es"))?.isInvalidated).toBe(true);
    // One list request moves the generated caption on to ready.
    await fetch(`${BASE}/${uid}/captions`);
    const text = renderHook(() => useCaptionText(uid, "es"), { wrapper: Wrapper });
    await waitFor(() => expect(text.result.current.data).toMatch(/^WEBVTT\n\n00:00\.000 --> /));
    expect(text.result.current.data).toContain("(auto-generated): line 1");
  });

  it("stays idle without a uid or language, and fails a bad one before any request", async () => {
    const { Wrapper } = wrapper();
    const uid = makeUid();
    const idle = renderHook(() => useCaptionText(undefined, "en"), { wrapper: Wrapper });
    const noLang = renderHook(() => useCaptionText(uid, ""), { wrapper: Wrapper });
    const bad = renderHook(() => useCaptionText(uid, "not a language"), { wrapper: Wrapper });
    const badUid = renderHook(() => useCaptionText("nope", "en"), { wrapper: Wrapper });
    await waitFor(() => expect(bad.result.current.error).toBeInstanceOf(StreamValidationError));
    await waitFor(() => expect(badUid.result.current.error).toBeInstanceOf(StreamValidationError));
    expect(idle.result.current.fetchStatus).toBe("idle");
    expect(noLang.result.current.fetchStatus).toBe("idle");
    expect(model.count()).toBe(0);
  });

  it("answers 404 for a caption that does not exist", async () => {
    const uid = readyVideo();
    const { Wrapper } = wrapper();
    const { result } = renderHook(() => useCaptionText(uid, "fr"), { wrapper: Wrapper });
    await waitFor(() => expect(result.current.error).toBeInstanceOf(StreamApiError));
    expect((result.current.error as StreamApiError).isNotFound).toBe(true);
  });
});
