import type { Video } from "@streamkit/core";
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { ClipEditor, StorageMeter } from "../mediaEntry";
import { addVideo, model, renderMedia, serveMediaModel } from "./mediaRender";

serveMediaModel();

const editor = () => screen.getByRole("region", { name: "Make a clip" });
const clipPosts = () => model.requests.filter((r) => r.method === "POST" && r.path === "/clip");

describe("ClipEditor", () => {
  // jsdom does not move a range input on arrow keys; the browser story does.
  it("picks a range on the sliders, creates the clip and follows it to ready", async () => {
    const user = userEvent.setup();
    const uid = addVideo("ready", { duration: 20 });
    const onCreated = vi.fn();
    const onReady = vi.fn();
    renderMedia(
      <ClipEditor uid={uid} preview="none" frames={4} onCreated={onCreated} onReady={onReady} />,
    );
    const start = await screen.findByRole("slider", { name: "Start" });
    const end = screen.getByRole("slider", { name: "End" });
    expect(editor()).toHaveAttribute("data-state", "idle");
    expect(end).toHaveAttribute("aria-valuetext", "20 seconds");
    expect(start).toHaveAccessibleDescription(
      "Whole seconds, from 0 to 20 (the video lasts 0:20).",
    );
    // The strip: the frames in the range are marked.
    const frames = within(screen.getByRole("list", { name: /Frames of the video/ })).getAllByRole(
      "listitem",
    );
    expect(frames).toHaveLength(4);

    fireEvent.change(start, { target: { value: "3" } });
    expect(start).toHaveValue("3");
    expect(start).toHaveAttribute("aria-valuetext", "3 seconds");
    expect(screen.getByRole("spinbutton", { name: "Start (seconds)" })).toHaveValue(3);
    expect(frames[0]).toHaveAttribute("data-state", "out");
    expect(frames[1]).toHaveAttribute("data-state", "in");
    fireEvent.change(end, { target: { value: "18" } });
    expect(end).toHaveValue("18");
    expect(screen.getByText("Clip length: 0:15")).toBeInTheDocument();
    await user.type(screen.getByRole("textbox", { name: "Name of the clip" }), "Intro");
    await user.click(screen.getByRole("button", { name: "Create clip" }));

    await waitFor(() => expect(onCreated).toHaveBeenCalledTimes(1));
    expect(clipPosts().at(-1)?.body).toEqual({
      clippedFromVideoUID: uid,
      startTimeSeconds: 3,
      endTimeSeconds: 18,
      name: "Intro",
    });
    const clip = onCreated.mock.calls[0]?.[0] as Video;
    expect(clip.clippedFrom).toBe(uid);
    await waitFor(() => expect(onReady).toHaveBeenCalledTimes(1));
    expect((onReady.mock.calls[0]?.[0] as Video | undefined)?.duration).toBe(15);
    expect(editor()).toHaveAttribute("data-state", "done");
    await waitFor(() =>
      expect(screen.getAllByRole("status").at(-1)).toHaveTextContent("Clip “Intro” is ready."),
    );
    expect(screen.getByRole("button", { name: "Make another clip" })).toBeInTheDocument();
  });

  it("checks the numbers inline and sends nothing while they are wrong", async () => {
    const user = userEvent.setup();
    const uid = addVideo("ready", { duration: 12.4 });
    renderMedia(<ClipEditor uid={uid} preview="none" />);
    const startField = await screen.findByRole("spinbutton", { name: "Start (seconds)" });
    const endField = screen.getByRole("spinbutton", { name: "End (seconds)" });
    expect(endField).toHaveValue(13);

    fireEvent.change(startField, { target: { value: "2.5" } });
    expect(startField).toHaveAttribute("aria-invalid", "true");
    expect(startField).toHaveAccessibleDescription(
      expect.stringContaining("Start must be a whole number of seconds from 0 to 12."),
    );
    fireEvent.change(startField, { target: { value: "8" } });
    expect(startField).not.toHaveAttribute("aria-invalid");
    fireEvent.change(endField, { target: { value: "8" } });
    expect(endField).toHaveAttribute("aria-invalid", "true");
    expect(endField).toHaveAccessibleDescription(
      expect.stringContaining("End must be after the start."),
    );
    await user.click(screen.getByRole("button", { name: "Create clip" }));
    expect(endField).toHaveFocus();
    fireEvent.change(endField, { target: { value: "99" } });
    expect(endField).toHaveAccessibleDescription(
      expect.stringContaining("End must be a whole number of seconds, at most 13."),
    );
    await user.click(screen.getByRole("button", { name: "Create clip" }));
    expect(clipPosts()).toHaveLength(0);
  });

  it("shows the API's refusal", async () => {
    const user = userEvent.setup();
    const uid = addVideo("ready", { duration: 20 });
    model.failures.push({
      status: 429,
      method: "POST",
      path: /^\/clip$/,
      message: "Too many clips at once",
    });
    renderMedia(<ClipEditor uid={uid} preview="none" />);
    await user.click(await screen.findByRole("button", { name: "Create clip" }));
    expect(await screen.findByRole("alert")).toHaveTextContent(/Too many clips at once/);
    expect(editor()).toHaveAttribute("data-state", "idle");
  });

  it("waits for a ready video, and starts over for a new uid", async () => {
    const waiting = addVideo("inprogress");
    const ready = addVideo("ready", { duration: 30 });
    const { rerender } = renderMedia(<ClipEditor uid={waiting} preview="none" />);
    expect(await screen.findByText("A clip can be made once the video is ready.")).toBeVisible();
    expect(editor()).toHaveAttribute("data-state", "waiting");
    rerender(
      <ClipEditor
        uid={ready}
        preview={({ start, end }) => <p>{`preview ${start}-${end}`}</p>}
        messages={{ heading: "Clip it", startLabel: "From" }}
      />,
    );
    expect(await screen.findByRole("slider", { name: "From" })).toBeInTheDocument();
    expect(screen.getByRole("region", { name: "Clip it" })).toBeInTheDocument();
    expect(screen.getByText("preview 0-30")).toBeInTheDocument();
  });

  it("says why a bad uid cannot be clipped", async () => {
    renderMedia(<ClipEditor uid="nope" preview="none" />);
    expect(await screen.findByRole("alert")).toHaveTextContent("uid");
    expect(editor()).toHaveAttribute("data-state", "error");
  });

  it("previews in a player that seeks to the start", async () => {
    const uid = addVideo("ready", { duration: 20 });
    renderMedia(<ClipEditor uid={uid} />);
    await screen.findByRole("slider", { name: "Start" });
    expect(document.querySelector(".sk-clip__preview")).not.toBeNull();
  });
});

