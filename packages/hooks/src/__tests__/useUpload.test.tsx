import { StreamValidationError } from "@streamkit/core";
import { VideoProcessingError } from "@streamkit/core/upload";
import { makeVideo, StreamModel } from "@streamkit/test-utils";
import { advance as advanceClock, serveModel } from "@streamkit/test-utils/vitest";
import { act, renderHook } from "@testing-library/react";
import { type ReactNode, StrictMode } from "react";
import { describe, expect, it, vi } from "vitest";
import { type UseUploadOptions, useUpload } from "../useUpload";
import { useVideoStatus } from "../useVideoStatus";
import { useVideos } from "../useVideos";
import { wrapper } from "./render";

// The model's direct uploads point their one-time URLs at http://upload.test.
const model = new StreamModel();
serveModel(model, { fakeTimers: true });
const hold = () => model.hold();
// XHR uploads need more I/O turns than reads to settle.
const advance = (ms: number) => advanceClock(ms, 8);

/** Advances until `check` passes (msw and XHR need real I/O turns between fake-time steps). */
async function until(check: () => void, steps = 40) {
  for (let i = 0; ; i++) {
    try {
      check();
      return;
    } catch (error) {
      if (i >= steps) throw error;
      await advance(10);
    }
  }
}

const video = (name: string) =>
  new File([new Uint8Array(1000)], name, { type: "video/mp4", lastModified: 1 });

function renderUpload(options: UseUploadOptions = {}) {
  const { Wrapper, queryClient } = wrapper();
  const rendered = renderHook(
    () => useUpload({ readDuration: false, retryDelays: [5], ...options }),
    {
      wrapper: Wrapper,
    },
  );
  return { ...rendered, queryClient };
}

const states = (items: { name: string; state: string }[]) =>
  Object.fromEntries(items.map((i) => [i.name, i.state]));

