import { makeUid, makeVideo, StreamModel } from "@streamkit/test-utils";
import { advance, serveModel } from "@streamkit/test-utils/vitest";
import { act, renderHook } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { streamKeys } from "../keys";
import { useVideo } from "../useVideo";
import { useVideoStatus } from "../useVideoStatus";
import { wrapper } from "./render";

// `useVideo` and `useVideoStatus` share one cache entry per uid. Whatever an app does to the
// cache through `streamKeys`, as their docs invite, the entry keeps a real way to fetch: an
// invalidation or a refetch never puts it in error, and the poller keeps polling on its own.

const model = new StreamModel();
serveModel(model, { fakeTimers: true });

function both(uid: string) {
  return { video: useVideo(uid), status: useVideoStatus(uid) };
}

describe("one uid watched by useVideo and useVideoStatus", () => {
  const operations = [
    ["invalidateQueries", "all"],
    ["invalidateQueries", "videos"],
    ["refetchQueries", "all"],
    ["refetchQueries", "videos"],
  ] as const;

  it.each(operations)("%s on streamKeys.%s refetches the video, with no error", async (op, key) => {
    const uid = makeUid();
    model.add(makeVideo(uid, "ready"));
    const { Wrapper, queryClient } = wrapper();
    const { result } = renderHook(() => both(uid), { wrapper: Wrapper });
    await advance(0);
    expect(result.current.video.data?.uid).toBe(uid);
    expect(result.current.status.isReady).toBe(true);

    model.set(uid, { meta: { name: "renamed" } });
    const before = model.count();
    await act(async () => {
      await queryClient[op]({ queryKey: key === "all" ? streamKeys.all : streamKeys.videos() });
    });
    await advance(0);
    expect(result.current.video.error).toBeNull();
    expect(result.current.video.status).toBe("success");
    expect(result.current.video.data?.meta?.name).toBe("renamed");
    expect(result.current.status.error).toBeUndefined();
    expect(model.count()).toBeGreaterThan(before);
  });

  it("keeps polling a processing video through the poller after an invalidation", async () => {
    const uid = makeUid();
    model.add(makeVideo(uid, "inprogress", "20.000000"));
    const { Wrapper, queryClient } = wrapper();
    const { result } = renderHook(() => both(uid), { wrapper: Wrapper });
    await advance(0);
    expect(result.current.status.phase).toBe("processing");

    await act(async () => {
      await queryClient.invalidateQueries({ queryKey: streamKeys.all });
    });
    await advance(0);
    expect(result.current.video.error).toBeNull();

    model.set(uid, makeVideo(uid, "ready"));
    await advance(10_000);
    expect(result.current.status.isReady).toBe(true);
    expect(result.current.video.data?.readyToStream).toBe(true);
    // Ready: the poller stops, and nothing else polls in its place.
    const settled = model.count();
    await advance(60_000);
    expect(model.count()).toBe(settled);
  });

  it("useVideoStatus alone: an invalidation neither fetches nor errors (the poller owns it)", async () => {
    const uid = makeUid();
    model.add(makeVideo(uid, "ready"));
    const { Wrapper, queryClient } = wrapper();
    const { result } = renderHook(() => useVideoStatus(uid), { wrapper: Wrapper });
    await advance(0);
    expect(result.current.isReady).toBe(true);
    await act(async () => {
      await queryClient.refetchQueries({ queryKey: streamKeys.all });
      await queryClient.invalidateQueries({ queryKey: streamKeys.all });
    });
    await advance(0);
    expect(result.current.error).toBeUndefined();
    expect(queryClient.getQueryState(streamKeys.video(uid))?.status).toBe("success");
  });
});
