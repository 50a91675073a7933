import { StreamApiError, StreamValidationError } from "@streamkit/core";
import type { AudioTrack, WatermarkProfile } from "@streamkit/core/media";
import { BASE, makeUid, makeVideo, makeWatermark, StreamModel } from "@streamkit/test-utils";
import { serveModel } from "@streamkit/test-utils/vitest";
import { act, renderHook, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import {
  useAddAudioTrack,
  useAudioTracks,
  useDeleteAudioTrack,
  useUpdateAudioTrack,
} from "../audioTracks";
import { streamKeys } from "../keys";
import { useCreateWatermark, useDeleteWatermark, useWatermarks } from "../watermarks";
import { wrapper } from "./render";

const model = new StreamModel(BASE);
serveModel(model);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]);
const audioLists = (r: { method: string; path: string }) =>
  r.method === "GET" && r.path.endsWith("/audio");

function readyVideo(state: "ready" | "inprogress" = "ready") {
  const uid = makeUid();
  model.videos.set(uid, makeVideo(uid, state, state === "ready" ? "100.000000" : "40.000000"));
  return uid;
}

function tracks(uid: string, ...list: Partial<AudioTrack>[]): AudioTrack[] {
  const made = list.map((t, i) => ({
    uid: makeUid(),
    label: `Track ${i}`,
    default: false,
    status: "ready" as const,
    ...t,
  }));
  model.audio.set(uid, made);
  return made;
}