describe("StorageMeter", () => {
  it("shows minutes against the limit as a meter, and the video count", async () => {
    addVideo("ready", { duration: 600 });
    addVideo("ready", { duration: 300, creator: "alice" } as Partial<Video>);
    renderMedia(<StorageMeter />);
    const meter = await screen.findByRole("meter", { name: "Minutes stored" });
    expect(meter).toHaveAttribute("aria-valuenow", "15");
    expect(meter).toHaveAttribute("aria-valuemax", "1000");
    expect(meter).toHaveAttribute("aria-valuetext", "15 of 1,000 minutes (2%)");
    expect(screen.getByText("2 videos")).toBeInTheDocument();
    expect(screen.getByRole("region", { name: "Storage" })).toHaveAttribute("data-state", "ready");
  });

  it("follows the creator prop and warns when nearly full", async () => {
    addVideo("ready", { duration: 600 });
    addVideo("ready", { duration: 300, creator: "alice" } as Partial<Video>);
    model.storageLimitMinutes = 6;
    const { rerender } = renderMedia(<StorageMeter creator="alice" />);
    await waitFor(() => expect(screen.getByText("1 video")).toBeInTheDocument());
    expect(screen.getByText("For alice")).toBeInTheDocument();
    expect(screen.getByRole("region", { name: "Storage" })).toHaveAttribute(
      "data-state",
      "warning",
    );
    expect(screen.getByText("Storage is nearly full.")).toBeInTheDocument();
    rerender(<StorageMeter messages={{ heading: "Space" }} />);
    await waitFor(() =>
      expect(screen.getByRole("region", { name: "Space" })).toHaveAttribute("data-state", "full"),
    );
    expect(screen.getByText("Storage is full: new uploads will be refused.")).toBeInTheDocument();
  });

  it("reports a failure with a way to try again", async () => {
    const user = userEvent.setup();
    model.failures.push({ status: 400, path: /storage-usage/, message: "Storage is resting" });
    renderMedia(<StorageMeter />);
    expect(await screen.findByRole("alert")).toHaveTextContent("Storage is resting");
    await user.click(screen.getByRole("button", { name: "Try again" }));
    expect(await screen.findByRole("meter")).toBeInTheDocument();
  });
});
