import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { readVideoDuration } from "../duration";

/** jsdom has <video> but no media pipeline and no object URLs: both are played by the test. */
let created: HTMLVideoElement[] = [];
const revoked: string[] = [];

beforeEach(() => {
  created = [];
  revoked.length = 0;
  URL.createObjectURL = vi.fn(() => "blob:fake");
  URL.revokeObjectURL = vi.fn((url: string) => void revoked.push(url));
  vi.spyOn(HTMLMediaElement.prototype, "load").mockImplementation(() => {});
  const make = document.createElement.bind(document);
  vi.spyOn(document, "createElement").mockImplementation(((tag: string) => {
    const element = make(tag);
    if (tag === "video") created.push(element as HTMLVideoElement);
    return element;
  }) as typeof document.createElement);
});
afterEach(() => {
  vi.restoreAllMocks();
  vi.useRealTimers();
});

const file = new File([new Uint8Array(10)], "a.mp4", { type: "video/mp4" });

function answer(duration: number, event = "loadedmetadata") {
  const video = created[0]!;
  Object.defineProperty(video, "duration", { value: duration, configurable: true });
  video.dispatchEvent(new Event(event));
}

describe("readVideoDuration", () => {
  it("reads the metadata through an object URL, then lets both go", async () => {
    const reading = readVideoDuration(file);
    expect(created[0]?.preload).toBe("metadata");
    expect(created[0]?.getAttribute("src")).toBe("blob:fake");
    answer(12.5);
    await expect(reading).resolves.toBe(12.5);
    expect(revoked).toEqual(["blob:fake"]);
    expect(created[0]?.hasAttribute("src")).toBe(false);
  });

  it("is undefined for an unreadable file, an infinite duration, or no answer in time", async () => {
    const failing = readVideoDuration(file);
    answer(Number.NaN, "error");
    await expect(failing).resolves.toBeUndefined();

    created = [];
    const infinite = readVideoDuration(file);
    answer(Number.POSITIVE_INFINITY);
    await expect(infinite).resolves.toBeUndefined();

    vi.useFakeTimers();
    created = [];
    const slow = readVideoDuration(file, { timeoutMs: 1_000 });
    await vi.advanceTimersByTimeAsync(1_000);
    await expect(slow).resolves.toBeUndefined();
    expect(revoked).toHaveLength(3);
  });
});