function seedWatermarks(...names: string[]): WatermarkProfile[] {
  return names.map((name) => {
    const profile = makeWatermark({ name });
    model.watermarks.set(profile.uid, profile);
    return profile;
  });
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

describe("useWatermarks", () => {
  it("lists the account's profiles", async () => {
    seedWatermarks("Logo", "Draft");
    const { Wrapper } = wrapper();
    const { result } = renderHook(() => useWatermarks(), { wrapper: Wrapper });
    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    expect(result.current.data?.map((w) => w.name)).toEqual(["Logo", "Draft"]);
    expect(result.current.data?.[0]).toMatchObject({ position: "upperRight", scale: 0.15 });
    expect(model.requests.map((r) => `${r.method} ${r.path}`)).toEqual(["GET /watermarks"]);
  });

  it("does not fetch when disabled, and surfaces a typed error", async () => {
    const { Wrapper } = wrapper();
    renderHook(() => useWatermarks({ enabled: false }), { wrapper: Wrapper });
    await sleep(30);
    expect(model.count()).toBe(0);
    model.failures.push({ status: 403, message: "admins only" });
    const { result } = renderHook(() => useWatermarks(), { wrapper: Wrapper });
    await waitFor(() => expect(result.current.error).toBeInstanceOf(StreamApiError));
    expect((result.current.error as StreamApiError).status).toBe(403);
  });
});

describe("useCreateWatermark", () => {
  it("creates from a URL with settings and adds the profile to the cached list", async () => {
    seedWatermarks("Old");
    const { Wrapper, queryClient } = wrapper();
    const { result } = renderHook(() => ({ list: useWatermarks(), create: useCreateWatermark() }), {
      wrapper: Wrapper,
    });
    await waitFor(() => expect(result.current.list.isSuccess).toBe(true));
    await act(async () => {
      await result.current.create.mutateAsync({
        url: "https://example.com/logo.png",
        name: "New",
        position: "lowerLeft",
        opacity: 0.5,
      });
    });
    const post = model.of("POST")[0];
    expect(post?.body).toEqual({
      url: "https://example.com/logo.png",
      name: "New",
      position: "lowerLeft",
      opacity: 0.5,
    });
    const cached = queryClient.getQueryData<WatermarkProfile[]>(streamKeys.watermarks());
    expect(cached?.map((w) => w.name)).toEqual(["Old", "New"]);
    expect(cached?.[1]).toMatchObject({ position: "lowerLeft", opacity: 0.5, padding: 0.05 });
    expect(model.count((r) => r.method === "GET")).toBe(1);
  });

  it("uploads an image file multipart", async () => {
    const { Wrapper } = wrapper();
    const { result } = renderHook(() => useCreateWatermark(), { wrapper: Wrapper });
    await act(async () => {
      await result.current.mutateAsync({
        file: new File([PNG], "logo.png", { type: "image/png" }),
        scale: 0.2,
      });
    });
    const post = model.of("POST")[0];
    expect(post?.path).toBe("/watermarks");
    expect(post?.contentType).toMatch(/^multipart\/form-data; ?boundary=/);
    expect(model.watermarks.size).toBe(1);
  });

  it("refuses a non-image, an oversized file and bad settings before any request", async () => {
    const { Wrapper } = wrapper();
    const { result } = renderHook(() => useCreateWatermark(), { wrapper: Wrapper });
    const notImage = await rejection(() =>
      result.current.mutateAsync({ file: new File(["hello"], "logo.png", { type: "image/png" }) }),
    );
    expect(notImage).toBeInstanceOf(StreamValidationError);
    expect((notImage as Error).message).toContain("not an image");
    const big = new Uint8Array(2 * 1024 * 1024 + 1);
    big.set(PNG);
    const oversized = await rejection(() =>
      result.current.mutateAsync({ file: new File([big], "big.png") }),
    );
    expect((oversized as StreamValidationError).field).toBe("file");
    expect((oversized as Error).message).toContain("at most");
    const opacity = await rejection(() =>
      result.current.mutateAsync({ url: "https://example.com/a.png", opacity: 2 }),
    );
    expect((opacity as StreamValidationError).field).toBe("opacity");
    const url = await rejection(() => result.current.mutateAsync({ url: "ftp://nope" }));
    expect((url as StreamValidationError).field).toBe("url");
    await waitFor(() => expect(result.current.error).toBe(url));
    expect(model.count()).toBe(0);
  });
});

describe("useDeleteWatermark", () => {
  it("removes the profile from the list at once", async () => {
    const [a, b] = seedWatermarks("A", "B");
    const { Wrapper, queryClient } = wrapper();
    const { result } = renderHook(() => ({ list: useWatermarks(), remove: useDeleteWatermark() }), {
      wrapper: Wrapper,
    });
    await waitFor(() => expect(result.current.list.data).toHaveLength(2));
    let pending: Promise<void> | undefined;
    model.writeLatency = 400;
    act(() => {
      pending = result.current.remove.mutateAsync(a?.uid ?? "");
    });
    await waitFor(() =>
      expect(
        queryClient.getQueryData<WatermarkProfile[]>(streamKeys.watermarks())?.map((w) => w.uid),
      ).toEqual([b?.uid]),
    );
    expect(model.watermarks.has(a?.uid ?? "")).toBe(true);
    await act(() => pending);
    expect(model.watermarks.has(a?.uid ?? "")).toBe(false);
    expect(model.requests.at(-1)).toMatchObject({
      method: "DELETE",
      path: `/watermarks/${a?.uid}`,
    });
  });

  it("puts the profile back in its place when the API refuses", async () => {
    const [a, b, c] = seedWatermarks("A", "B", "C");
    const { Wrapper } = wrapper();
    const { result } = renderHook(() => ({ list: useWatermarks(), remove: useDeleteWatermark() }), {
      wrapper: Wrapper,
    });
    await waitFor(() => expect(result.current.list.data).toHaveLength(3));
    model.failures.push({ status: 403, method: "DELETE", message: "admins only" });
    const error = await rejection(() => result.current.remove.mutateAsync(b?.uid ?? ""));
    expect(error).toBeInstanceOf(StreamApiError);
    expect((error as StreamApiError).status).toBe(403);
    await waitFor(() =>
      expect(result.current.list.data?.map((w) => w.uid)).toEqual([a?.uid, b?.uid, c?.uid]),
    );
    const bad = await rejection(() => result.current.remove.mutateAsync("nope"));
    expect((bad as StreamValidationError).field).toBe("uid");
    expect(model.count((r) => r.method === "DELETE")).toBe(1);
  });
});

describe("useAudioTracks", () => {
  it("lists tracks and polls while one is queued, then stops", async () => {
    const uid = readyVideo();
    tracks(uid, { label: "English", default: true }, { label: "Deutsch", status: "queued" });
    model.audioSteps = 3;
    const { Wrapper } = wrapper();
    const { result } = renderHook(() => useAudioTracks(uid, { intervalMs: 20 }), {
      wrapper: Wrapper,
    });
    await waitFor(() =>
      expect(result.current.data?.find((t) => t.label === "Deutsch")?.status).toBe("ready"),
    );
    const polls = model.count(audioLists);
    expect(polls).toBe(3);
    await sleep(100);
    expect(model.count(audioLists)).toBe(polls);
  });

  it("stops polling on unmount; never fetches for a bad or missing uid", async () => {
    const uid = readyVideo();
    tracks(uid, { label: "Deutsch", status: "queued" });
    model.audioSteps = 1_000;
    const { Wrapper } = wrapper();
    const { unmount } = renderHook(() => useAudioTracks(uid, { intervalMs: 15 }), {
      wrapper: Wrapper,
    });
    await waitFor(() => expect(model.count(audioLists)).toBeGreaterThanOrEqual(3));
    unmount();
    await sleep(30);
    const after = model.count();
    await sleep(100);
    expect(model.count()).toBe(after);
    const bad = renderHook(() => useAudioTracks("not-a-uid"), { wrapper: Wrapper });
    renderHook(() => useAudioTracks(undefined), { wrapper: Wrapper });
    await waitFor(() => expect(bad.result.current.error).toBeInstanceOf(StreamValidationError));
    expect(model.count()).toBe(after);
  });

  it("fails with 404 for an unknown video and does not poll", async () => {
    const { Wrapper } = wrapper();
    const unknown = makeUid();
    const { result } = renderHook(() => useAudioTracks(unknown, { intervalMs: 10 }), {
      wrapper: Wrapper,
    });
    await waitFor(() => expect(result.current.isError).toBe(true));
    expect((result.current.error as StreamApiError).status).toBe(404);
    await sleep(60);
    expect(model.count()).toBe(1);
  });
});

describe("useAddAudioTrack", () => {
  it("adds from a URL, appends the queued track and follows it to ready", async () => {
    const uid = readyVideo();
    const { Wrapper, queryClient } = wrapper();
    queryClient.setQueryData(streamKeys.video(uid), model.videos.get(uid));
    const { result } = renderHook(
      () => ({ list: useAudioTracks(uid, { intervalMs: 20 }), add: useAddAudioTrack() }),
      { wrapper: Wrapper },
    );
    await waitFor(() => expect(result.current.list.data).toEqual([]));
    await act(async () => {
      await result.current.add.mutateAsync({
        uid,
        label: "Français",
        url: "https://example.com/fr.m4a",
      });
    });
    expect(queryClient.getQueryData<AudioTrack[]>(streamKeys.audioTracks(uid))).toEqual([
      expect.objectContaining({ label: "Français", status: "queued", default: false }),
    ]);
    await waitFor(() => expect(result.current.list.data?.[0]?.status).toBe("ready"));
    expect(model.of("POST")[0]).toMatchObject({
      path: `/${uid}/audio/copy`,
      body: { label: "Français", url: "https://example.com/fr.m4a" },
    });
  });

  it("uploads a file multipart", async () => {
    const uid = readyVideo();
    const { Wrapper } = wrapper();
    const { result } = renderHook(() => useAddAudioTrack(), { wrapper: Wrapper });
    await act(async () => {
      await result.current.mutateAsync({
        uid,
        label: "Commentary",
        file: new File([new Uint8Array(64)], "c.m4a", { type: "audio/mp4" }),
      });
    });
    const post = model.of("POST")[0];
    expect(post?.path).toBe(`/${uid}/audio`);
    expect(post?.contentType).toMatch(/^multipart\/form-data; ?boundary=/);
    expect(model.audio.get(uid)).toHaveLength(1);
  });

  it("refuses bad input before any request: uid, label, URL, empty or oversized file", async () => {
    const uid = readyVideo();
    const { Wrapper } = wrapper();
    const { result } = renderHook(() => useAddAudioTrack(), { wrapper: Wrapper });
    const cases: [Parameters<typeof result.current.mutateAsync>[0], string][] = [
      [{ uid: "nope", label: "A", url: "https://example.com/a.m4a" }, "uid"],
      [{ uid, label: "  ", url: "https://example.com/a.m4a" }, "label"],
      [{ uid, label: "x".repeat(300), url: "https://example.com/a.m4a" }, "label"],
      [{ uid, label: "A", url: "not a url" }, "url"],
      [{ uid, label: "A", file: new File([], "empty.m4a") }, "file"],
      [{ uid, label: "A", file: { size: 200 * 1024 * 1024 + 1 } as Blob }, "file"],
    ];
    for (const [variables, field] of cases) {
      const error = await rejection(() => result.current.mutateAsync(variables));
      expect(error).toBeInstanceOf(StreamValidationError);
      expect((error as StreamValidationError).field).toBe(field);
    }
    expect(model.count()).toBe(0);
  });

  it("says the video must be ready, without asking to add", async () => {
    const uid = readyVideo("inprogress");
    const { Wrapper } = wrapper();
    const { result } = renderHook(() => useAddAudioTrack(), { wrapper: Wrapper });
    const error = await rejection(() =>
      result.current.mutateAsync({ uid, label: "A", url: "https://example.com/a.m4a" }),
    );
    expect((error as Error).message).toBe(
      "video: An audio track needs a ready video; this one is processing",
    );
    expect(model.requests.map((r) => `${r.method} ${r.path}`)).toEqual([`GET /${uid}`]);
  });

  it("surfaces the API's refusal of a taken label", async () => {
    const uid = readyVideo();
    tracks(uid, { label: "English" });
    const { Wrapper } = wrapper();
    const { result } = renderHook(() => useAddAudioTrack(), { wrapper: Wrapper });
    const error = await rejection(() =>
      result.current.mutateAsync({ uid, label: "English", url: "https://example.com/a.m4a" }),
    );
    expect((error as StreamApiError).status).toBe(409);
  });
});

describe("useUpdateAudioTrack", () => {
  it("makes a track the default at once, clearing the others", async () => {
    const uid = readyVideo();
    const [en, de] = tracks(uid, { label: "English", default: true }, { label: "Deutsch" });
    const { Wrapper, queryClient } = wrapper();
    const { result } = renderHook(
      () => ({ list: useAudioTracks(uid), update: useUpdateAudioTrack() }),
      { wrapper: Wrapper },
    );
    await waitFor(() => expect(result.current.list.data).toHaveLength(2));
    model.writeLatency = 400;
    let pending: Promise<unknown> | undefined;
    act(() => {
      pending = result.current.update.mutateAsync({ uid, audioUid: de?.uid ?? "", default: true });
    });
    const defaults = () =>
      queryClient
        .getQueryData<AudioTrack[]>(streamKeys.audioTracks(uid))
        ?.map((t) => [t.label, t.default]);
    await waitFor(() =>
      expect(defaults()).toEqual([
        ["English", false],
        ["Deutsch", true],
      ]),
    );
    await act(() => pending);
    expect(model.audio.get(uid)?.find((t) => t.uid === en?.uid)?.default).toBe(false);
    expect(model.requests.at(-1)).toMatchObject({
      method: "PATCH",
      path: `/${uid}/audio/${de?.uid}`,
    });
    expect(defaults()).toEqual([
      ["English", false],
      ["Deutsch", true],
    ]);
  });

  it("rolls a rename and a default back when the API refuses", async () => {
    const uid = readyVideo();
    const [, de] = tracks(uid, { label: "English", default: true }, { label: "Deutsch" });
    const { Wrapper } = wrapper();
    const { result } = renderHook(
      () => ({ list: useAudioTracks(uid), update: useUpdateAudioTrack() }),
      { wrapper: Wrapper },
    );
    await waitFor(() => expect(result.current.list.data).toHaveLength(2));
    model.failures.push({ status: 500, method: "PATCH", message: "boom" });
    const error = await rejection(() =>
      result.current.update.mutateAsync({
        uid,
        audioUid: de?.uid ?? "",
        label: "German",
        default: true,
      }),
    );
    expect((error as StreamApiError).status).toBe(500);
    await waitFor(() =>
      expect(result.current.list.data?.map((t) => [t.label, t.default])).toEqual([
        ["English", true],
        ["Deutsch", false],
      ]),
    );
  });

  it("refuses a bad label or an empty change before any request, leaving the cache alone", async () => {
    const uid = readyVideo();
    const [en] = tracks(uid, { label: "English" });
    const { Wrapper } = wrapper();
    const { result } = renderHook(
      () => ({ list: useAudioTracks(uid), update: useUpdateAudioTrack() }),
      { wrapper: Wrapper },
    );
    await waitFor(() => expect(result.current.list.data).toHaveLength(1));
    const blank = await rejection(() =>
      result.current.update.mutateAsync({ uid, audioUid: en?.uid ?? "", label: " " }),
    );
    expect((blank as StreamValidationError).field).toBe("label");
    const empty = await rejection(() =>
      result.current.update.mutateAsync({ uid, audioUid: en?.uid ?? "" }),
    );
    expect(empty).toBeInstanceOf(StreamValidationError);
    const badUid = await rejection(() =>
      result.current.update.mutateAsync({ uid, audioUid: "x", label: "A" }),
    );
    expect((badUid as StreamValidationError).field).toBe("audioUid");
    expect(result.current.list.data?.[0]?.label).toBe("English");
    expect(model.count((r) => r.method === "PATCH")).toBe(0);
  });
});

describe("useDeleteAudioTrack", () => {
  it("removes the track at once and puts it back in place when the API refuses", async () => {
    const uid = readyVideo();
    const [a, b, c] = tracks(uid, { label: "A" }, { label: "B" }, { label: "C" });
    const { Wrapper, queryClient } = wrapper();
    const { result } = renderHook(
      () => ({ list: useAudioTracks(uid), remove: useDeleteAudioTrack() }),
      { wrapper: Wrapper },
    );
    await waitFor(() => expect(result.current.list.data).toHaveLength(3));
    const labels = () =>
      queryClient.getQueryData<AudioTrack[]>(streamKeys.audioTracks(uid))?.map((t) => t.label);
    model.latency = 300;
    model.failures.push({ status: 503, method: "DELETE", message: "later" });
    let failed: Promise<unknown> | undefined;
    act(() => {
      failed = result.current.remove.mutateAsync({ uid, audioUid: b?.uid ?? "" }).catch((e) => e);
    });
    await waitFor(() => expect(labels()).toEqual(["A", "C"]));
    expect(((await act(() => failed)) as StreamApiError).status).toBe(503);
    expect(labels()).toEqual(["A", "B", "C"]);
    model.latency = 0;
    await act(async () => {
      await result.current.remove.mutateAsync({ uid, audioUid: c?.uid ?? "" });
    });
    expect(labels()).toEqual(["A", "B"]);
    expect(model.audio.get(uid)?.map((t) => t.uid)).toEqual([a?.uid, b?.uid]);
  });

  it("refuses to delete the default track before any request", async () => {
    const uid = readyVideo();
    const [en] = tracks(uid, { label: "English", default: true });
    const { Wrapper } = wrapper();
    const { result } = renderHook(
      () => ({ list: useAudioTracks(uid), remove: useDeleteAudioTrack() }),
      { wrapper: Wrapper },
    );
    await waitFor(() => expect(result.current.list.data).toHaveLength(1));
    const error = await rejection(() =>
      result.current.remove.mutateAsync({ uid, audioUid: en?.uid ?? "" }),
    );
    expect(error).toBeInstanceOf(StreamValidationError);
    expect((error as Error).message).toContain("default audio track cannot be deleted");
    expect(result.current.list.data).toHaveLength(1);
    expect(model.count((r) => r.method === "DELETE")).toBe(0);
  });

  it("surfaces the API's refusal when the cache did not know it was the default", async () => {
    const uid = readyVideo();
    const [en] = tracks(uid, { label: "English", default: true });
    const { Wrapper } = wrapper();
    const { result } = renderHook(() => useDeleteAudioTrack(), { wrapper: Wrapper });
    const error = await rejection(() =>
      result.current.mutateAsync({ uid, audioUid: en?.uid ?? "" }),
    );
    expect((error as StreamApiError).status).toBe(400);
  });
});
