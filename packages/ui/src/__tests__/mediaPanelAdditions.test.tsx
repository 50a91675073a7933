import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { CaptionsPanel } from "../CaptionsPanel";
import { DownloadsPanel } from "../DownloadsPanel";
import { parseCues } from "../media/CaptionPreview";
import { addVideo, model, renderMedia, serveMediaModel } from "./mediaRender";

serveMediaModel();

const VTT = [
  "WEBVTT",
  "",
  "1",
  "00:00.000 --> 00:01.000 align:start",
  "<v Ann>Hello</v>",
  "",
  "00:01.000 --> 00:02.000",
  "Two",
  "lines",
  "",
  "00:02.000 --> 00:03.000",
  "Three",
  "",
].join("\n");

describe("parseCues", () => {
  it("reads the cues' times and text, without markup, and counts them all", () => {
    expect(parseCues(VTT, 2)).toEqual({
      cues: [
        { start: "00:00.000", end: "00:01.000", text: "Hello" },
        { start: "00:01.000", end: "00:02.000", text: "Two\nlines" },
      ],
      total: 3,
    });
    expect(parseCues("WEBVTT\n\n", 5)).toEqual({ cues: [], total: 0 });
  });
});

describe("CaptionsPanel preview", () => {
  it("opens a ready caption's first cues in a region and closes back to its button", async () => {
    const user = userEvent.setup();
    const uid = addVideo();
    model.captions.set(uid, [
      { language: "en", label: "English", generated: false, status: "ready" },
      { language: "de", label: "Deutsch (auto-generated)", generated: true, status: "inprogress" },
    ]);
    model.generateSteps = 1_000;
    model.captionTexts.set(`${uid}/en`, VTT);
    renderMedia(<CaptionsPanel uid={uid} previewCues={2} intervalMs={1_000} />);
    const open = await screen.findByRole("button", { name: "Preview English captions" });
    // Only ready captions can be previewed.
    expect(screen.queryByRole("button", { name: /Preview Deutsch/ })).not.toBeInTheDocument();
    expect(open).toHaveAttribute("aria-expanded", "false");
    await user.click(open);
    const region = await screen.findByRole("region", { name: "English captions, first lines" });
    expect(open).toHaveAttribute("aria-expanded", "true");
    expect(open).toHaveAttribute("aria-controls", region.id);
    await waitFor(() => expect(region).toHaveAttribute("data-state", "ready"));
    const cues = within(region).getAllByRole("listitem");
    expect(cues).toHaveLength(2);
    expect(cues[0]).toHaveTextContent("00:00.000 – 00:01.000Hello");
    expect(within(region).getByText("…and 1 more cue.")).toBeInTheDocument();
    expect(model.requests.some((r) => r.path === `/${uid}/captions/en/vtt`)).toBe(true);
    await user.click(within(region).getByRole("button", { name: "Close preview" }));
    expect(screen.queryByRole("region", { name: /first lines/ })).not.toBeInTheDocument();
    expect(open).toHaveFocus();
  });

  it("shows why the text could not be read", async () => {
    const user = userEvent.setup();
    const uid = addVideo();
    model.captions.set(uid, [
      { language: "fr", label: "Français", generated: false, status: "ready" },
    ]);
    model.failures.push({ status: 400, path: /\/vtt$/, message: "No text here" });
    renderMedia(<CaptionsPanel uid={uid} />);
    await user.click(await screen.findByRole("button", { name: "Preview Français captions" }));
    const region = await screen.findByRole("region", { name: "Français captions, first lines" });
    expect(await within(region).findByRole("alert")).toHaveTextContent("No text here");
    expect(region).toHaveAttribute("data-state", "error");
  });
});

describe("DownloadsPanel M4A", () => {
  it("makes the M4A beside the MP4 and links it when ready", async () => {
    const user = userEvent.setup();
    const uid = addVideo();
    model.downloadStep = 50;
    renderMedia(<DownloadsPanel uid={uid} intervalMs={25} />);
    const audio = await screen.findByRole("group", { name: "Audio only (M4A)" });
    expect(audio).toHaveAttribute("data-state", "none");
    const make = within(audio).getByRole("button", { name: "Make an M4A download" });
    await waitFor(() => expect(make).toBeEnabled());
    await user.click(make);
    expect(model.of("POST").at(-1)?.path).toBe(`/${uid}/downloads/audio`);
    const link = await within(audio).findByRole("link", { name: "Download M4A" });
    // Named after the video, as the MP4 is.
    expect(link).toHaveAttribute(
      "href",
      `https://delivery.test/${uid}/downloads/audio.m4a?filename=Video_${uid.slice(-4)}`,
    );
    expect(audio).toHaveAttribute("data-state", "ready");
    // The MP4 is still not made: its own button is there.
    expect(screen.getByRole("button", { name: "Make an MP4 download" })).toBeInTheDocument();
    await waitFor(() =>
      expect(screen.getAllByRole("status").at(-1)).toHaveTextContent("The M4A download is ready."),
    );
  });

  it("shows a failed M4A with a retry, and a private video's M4A only through a token", async () => {
    const uid = addVideo("ready", { requireSignedURLs: true });
    model.downloads.set(uid, {
      audio: {
        status: "error",
        percentComplete: 0,
        url: `https://delivery.test/${uid}/downloads/audio.m4a`,
      },
    });
    const { unmount } = renderMedia(<DownloadsPanel uid={uid} token="a.b.c" />);
    const audio = await screen.findByRole("group", { name: "Audio only (M4A)" });
    expect(audio).toHaveAttribute("data-state", "failed");
    expect(within(audio).getByText("The M4A could not be made.")).toBeInTheDocument();
    expect(within(audio).getByRole("button", { name: "Try the M4A again" })).toBeInTheDocument();
    unmount();
    model.downloads.set(uid, {
      audio: {
        status: "ready",
        percentComplete: 100,
        url: `https://delivery.test/${uid}/downloads/audio.m4a`,
      },
    });
    renderMedia(<DownloadsPanel uid={uid} token="a.b.c" />);
    const link = await screen.findByRole("link", { name: "Download M4A" });
    // The file's name follows once the video itself is known.
    await waitFor(() =>
      expect(link).toHaveAttribute(
        "href",
        `https://delivery.test/a.b.c/downloads/audio.m4a?filename=Video_${uid.slice(-4)}`,
      ),
    );
  });
});
