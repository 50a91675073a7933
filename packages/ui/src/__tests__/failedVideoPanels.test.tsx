import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { CaptionsPanel, DownloadsPanel } from "../captionsEntry";
import { ThumbnailPicker } from "../index";
import { AudioTracksPanel, ClipEditor } from "../mediaEntry";
import { addVideo, renderMedia, serveMediaModel } from "./mediaRender";

serveMediaModel();

// A video whose processing failed has no frames, no captions, no audio and nothing to download:
// each panel says so in words and offers no action that cannot work, on its own, whatever page
// it is dropped into.
const failed = () =>
  addVideo("error", {
    status: {
      state: "error",
      pctComplete: "0",
      errorReasonCode: "ERR_NON_VIDEO",
      errorReasonText: "The file was not recognized as a valid video file.",
    },
  });

const panels = [
  ["ThumbnailPicker", (uid: string) => <ThumbnailPicker uid={uid} />, /Thumbnail/],
  ["CaptionsPanel", (uid: string) => <CaptionsPanel uid={uid} />, /Captions/],
  ["DownloadsPanel", (uid: string) => <DownloadsPanel uid={uid} />, /Download/],
  ["AudioTracksPanel", (uid: string) => <AudioTracksPanel uid={uid} />, /Audio tracks/],
  ["ClipEditor", (uid: string) => <ClipEditor uid={uid} preview="none" />, /clip/i],
] as const;

describe("panels of a video that failed to process", () => {
  it.each(panels)("%s says why and offers no action", async (_name, panel, heading) => {
    renderMedia(panel(failed()));
    const region = await screen.findByRole("region", { name: heading });
    await waitFor(() => expect(region).toHaveTextContent(/could not be processed|failed/i));
    await waitFor(() => expect(within(region).queryAllByRole("button")).toEqual([]));
    expect(within(region).queryAllByRole("textbox")).toEqual([]);
    expect(within(region).queryAllByRole("combobox")).toEqual([]);
    expect(region.querySelector("input[type=file]")).toBeNull();
  });
});
