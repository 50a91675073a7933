import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { DownloadsPanel } from "../DownloadsPanel";
import { addVideo, model, renderMedia, serveMediaModel, sleep } from "./mediaRender";

serveMediaModel();

const live = () => screen.getAllByRole("status").at(-1) as HTMLElement;
const panel = () => screen.getByRole("region", { name: "Download" });

describe("DownloadsPanel", () => {
  it("makes the MP4 with the keyboard, shows its progress, then the link", async () => {
    const user = userEvent.setup();
    const uid = addVideo();
    model.downloadStep = 30;
    renderMedia(<DownloadsPanel uid={uid} intervalMs={25} />);
    const create = await screen.findByRole("button", { name: "Make an MP4 download" });
    expect(create).toHaveAccessibleDescription("No MP4 file has been made for this video yet.");
    await waitFor(() => expect(create).toBeEnabled());
    create.focus();
    await user.keyboard("{Enter}");
    const progress = await screen.findByRole("progressbar", { name: "Making the MP4" });
    expect(panel()).toHaveAttribute("data-state", "inprogress");
    await waitFor(() => expect(live()).toHaveTextContent("Making the MP4 download."));
    const values: number[] = [];
    await waitFor(() => {
      const value = Number(progress.getAttribute("value"));
      if (values.at(-1) !== value) values.push(value);
      expect(value).toBeGreaterThanOrEqual(60);
    });
    const link = await screen.findByRole("link", { name: "Download MP4" });
    // Named after the video ("Video abcd" → Video_abcd.mp4), not after its uid.
    expect(link).toHaveAttribute(
      "href",
      `https://delivery.test/${uid}/downloads/default.mp4?filename=Video_${uid.slice(-4)}`,
    );
    expect(panel()).toHaveAttribute("data-state", "ready");
    expect(values.length).toBeGreaterThan(1);
    await waitFor(() => expect(live()).toHaveTextContent("The MP4 download is ready."));
  });

  it("waits for a ready video", async () => {
    renderMedia(<DownloadsPanel uid={addVideo("inprogress")} />);
    const create = await screen.findByRole("button", { name: "Make an MP4 download" });
    await waitFor(() =>
      expect(create).toHaveAccessibleDescription("A download can be made once the video is ready."),
    );
    expect(create).toBeDisabled();
  });

  it("links a private video's MP4 only through a token", async () => {
    const uid = addVideo("ready", { requireSignedURLs: true });
    model.downloads.set(uid, {
      default: {
        status: "ready",
        percentComplete: 100,
        url: `https://delivery.test/${uid}/downloads/default.mp4`,
      },
    });
    const { unmount } = renderMedia(<DownloadsPanel uid={uid} />);
    expect(
      await screen.findByText(/This video is private: its download link needs a signed token/),
    ).toBeInTheDocument();
    expect(screen.queryByRole("link")).not.toBeInTheDocument();
    unmount();
    renderMedia(<DownloadsPanel uid={uid} token="header.payload.signature" />);
    const link = await screen.findByRole("link", { name: "Download MP4" });
    await waitFor(() =>
      expect(link).toHaveAttribute(
        "href",
        `https://delivery.test/header.payload.signature/downloads/default.mp4?filename=Video_${uid.slice(-4)}`,
      ),
    );
  });

  it("deletes after an inline confirm and keeps focus in the panel", async () => {
    const user = userEvent.setup();
    const uid = addVideo();
    model.downloads.set(uid, {
      default: {
        status: "ready",
        percentComplete: 100,
        url: `https://delivery.test/${uid}/downloads/default.mp4`,
      },
    });
    renderMedia(<DownloadsPanel uid={uid} />);
    await user.click(await screen.findByRole("button", { name: "Delete download" }));
    expect(screen.getByRole("group", { name: "Delete the MP4 download?" })).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Cancel" })).toHaveFocus();
    await user.click(screen.getByRole("button", { name: "Delete" }));
    expect(await screen.findByRole("button", { name: "Make an MP4 download" })).toBeInTheDocument();
    expect(model.requests.at(-1)).toMatchObject({ method: "DELETE", path: `/${uid}/downloads` });
    expect(panel()).toHaveFocus();
    await waitFor(() => expect(live()).toHaveTextContent("The MP4 download was deleted."));
  });

  it("offers to try again when making the file failed", async () => {
    const user = userEvent.setup();
    const uid = addVideo();
    model.downloads.set(uid, { default: { status: "error", percentComplete: 0 } });
    renderMedia(<DownloadsPanel uid={uid} />);
    expect(await screen.findByText("The MP4 could not be made.")).toBeInTheDocument();
    expect(panel()).toHaveAttribute("data-state", "failed");
    model.failures.push({ status: 409, message: "busy right now", path: /\/downloads$/ });
    await user.click(screen.getByRole("button", { name: "Try again" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("busy right now");
  });

  it("stops polling when it unmounts", async () => {
    const uid = addVideo();
    model.downloads.set(uid, { default: { status: "inprogress", percentComplete: 0 } });
    model.downloadStep = 0;
    const { unmount } = renderMedia(<DownloadsPanel uid={uid} intervalMs={20} />);
    await waitFor(() =>
      expect(model.count((r) => r.path.endsWith("/downloads"))).toBeGreaterThanOrEqual(3),
    );
    unmount();
    await sleep(30);
    const after = model.count();
    await sleep(150);
    expect(model.count()).toBe(after);
  });
});
