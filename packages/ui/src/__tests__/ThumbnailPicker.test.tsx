import { makeUid, makeVideo, StreamModel } from "@streamkit/test-utils";
import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { ThumbnailPicker } from "../ThumbnailPicker";
import { frameTimes, nearestFrame, timestampPct } from "../thumbnails/frames";
import { advance, failOnConsoleError, renderWithStream, useFakeClock } from "./dashboardRender";

const model = new StreamModel();
const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterAll(() => server.close());
beforeEach(() => {
  model.reset();
  server.resetHandlers(...model.handlers());
});
afterEach(() => vi.useRealTimers());
failOnConsoleError();

const fast = { polling: { waitingMs: 20, processingMs: 20 } };
// Frames are spread across an 80 s video unless a test says otherwise.
function seed(state: "ready" | "inprogress" | "error" = "ready", extra = {}) {
  const video = makeVideo(makeUid(), state, state === "ready" ? "100" : "40", {
    meta: { name: "Cat" },
    ...(state === "ready" ? { duration: 80 } : {}),
    ...extra,
  });
  model.add(video);
  return video.uid ?? "";
}
const radios = () => screen.getAllByRole("radio");
const checked = () => screen.getByRole("radio", { checked: true });

describe("frames", () => {
  it("spreads frames from 0 across the duration", () => {
    expect(frameTimes(80, 8)).toEqual([0, 10, 20, 30, 40, 50, 60, 70]);
    expect(frameTimes(0.02, 8)).toEqual([0, 0.01, 0.02]);
    expect(nearestFrame([0, 10, 20], 14)).toBe(1);
    expect(timestampPct(30, 80)).toBe(0.375);
  });
});

describe("ThumbnailPicker", () => {
  it("offers 8 frames as a radio group with one tab stop, starting at the saved thumbnail", async () => {
    const uid = seed("ready", { thumbnailTimestampPct: 0.25 });
    renderWithStream(<ThumbnailPicker uid={uid} />);
    expect(screen.getByText("Loading…")).toBeInTheDocument();
    const group = await screen.findByRole("radiogroup", { name: "Choose a frame" });
    expect(screen.getByRole("heading", { level: 2, name: "Thumbnail" })).toBeInTheDocument();
    expect(radios()).toHaveLength(8);
    expect(checked()).toHaveAccessibleName("Frame at 20.0 seconds");
    expect(radios().filter((r) => r.tabIndex === 0)).toEqual([checked()]);
    const img = group.querySelectorAll("img")[3];
    expect(img?.getAttribute("src")).toContain(`/${uid}/thumbnails/thumbnail.jpg?time=30s`);
    expect(screen.getByRole("img", { name: "Chosen frame, at 20.0 seconds" })).toBeInTheDocument();
  });

  it("moves with the arrow keys, Home and End, and saves the chosen frame", async () => {
    const user = userEvent.setup();
    const uid = seed();
    const onSaved = vi.fn();
    renderWithStream(<ThumbnailPicker uid={uid} onSaved={onSaved} />);
    await screen.findByRole("radiogroup");
    await user.tab();
    expect(checked()).toHaveFocus();
    await user.keyboard("{ArrowRight}{ArrowRight}{ArrowDown}");
    expect(checked()).toHaveAccessibleName("Frame at 30.0 seconds");
    expect(checked()).toHaveFocus();
    await user.keyboard("{ArrowLeft}");
    expect(checked()).toHaveAccessibleName("Frame at 20.0 seconds");
    await user.keyboard("{End}");
    expect(checked()).toHaveAccessibleName("Frame at 70.0 seconds");
    await user.keyboard("{ArrowRight}");
    expect(checked()).toHaveAccessibleName("Frame at 0.0 seconds");
    await user.keyboard("{ArrowUp}");
    expect(checked()).toHaveAccessibleName("Frame at 70.0 seconds");
    await user.keyboard("{Home}{ArrowRight}{ArrowRight}{ArrowRight}");
    expect(screen.getByRole("img", { name: "Chosen frame, at 30.0 seconds" })).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Use this frame" }));
    expect(await screen.findByText("Thumbnail saved.")).toBeInTheDocument();
    expect(model.of("POST")[0]?.body).toEqual({ thumbnailTimestampPct: 0.375 });
    expect(onSaved).toHaveBeenCalledWith(expect.objectContaining({ thumbnailTimestampPct: 0.375 }));
  });

  it("chooses with a click or Space", async () => {
    const user = userEvent.setup();
    renderWithStream(<ThumbnailPicker uid={seed()} frames={4} />);
    await screen.findByRole("radiogroup");
    expect(radios()).toHaveLength(4);
    await user.click(radios()[2] as HTMLElement);
    expect(checked()).toHaveAccessibleName("Frame at 40.0 seconds");
  });

  it("waits, with an explanation, until the video is ready", async () => {
    const uid = seed("inprogress");
    renderWithStream(<ThumbnailPicker uid={uid} />, fast);
    expect(
      await screen.findByText("Frames can be chosen once the video is ready."),
    ).toBeInTheDocument();
    const save = screen.getByRole("button", { name: "Use this frame" });
    expect(save).toBeDisabled();
    expect(save).toHaveAccessibleDescription("Frames can be chosen once the video is ready.");
    expect(screen.queryByRole("radiogroup")).toBeNull();
    model.set(uid, makeVideo(uid, "ready", "100", { meta: { name: "Cat" } }));
    expect(await screen.findByRole("radiogroup")).toBeInTheDocument();
  });

  it("explains that a failed video has no frames", async () => {
    renderWithStream(<ThumbnailPicker uid={seed("error")} />);
    expect(await screen.findByText(/could not be processed/)).toBeInTheDocument();
    expect(document.querySelector(".sk-picker")).toHaveAttribute("data-state", "unavailable");
  });

  it("reports a failed save", async () => {
    const uid = seed();
    model.failures.push({ status: 403, method: "POST" });
    renderWithStream(<ThumbnailPicker uid={uid} />);
    await userEvent.click(await screen.findByRole("button", { name: "Use this frame" }));
    expect(await screen.findByRole("alert")).toHaveTextContent(/Something went wrong/);
  });

  it("starts over for a new uid and follows a new frame count", async () => {
    const a = seed("ready", { thumbnailTimestampPct: 0.5 });
    const b = seed("ready", { duration: 16 });
    const { rerender } = renderWithStream(<ThumbnailPicker uid={a} />);
    await screen.findByRole("radiogroup");
    expect(checked()).toHaveAccessibleName("Frame at 40.0 seconds");
    rerender(<ThumbnailPicker uid={b} />);
    await waitFor(() => expect(checked()).toHaveAccessibleName("Frame at 0.0 seconds"));
    expect(radios()[1]).toHaveAccessibleName("Frame at 2.0 seconds");
    rerender(<ThumbnailPicker uid={b} frames={2} />);
    expect(radios()).toHaveLength(2);
  });

  it("stops polling a processing video when unmounted", async () => {
    useFakeClock();
    const uid = seed("inprogress");
    const { unmount } = renderWithStream(<ThumbnailPicker uid={uid} />);
    await advance(0);
    await advance(5_000);
    expect(model.count()).toBe(2);
    unmount();
    await advance(60_000);
    expect(model.count()).toBe(2);
    expect(vi.getTimerCount()).toBe(0);
  });
});
