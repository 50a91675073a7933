import type { EventSourceConstructor } from "@streamkit/core/live";
import { makeUid, makeVideo, StreamModel } from "@streamkit/test-utils";
import { advance, serveModel } from "@streamkit/test-utils/vitest";
import { act, renderHook } from "@testing-library/react";
import { beforeEach, describe, expect, it } from "vitest";
import { FakeEventSource } from "../../../core/src/__tests__/fakeEventSource";
import { useStreamContext } from "../context";
import { useVideoStatus } from "../useVideoStatus";
import { wrapper } from "./render";

const model = new StreamModel();
serveModel(model, { fakeTimers: true });
beforeEach(() => {
  FakeEventSource.instances = [];
});

const live = { EventSource: FakeEventSource as unknown as EventSourceConstructor };

describe("live updates", () => {
  it("puts a webhook's video in the cache at once and stops polling it", async () => {
    const uid = makeUid();
    model.add(makeVideo(uid, "inprogress"));
    const { Wrapper } = wrapper({ liveUpdates: live });
    const { result } = renderHook(() => useVideoStatus(uid), { wrapper: Wrapper });
    await advance(0);
    act(() => FakeEventSource.instances[0]!.open());
    act(() => FakeEventSource.instances[0]!.emit("video", makeVideo(uid, "ready")));
    expect(result.current.isReady).toBe(true);
    const polls = model.count();
    await advance(120_000);
    expect(model.count()).toBe(polls);
  });

  it("polls slowly while events flow, and at the normal pace when the stream is lost", async () => {
    const uid = makeUid();
    model.add(makeVideo(uid, "inprogress"));
    const { Wrapper } = wrapper({ liveUpdates: live });
    const { result } = renderHook(
      () => ({ status: useVideoStatus(uid), ctx: useStreamContext() }),
      {
        wrapper: Wrapper,
      },
    );
    await advance(0);
    act(() => FakeEventSource.instances[0]!.open());
    expect(result.current.ctx.liveStatus).toBe("open");
    const start = model.count();
    await advance(29_000);
    expect(model.count()).toBe(start); // the 30 s safety net, not the 5 s pace
    act(() => FakeEventSource.instances[0]!.fail(true));
    expect(result.current.ctx.liveStatus).toBe("connecting");
    await advance(5_100);
    expect(model.count()).toBe(start + 1);
    await advance(5_000);
    expect(model.count()).toBe(start + 2);
  });

  it("closes the stream on unmount", async () => {
    const { Wrapper } = wrapper({ liveUpdates: live });
    const { unmount } = renderHook(() => null, { wrapper: Wrapper });
    await advance(0);
    unmount();
    expect(FakeEventSource.instances[0]?.closed).toBe(true);
  });
});