describe("useUpload", () => {
  it("queues files two at a time, then follows processing to ready through the cache", async () => {
    const onUploaded = vi.fn();
    const onReady = vi.fn();
    const { Wrapper } = wrapper();
    const { result } = renderHook(
      () => {
        const upload = useUpload({ readDuration: false, onUploaded, onReady });
        const first = upload.items[0]?.uid;
        return { upload, status: useVideoStatus(first), list: useVideos() };
      },
      { wrapper: Wrapper },
    );
    await advance(0);
    const release = hold();
    act(() => {
      result.current.upload.add([video("a.mp4"), video("b.mp4"), video("c.mp4")]);
    });
    await until(() =>
      expect(states(result.current.upload.items)).toEqual({
        "a.mp4": "uploading",
        "b.mp4": "uploading",
        "c.mp4": "queued",
      }),
    );
    expect(result.current.upload.isUploading).toBe(true);
    const lists = () =>
      model.count(
        (r) =>
          r.method === "GET" && r.url.pathname === "/api/stream" && !r.url.searchParams.has("id"),
      );
    const listsBefore = lists();
    release();
    await until(() =>
      expect(result.current.upload.items.map((i) => i.state)).toEqual([
        "processing",
        "processing",
        "processing",
      ]),
    );
    const a = result.current.upload.items[0]!;
    expect(a).toMatchObject({ percent: 0, bytesUploaded: 1000, protocol: "basic" });
    // The cache was seeded: useVideoStatus(uid) knows the video without having fetched it.
    expect(result.current.status.phase).toBe("queued");
    expect(onUploaded).toHaveBeenCalledTimes(3);
    await until(() => expect(lists()).toBeGreaterThan(listsBefore)); // lists refreshed

    model.set(a.uid!, makeVideo(a.uid!, "inprogress", "40.000000"));
    await advance(2_000);
    await until(() =>
      expect(result.current.upload.items[0]).toMatchObject({ state: "processing", percent: 40 }),
    );
    expect(result.current.status.phase).toBe("processing");

    model.set(a.uid!, makeVideo(a.uid!, "ready", "100.000000"));
    await advance(5_000);
    await until(() => expect(result.current.upload.items[0]?.state).toBe("ready"));
    expect(onReady).toHaveBeenCalledTimes(1);
    expect(onReady.mock.calls[0]?.[0]).toMatchObject({ uid: a.uid, readyToStream: true });
    await advance(60_000);
    expect(onReady).toHaveBeenCalledTimes(1);
  });

  it("refuses files before any request, with a typed error that cannot be retried", async () => {
    const onError = vi.fn();
    const { result } = renderUpload({ onError, maxSizeBytes: 500 });
    act(() => {
      result.current.add([new File(["x"], "notes.txt", { type: "text/plain" }), video("big.mp4")]);
    });
    await advance(0);
    const [text, big] = result.current.items;
    expect(text).toMatchObject({ state: "error", canRetry: false });
    expect(text?.error).toBeInstanceOf(StreamValidationError);
    expect(text?.error).toMatchObject({ field: "type" });
    expect(big?.error).toMatchObject({ field: "size" });
    expect(onError).toHaveBeenCalledTimes(2);
    expect(model.requests).toEqual([]);
    act(() => result.current.retry(text!.id));
    await advance(10);
    expect(model.requests).toEqual([]);
  });

  it("pauses, resumes, retries, cancels and removes", async () => {
    const { result } = renderUpload();
    model.uploadFailures.push(500, 500); // the first POST and its one retry fail: error
    act(() => {
      result.current.add([video("a.mp4")]);
    });
    await until(() => expect(result.current.items[0]?.state).toBe("error"));
    expect(result.current.items[0]).toMatchObject({ canRetry: true });
    const a = result.current.items[0]!.id;
    act(() => result.current.retry(a));
    await until(() => expect(result.current.items[0]?.state).toBe("processing"));

    const release = hold();
    act(() => {
      result.current.add([video("b.mp4"), video("c.mp4")]);
    });
    await until(() => expect(result.current.items[2]?.uid).toBeDefined());
    const [, b, c] = result.current.items;
    act(() => result.current.pause(b!.id));
    expect(result.current.items[1]?.state).toBe("paused");
    act(() => result.current.resume(b!.id));
    expect(result.current.items[1]?.state).toBe("uploading");

    await act(async () => {
      await result.current.cancel(c!.id);
    });
    expect(result.current.items[2]?.state).toBe("cancelled");
    expect(model.count((r) => r.method === "DELETE" && r.url.pathname.endsWith(c!.uid!))).toBe(1);
    await act(async () => {
      await result.current.remove(c!.id);
    });
    expect(result.current.items.map((i) => i.name)).toEqual(["a.mp4", "b.mp4"]);
    release();
    await until(() => expect(result.current.items[1]?.state).toBe("processing"));
    await act(async () => {
      await result.current.cancelAll();
    });
    expect(result.current.items.map((i) => i.state)).toEqual(["processing", "processing"]);
  });

  /** An upload held before its bytes land, beside a list fetched while its placeholder waits. */
  async function heldBesideList(name: string) {
    const { Wrapper, queryClient } = wrapper();
    const { result } = renderHook(
      () => ({ upload: useUpload({ readDuration: false }), list: useVideos() }),
      { wrapper: Wrapper },
    );
    await until(() => expect(result.current.list.isSuccess).toBe(true));
    const release = hold();
    act(() => {
      result.current.upload.add([video(name)]);
    });
    await until(() => expect(result.current.upload.items[0]?.uid).toBeDefined());
    const { id, uid } = result.current.upload.items[0]!;
    // The list shows the placeholder, as a library refetched at that moment would.
    await act(() => queryClient.invalidateQueries());
    await until(() => expect(result.current.list.videos.map((v) => v.uid)).toContain(uid));
    const listed = () => result.current.list.videos.map((v) => v.uid);
    return { result, release, id, uid: uid!, listed };
  }

  it("a file the API refuses leaves no placeholder behind, in the API or in any cached list", async () => {
    const { result, release, uid, listed } = await heldBesideList("notes.mp4");
    model.uploadFailures.push({ status: 400, code: 10059, message: "not a video" });
    release();
    await until(() => expect(result.current.upload.items[0]?.state).toBe("error"));
    // The same bytes would be refused again: no Retry is offered.
    expect(result.current.upload.items[0]).toMatchObject({ canRetry: false });
    await until(() => expect(listed()).not.toContain(uid));
    expect(model.videos.has(uid)).toBe(false);
  });

  it("a row removed before its bytes are in takes its video out of the lists", async () => {
    const { result, release, id, uid, listed } = await heldBesideList("draft.mp4");
    await act(() => result.current.upload.remove(id));
    expect(result.current.upload.items).toEqual([]);
    await until(() => expect(listed()).not.toContain(uid));
    release();
    await advance(100);
    expect(model.videos.has(uid)).toBe(false);
  });

  it("reports a processing failure as VideoProcessingError", async () => {
    const onError = vi.fn();
    const { result } = renderUpload({ onError });
    act(() => {
      result.current.add([video("broken.mp4")]);
    });
    await until(() => expect(result.current.items[0]?.state).toBe("processing"));
    const uid = result.current.items[0]!.uid!;
    model.set(uid, makeVideo(uid, "error"));
    await advance(2_000);
    await until(() => expect(result.current.items[0]?.state).toBe("error"));
    expect(result.current.items[0]?.error).toBeInstanceOf(VideoProcessingError);
    expect(result.current.items[0]?.errorReason?.code).toBe("ERR_NON_VIDEO");
    expect(onError).toHaveBeenCalledWith(expect.any(VideoProcessingError), expect.anything());
  });

  it("stops every upload on unmount (deleting half videos), and sets nothing afterwards", async () => {
    const consoleError = vi.spyOn(console, "error");
    const { result, unmount } = renderUpload();
    const release = hold();
    act(() => {
      result.current.add([video("a.mp4"), video("b.mp4")]);
    });
    await until(() =>
      expect(result.current.items.map((i) => i.state)).toEqual(["uploading", "uploading"]),
    );
    await until(() => expect(result.current.items.every((i) => i.uid)).toBe(true));
    const uids = result.current.items.map((i) => i.uid);
    unmount();
    await advance(10);
    release();
    await advance(100);
    for (const uid of uids) {
      expect(model.count((r) => r.method === "DELETE" && r.url.pathname.endsWith(uid!))).toBe(1);
    }
    for (const uid of uids) expect(model.videos.has(uid!)).toBe(false);
    expect(consoleError).not.toHaveBeenCalled();
  });

  it("with onUnmount: pause, leaves them on the server for a later visit", async () => {
    const { result, unmount } = renderUpload({ onUnmount: "pause" });
    const release = hold();
    act(() => {
      result.current.add([video("a.mp4")]);
    });
    await until(() => expect(result.current.items[0]?.state).toBe("uploading"));
    unmount();
    await advance(10);
    release();
    await advance(100);
    expect(model.count((r) => r.method === "DELETE")).toBe(0);
  });

  it("survives StrictMode's mount rehearsal", async () => {
    const { Wrapper } = wrapper();
    const { result } = renderHook(() => useUpload({ readDuration: false }), {
      wrapper: ({ children }: { children: ReactNode }) => (
        <StrictMode>
          <Wrapper>{children}</Wrapper>
        </StrictMode>
      ),
    });
    await advance(10);
    act(() => {
      result.current.add([video("a.mp4")]);
    });
    await until(() => expect(result.current.items[0]?.state).toBe("processing"));
  });
});
