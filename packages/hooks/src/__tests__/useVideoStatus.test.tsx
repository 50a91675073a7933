import { StreamApiError, StreamNetworkError, StreamValidationError } from "@streamkit/core";
import { makeUid, makeVideo, StreamModel } from "@streamkit/test-utils";
import { advance, serveModel } from "@streamkit/test-utils/vitest";
import { renderHook } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { useVideoStatus } from "../useVideoStatus";
import { wrapper } from "./render";

const model = new StreamModel();
serveModel(model, { fakeTimers: true });

describe("useVideoStatus", () => {
  it("makes one request per interval for many components watching one uid", async () => {
    const uid = makeUid();
    model.add(makeVideo(uid, "inprogress", "40.000000"));
    const { Wrapper } = wrapper();
    const { result, unmount } = renderHook(
      () => Array.from({ length: 10 }, () => useVideoStatus(uid)),
      {
        wrapper: Wrapper,
      },
    );
    await advance(0);
    expect(model.count()).toBe(1);
    expect(result.current[9]).toMatchObject({ phase: "processing", progress: 0.4, isReady: false });
    await advance(5_000);
    expect(model.count()).toBe(2);
    await advance(5_000);
    expect(model.count()).toBe(3);
    await advance(50_000);
    expect(model.count()).toBe(13);
    unmount();
  });

  it("shares one request among many uids asked in one tick", async () => {
    const uids = Array.from({ length: 20 }, () => makeUid());
    model.add(...uids.map((u) => makeVideo(u, "queued", "0")));
    const { Wrapper } = wrapper();
    const { result } = renderHook(() => uids.map((uid) => useVideoStatus(uid)), {
      wrapper: Wrapper,
    });
    await advance(0);
    expect(model.count()).toBe(1);
    expect(model.requests[0]?.url.searchParams.get("id")?.split(",")).toHaveLength(20);
    expect(result.current.map((r) => r.video?.uid)).toEqual(uids);
    expect(result.current.every((r) => r.phase === "queued")).toBe(true);
  });

  it("stops at ready and calls onReady once", async () => {
    const uid = makeUid();
    model.add(makeVideo(uid, "inprogress", "50.000000"));
    const onReady = vi.fn();
    const { Wrapper } = wrapper();
    const { result } = renderHook(() => useVideoStatus(uid, { onReady }), { wrapper: Wrapper });
    await advance(0);
    model.set(uid, makeVideo(uid, "ready", "100.000000"));
    await advance(5_000);
    expect(result.current).toMatchObject({ phase: "ready", isReady: true, progress: 1 });
    const after = model.count();
    await advance(120_000);
    expect(model.count()).toBe(after);
    expect(onReady).toHaveBeenCalledTimes(1);
  });

  it("stops at error, with the reason and onError", async () => {
    const uid = makeUid();
    model.add(makeVideo(uid, "queued"));
    const onError = vi.fn();
    const { Wrapper } = wrapper();
    const { result } = renderHook(() => useVideoStatus(uid, { onError }), { wrapper: Wrapper });
    await advance(0);
    model.set(uid, makeVideo(uid, "error"));
    await advance(2_000);
    expect(result.current.phase).toBe("error");
    expect(result.current.errorReason?.code).toBe("ERR_NON_VIDEO");
    const after = model.count();
    await advance(120_000);
    expect(model.count()).toBe(after);
    expect(onError).toHaveBeenCalledWith(
      expect.objectContaining({ uid }),
      expect.objectContaining({ code: "ERR_NON_VIDEO" }),
    );
  });

  it("backs off after failures and honours retry-after", async () => {
    const uid = makeUid();
    model.add(makeVideo(uid, "inprogress"));
    model.failures = [
      { status: 503 },
      { status: 503 },
      { status: 429, headers: { "retry-after": "30" } },
    ];
    const { Wrapper } = wrapper();
    const { result } = renderHook(() => useVideoStatus(uid), { wrapper: Wrapper });
    await advance(0);
    expect(model.count()).toBe(1);
    expect(result.current.error).toBeInstanceOf(StreamApiError);
    await advance(1_900);
    expect(model.count()).toBe(1);
    await advance(200);
    expect(model.count()).toBe(2); // 2 s after the first failure
    await advance(3_800);
    expect(model.count()).toBe(2);
    await advance(300);
    expect(model.count()).toBe(3); // 4 s after the second
    expect((result.current.error as StreamApiError).status).toBe(429);
    await advance(29_000);
    expect(model.count()).toBe(3); // retry-after 30 s beats the 8 s backoff
    await advance(1_500);
    expect(model.count()).toBe(4);
    expect(result.current.error).toBeUndefined();
    expect(result.current.phase).toBe("processing");
  });

  it("makes no request and no state update after unmount", async () => {
    const uid = makeUid();
    model.add(makeVideo(uid, "inprogress"));
    const errors = vi.spyOn(console, "error");
    const { Wrapper } = wrapper();
    const { unmount } = renderHook(() => useVideoStatus(uid), { wrapper: Wrapper });
    await advance(0);
    expect(model.count()).toBe(1);
    unmount();
    await advance(300_000);
    expect(model.count()).toBe(1);
    expect(vi.getTimerCount()).toBe(0);
    expect(errors).not.toHaveBeenCalled();
  });

  it("puts typed errors in `error`", async () => {
    const uid = makeUid();
    model.failures = [{ status: 200, body: "<html>not json</html>" }];
    model.add(makeVideo(uid));
    const { Wrapper } = wrapper();
    const { result } = renderHook(() => useVideoStatus(uid), { wrapper: Wrapper });
    await advance(0);
    expect(result.current.error).toBeInstanceOf(StreamNetworkError);
  });

  it("gives a not-found error for an unknown uid and stops", async () => {
    const { Wrapper } = wrapper();
    const uid = makeUid();
    const { result } = renderHook(() => useVideoStatus(uid), { wrapper: Wrapper });
    await advance(0);
    expect(result.current.error).toMatchObject({ name: "StreamApiError", status: 404 });
    await advance(60_000);
    expect(model.count()).toBe(2); // the batched list, then the video on its own
  });

  it("refuses a malformed uid without a request", async () => {
    const { Wrapper } = wrapper();
    const { result } = renderHook(() => useVideoStatus("not-a-uid"), { wrapper: Wrapper });
    await advance(10_000);
    expect(result.current.error).toBeInstanceOf(StreamValidationError);
    expect(model.count()).toBe(0);
  });

  it("follows a uid prop change and stops watching the old one", async () => {
    const a = makeUid();
    const b = makeUid();
    model.add(makeVideo(a, "inprogress"), makeVideo(b, "ready"));
    const { Wrapper } = wrapper();
    const { result, rerender } = renderHook(({ uid }) => useVideoStatus(uid), {
      wrapper: Wrapper,
      initialProps: { uid: a },
    });
    await advance(0);
    rerender({ uid: b });
    await advance(0);
    expect(result.current.video?.uid).toBe(b);
    expect(result.current.isReady).toBe(true);
    const after = model.count();
    await advance(60_000);
    expect(model.count()).toBe(after);
  });

  it("pauses while the page is hidden and polls when it is shown again", async () => {
    const uid = makeUid();
    model.add(makeVideo(uid, "inprogress"));
    const { Wrapper } = wrapper();
    renderHook(() => useVideoStatus(uid), { wrapper: Wrapper });
    await advance(0);
    const visibility = vi.spyOn(document, "visibilityState", "get").mockReturnValue("hidden");
    document.dispatchEvent(new Event("visibilitychange"));
    await advance(60_000);
    expect(model.count()).toBe(1);
    visibility.mockReturnValue("visible");
    document.dispatchEvent(new Event("visibilitychange"));
    await advance(0);
    expect(model.count()).toBe(2);
    visibility.mockRestore();
  });

  it("does nothing while disabled", async () => {
    const uid = makeUid();
    model.add(makeVideo(uid));
    const { Wrapper } = wrapper();
    renderHook(() => useVideoStatus(uid, { enabled: false }), { wrapper: Wrapper });
    await advance(30_000);
    expect(model.count()).toBe(0);
  });
});
