import { StreamValidationError, type Video } from "@streamkit/core";
import { makeUid, makeVideo, StreamModel } from "@streamkit/test-utils";
import { serveModel } from "@streamkit/test-utils/vitest";
import { act, renderHook, waitFor } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { streamKeys } from "../keys";
import { useDeleteVideo } from "../useDeleteVideo";
import { useUpdateVideo } from "../useUpdateVideo";
import { useUploadFromUrl } from "../useUploadFromUrl";
import { useVideo } from "../useVideo";
import { useVideos } from "../useVideos";
import { wrapper } from "./render";

const model = new StreamModel();
serveModel(model);

describe("useUploadFromUrl", () => {
  it("copies, seeds the new video into the cache and refreshes lists", async () => {
    const { Wrapper, queryClient } = wrapper();
    const { result } = renderHook(() => ({ upload: useUploadFromUrl(), list: useVideos() }), {
      wrapper: Wrapper,
    });
    await waitFor(() => expect(result.current.list.isSuccess).toBe(true));
    expect(result.current.list.videos).toHaveLength(0);
    let video: Video | undefined;
    await act(async () => {
      video = await result.current.upload.mutateAsync({
        input: "https://example.com/cat.mp4",
        meta: { name: "Cat" },
      });
    });
    expect(video?.status?.state).toBe("downloading");
    expect(queryClient.getQueryData(streamKeys.video(video?.uid ?? ""))).toEqual(video);
    await waitFor(() => expect(result.current.list.videos.map((v) => v.uid)).toEqual([video?.uid]));
  });

  it("refuses a non-http URL before any request", async () => {
    const { Wrapper } = wrapper();
    const { result } = renderHook(() => useUploadFromUrl(), { wrapper: Wrapper });
    await act(async () => {
      await result.current.mutateAsync({ input: "file:///etc/passwd" }).catch(() => {});
    });
    await waitFor(() => expect(result.current.error).toBeInstanceOf(StreamValidationError));
    expect(model.count()).toBe(0);
  });
});

describe("useVideos", () => {
  it("filters and pages with cursors", async () => {
    model.add(
      ...Array.from({ length: 5 }, (_, i) => makeVideo(makeUid(), i % 2 ? "ready" : "error")),
    );
    const { Wrapper } = wrapper();
    const { result } = renderHook(() => useVideos({ limit: 2, include_counts: true }), {
      wrapper: Wrapper,
    });
    await waitFor(() => expect(result.current.videos).toHaveLength(2));
    expect(result.current.total).toBe(5);
    expect(result.current.hasNextPage).toBe(true);
    await act(async () => {
      await result.current.fetchNextPage();
    });
    await act(async () => {
      await result.current.fetchNextPage();
    });
    expect(result.current.videos).toHaveLength(5);
    expect(new Set(result.current.videos.map((v) => v.uid)).size).toBe(5);
    expect(result.current.hasNextPage).toBe(false);
    const cursor = model.requests[1]?.url.searchParams.get("before");
    expect(cursor).toBe(result.current.videos[1]?.created);

    const filtered = renderHook(() => useVideos({ status: "ready" }), { wrapper: Wrapper });
    await waitFor(() => expect(filtered.result.current.videos).toHaveLength(2));
  });

  it("reports a refusal as a typed error at once, without retrying", async () => {
    model.failures = [{ status: 403 }];
    const { Wrapper } = wrapper();
    const { result } = renderHook(() => useVideos(), { wrapper: Wrapper });
    await waitFor(() =>
      expect(result.current.error).toMatchObject({ name: "StreamApiError", status: 403 }),
    );
    expect(model.count()).toBe(1);
  });

  it("retries a failing backend twice, then reports it", async () => {
    model.failures = [{ status: 503 }, { status: 503 }, { status: 503 }];
    const { Wrapper } = wrapper();
    const { result } = renderHook(() => useVideos(), { wrapper: Wrapper });
    await waitFor(
      () => expect(result.current.error).toMatchObject({ name: "StreamApiError", status: 503 }),
      { timeout: 6000 },
    );
    expect(model.count()).toBe(3);
  });
});

describe("useUpdateVideo", () => {
  it("shows the change at once in the video and the lists, then keeps the server's answer", async () => {
    const uid = makeUid();
    model.add(makeVideo(uid, "ready"));
    const { Wrapper } = wrapper();
    const { result } = renderHook(
      () => ({ video: useVideo(uid), list: useVideos(), update: useUpdateVideo() }),
      {
        wrapper: Wrapper,
      },
    );
    await waitFor(() =>
      expect(result.current.video.data && result.current.list.videos.length).toBe(1),
    );
    act(() => result.current.update.mutate({ uid, changes: { meta: { name: "Renamed" } } }));
    await waitFor(() => expect(result.current.video.data?.meta?.name).toBe("Renamed"));
    expect(result.current.list.videos[0]?.meta?.name).toBe("Renamed");
    await waitFor(() => expect(result.current.update.isSuccess).toBe(true));
    expect(model.videos.get(uid)?.meta?.name).toBe("Renamed");
  });

  it("rolls back when the request fails", async () => {
    const uid = makeUid();
    model.add(makeVideo(uid, "ready"));
    const { Wrapper } = wrapper();
    const { result } = renderHook(
      () => ({ video: useVideo(uid), list: useVideos(), update: useUpdateVideo() }),
      {
        wrapper: Wrapper,
      },
    );
    await waitFor(() => expect(result.current.list.videos.length).toBe(1));
    const original = result.current.video.data?.meta?.name;
    model.failures = [{ status: 500 }];
    await act(async () => {
      await result.current.update
        .mutateAsync({ uid, changes: { meta: { name: "Nope" } } })
        .catch(() => {});
    });
    expect(result.current.video.data?.meta?.name).toBe(original);
    expect(result.current.list.videos[0]?.meta?.name).toBe(original);
    expect(result.current.update.error).toMatchObject({ status: 500 });
  });
});

describe("useDeleteVideo", () => {
  it("removes the video from lists at once and for good", async () => {
    const uid = makeUid();
    model.add(makeVideo(uid, "ready"), makeVideo(makeUid(), "ready"));
    const { Wrapper } = wrapper();
    const { result } = renderHook(() => ({ list: useVideos(), remove: useDeleteVideo() }), {
      wrapper: Wrapper,
    });
    await waitFor(() => expect(result.current.list.videos).toHaveLength(2));
    await act(async () => {
      await result.current.remove.mutateAsync(uid);
    });
    expect(result.current.list.videos.map((v) => v.uid)).not.toContain(uid);
    expect(model.videos.has(uid)).toBe(false);
  });

  it("puts it back when the request fails", async () => {
    const uid = makeUid();
    model.add(makeVideo(uid, "ready"));
    const { Wrapper } = wrapper();
    const { result } = renderHook(() => ({ list: useVideos(), remove: useDeleteVideo() }), {
      wrapper: Wrapper,
    });
    await waitFor(() => expect(result.current.list.videos).toHaveLength(1));
    model.failures = [{ status: 403 }];
    await act(async () => {
      await result.current.remove.mutateAsync(uid).catch(() => {});
    });
    expect(result.current.list.videos.map((v) => v.uid)).toEqual([uid]);
    expect(result.current.remove.error).toMatchObject({ status: 403 });
  });
});
