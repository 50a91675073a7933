import type { Video, VideoState } from "@streamkit/core";
import { makeUid, makeVideo, StreamModel } from "@streamkit/test-utils";
import { serveModel } from "@streamkit/test-utils/vitest";
import { act, renderHook, waitFor } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import * as main from "../index";
import { streamKeys } from "../keys";
import * as library from "../libraryEntry";
import { useDeleteVideos } from "../useDeleteVideos";
import { useListedVideo } from "../useListedVideo";
import { type UseVideoLibraryOptions, useVideoLibrary } from "../useVideoLibrary";
import { useVideos } from "../useVideos";
import { wrapper } from "./render";

const model = new StreamModel();
serveModel(model);

const named = (name: string, state: VideoState = "ready") =>
  makeVideo(makeUid(), state, state === "ready" ? "100" : "0", { meta: { name } });
const lists = () => model.count((r) => r.method === "GET" && !r.url.searchParams.has("id"));

describe("@streamkit/hooks/library", () => {
  it("is an entry of its own: the main entry stays within its budget", () => {
    expect(Object.keys(library).sort()).toEqual([
      "useDeleteVideos",
      "useListedVideo",
      "useVideoLibrary",
    ]);
    for (const name of Object.keys(library)) expect(Object.keys(main)).not.toContain(name);
  });
});

describe("useVideoLibrary", () => {
  it("tells loading from empty from ready, and empty from no matches", async () => {
    const { Wrapper } = wrapper();
    const { result, rerender } = renderHook(
      (options: UseVideoLibraryOptions) => useVideoLibrary(options),
      { wrapper: Wrapper, initialProps: {} },
    );
    expect(result.current.state).toBe("loading");
    await waitFor(() => expect(result.current.state).toBe("empty"));
    expect(result.current.filtered).toBe(false);

    model.add(named("Cat"));
    rerender({ status: "ready" });
    await waitFor(() => expect(result.current.state).toBe("ready"));
    expect(result.current.filtered).toBe(true);
    expect(model.requests.at(-1)?.url.searchParams.get("status")).toBe("ready");

    rerender({ filters: { creator: "nobody" } });
    await waitFor(() => expect(result.current.videos).toHaveLength(0));
    // The app's own filters are not the user's: an empty answer is "no videos yet".
    expect(result.current.filtered).toBe(false);
  });

  it("sends the search once typing pauses, at once when cleared or flushed", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "Date"] });
    try {
      model.add(named("Cat one"), named("Dog"), named("Cat two"));
      const { Wrapper } = wrapper();
      const { result, rerender } = renderHook(
        (options: UseVideoLibraryOptions) => useVideoLibrary({ searchDelayMs: 200, ...options }),
        { wrapper: Wrapper, initialProps: {} },
      );
      await act(() => vi.advanceTimersByTimeAsync(0));
      await vi.waitFor(() => expect(result.current.videos).toHaveLength(3));
      for (const search of ["c", "ca", " cat "]) {
        rerender({ search });
        await act(() => vi.advanceTimersByTimeAsync(100));
      }
      expect(lists()).toBe(1);
      await act(() => vi.advanceTimersByTimeAsync(100));
      expect(lists()).toBe(2);
      expect(model.requests.at(-1)?.url.searchParams.get("search")).toBe("cat");
      await vi.waitFor(() => expect(result.current.videos).toHaveLength(2));

      rerender({ search: "" });
      await act(() => vi.advanceTimersByTimeAsync(0));
      await vi.waitFor(() => expect(result.current.videos).toHaveLength(3));

      rerender({ search: "dog" });
      act(() => result.current.flushSearch());
      await act(() => vi.advanceTimersByTimeAsync(0));
      expect(model.requests.at(-1)?.url.searchParams.get("search")).toBe("dog");
    } finally {
      vi.useRealTimers();
    }
  });

  it("reports a failed first load as error", async () => {
    model.failures.push({ status: 403 });
    const { Wrapper } = wrapper({ retry: { retries: 0 } });
    const { result } = renderHook(() => useVideoLibrary(), { wrapper: Wrapper });
    await waitFor(() => expect(result.current.state).toBe("error"));
    expect(result.current.error).toBeInstanceOf(Error);
  });
});

describe("useDeleteVideos", () => {
  it("deletes many, says which went and which failed, and is stable", async () => {
    const [a, b, c] = [named("A"), named("B"), named("C")];
    model.add(a, b, c);
    model.failures.push({ status: 403, method: "DELETE", path: new RegExp(b.uid ?? "") });
    const { Wrapper } = wrapper({ retry: { retries: 0 } });
    const { result, rerender } = renderHook(
      () => ({ bulk: useDeleteVideos(), list: useVideos() }),
      { wrapper: Wrapper },
    );
    await waitFor(() => expect(result.current.list.videos).toHaveLength(3));
    const remove = result.current.bulk.remove;
    expect(result.current.bulk).toMatchObject({ deleted: 0, error: undefined, isPending: false });

    let pending: ReturnType<typeof remove> | undefined;
    act(() => {
      pending = remove([a.uid ?? "", b.uid ?? "", c.uid ?? ""]);
    });
    expect(result.current.bulk.isPending).toBe(true);
    const outcome = await act(async () => pending);
    expect(outcome?.deleted.sort()).toEqual([a.uid, c.uid].sort());
    expect(outcome?.failed.map((f) => f.uid)).toEqual([b.uid]);
    expect(result.current.bulk).toMatchObject({ deleted: 2, isPending: false });
    expect(result.current.bulk.error).toBeInstanceOf(Error);
    // The one that failed comes back, and only it: the others' deletes ran meanwhile.
    await waitFor(() => expect(result.current.list.videos.map((v) => v.uid)).toEqual([b.uid]));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(result.current.list.videos.map((v) => v.uid)).toEqual([b.uid]);
    rerender();
    expect(result.current.bulk.remove).toBe(remove);

    await act(async () => {
      await remove([b.uid ?? ""]);
    });
    expect(result.current.bulk).toMatchObject({ deleted: 1, error: undefined });
  });
});

describe("useListedVideo", () => {
  it("follows the video's own cache entry, never fetching it", async () => {
    const listed = named("Cat", "inprogress");
    const { Wrapper, queryClient } = wrapper();
    const { result } = renderHook((video: Video) => useListedVideo(video), {
      wrapper: Wrapper,
      initialProps: listed,
    });
    expect(result.current).toBe(listed);
    // The list's copy seeds the entry a status poller reads from.
    expect(queryClient.getQueryData(streamKeys.video(listed.uid ?? ""))).toBe(listed);

    const polled = { ...listed, status: { ...listed.status, state: "ready" as const } };
    act(() => queryClient.setQueryData(streamKeys.video(listed.uid ?? ""), polled));
    await waitFor(() => expect(result.current.status?.state).toBe("ready"));
    expect(model.count()).toBe(0);
  });

  it("prefers the list's copy when it is newer than the cached one", () => {
    const older = { ...named("Cat", "inprogress"), modified: "2026-01-01T00:00:00Z" };
    const { Wrapper } = wrapper();
    const { result, rerender } = renderHook((video: Video) => useListedVideo(video), {
      wrapper: Wrapper,
      initialProps: older,
    });
    const newer = { ...older, modified: "2026-01-02T00:00:00Z", meta: { name: "Renamed" } };
    rerender(newer);
    expect(result.current).toBe(newer);
  });
});
