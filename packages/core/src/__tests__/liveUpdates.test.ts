import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { connectLiveUpdates } from "../liveUpdates";
import { FakeEventSource } from "./fakeEventSource";
import { UID_A, video } from "./fakeFetch";

describe("connectLiveUpdates", () => {
  beforeEach(() => {
    vi.useFakeTimers();
    FakeEventSource.instances = [];
  });
  afterEach(() => vi.useRealTimers());

  it("passes each video on and reports the stream's status", () => {
    const onVideo = vi.fn();
    const onStatus = vi.fn();
    connectLiveUpdates({
      url: "/api/stream/events",
      onVideo,
      onStatus,
      EventSource: FakeEventSource,
    });
    const source = FakeEventSource.instances[0]!;
    expect(source.url).toBe("/api/stream/events");
    source.open();
    source.emit("video", video(UID_A, "ready"));
    source.emit("video", "not json");
    source.emit("video", { uid: "../../x" });
    expect(onVideo).toHaveBeenCalledTimes(1);
    expect(onVideo).toHaveBeenCalledWith(expect.objectContaining({ uid: UID_A }));
    expect(onStatus.mock.calls.map(([s]) => s)).toEqual(["connecting", "open"]);
  });

  it("passes each live input event on, and drops malformed ones", () => {
    const onLiveInput = vi.fn();
    const onVideo = vi.fn();
    connectLiveUpdates({ url: "/e", onVideo, onLiveInput, EventSource: FakeEventSource });
    const source = FakeEventSource.instances[0]!;
    source.open();
    const event = {
      uid: UID_A,
      event_type: "live_input.connected",
      status: "connected",
      updated_at: "2026-12-07T12:00:00Z",
    };
    source.emit("live_input", event);
    source.emit("live_input", "not json");
    source.emit("live_input", { uid: "nope" });
    expect(onLiveInput.mock.calls).toEqual([[event]]);
    expect(onVideo).not.toHaveBeenCalled();
  });

  it("reconnects with backoff when the stream closes for good", () => {
    const onStatus = vi.fn();
    connectLiveUpdates({ url: "/e", onVideo: () => {}, onStatus, EventSource: FakeEventSource });
    FakeEventSource.instances[0]!.fail(true);
    expect(onStatus).toHaveBeenLastCalledWith("connecting");
    vi.advanceTimersByTime(999);
    expect(FakeEventSource.instances).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(FakeEventSource.instances).toHaveLength(2);
    FakeEventSource.instances[1]!.fail(true);
    vi.advanceTimersByTime(2000);
    expect(FakeEventSource.instances).toHaveLength(3);
    FakeEventSource.instances[2]!.open();
    expect(onStatus).toHaveBeenLastCalledWith("open");
  });

  it("leaves a transient drop to the browser's own reconnection", () => {
    connectLiveUpdates({ url: "/e", onVideo: () => {}, EventSource: FakeEventSource });
    FakeEventSource.instances[0]!.fail(false);
    vi.advanceTimersByTime(60_000);
    expect(FakeEventSource.instances).toHaveLength(1);
  });

  it("is unavailable without an EventSource, and closes cleanly", () => {
    const onStatus = vi.fn();
    vi.stubGlobal("EventSource", undefined);
    connectLiveUpdates({ url: "/e", onVideo: () => {}, onStatus });
    expect(onStatus).toHaveBeenCalledWith("unavailable");
    vi.unstubAllGlobals();
    const connection = connectLiveUpdates({
      url: "/e",
      onVideo: () => {},
      EventSource: FakeEventSource,
    });
    FakeEventSource.instances[0]!.fail(true);
    connection.close();
    vi.advanceTimersByTime(60_000);
    expect(FakeEventSource.instances).toHaveLength(1);
    expect(vi.getTimerCount()).toBe(0);
  });
});
