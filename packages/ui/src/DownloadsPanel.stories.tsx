import type { Meta, StoryObj } from "@storybook/react-vite";
import { MOCK_DELIVERY } from "@streamkit/test-utils";
import { expect, userEvent, waitFor, within } from "storybook/test";
import { mediaPanelDecorator, readyVideo, SEEDED } from "../../../.storybook/mediaStories";
import { DownloadsPanel } from "./captionsEntry";

const meta = {
  title: "UI/DownloadsPanel",
  component: DownloadsPanel,
  args: { uid: SEEDED, intervalMs: 300 },
  decorators: [mediaPanelDecorator],
} satisfies Meta<typeof DownloadsPanel>;

export default meta;
type Story = StoryObj<typeof meta>;

/** A ready video without a download yet. */
export const Empty: Story = {
  parameters: { backend: { seed: [readyVideo()] } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const create = await canvas.findByRole("button", { name: "Make an MP4 download" });
    await waitFor(() => expect(create).toBeEnabled());
    await expect(create).toHaveAccessibleDescription(
      "No MP4 file has been made for this video yet.",
    );
  },
};

/** Make the MP4 with the keyboard, watch the bar fill, then get the link. */
export const MakeUntilReady: Story = {
  parameters: { backend: { seed: [readyVideo()], downloadPace: 2_500 } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const create = await canvas.findByRole("button", { name: "Make an MP4 download" });
    await waitFor(() => expect(create).toBeEnabled());
    create.focus();
    await userEvent.keyboard("{Enter}");
    const bar = await canvas.findByRole("progressbar", { name: "Making the MP4" });
    await waitFor(() => expect(Number(bar.getAttribute("value"))).toBeGreaterThan(0));
    const link = await canvas.findByRole("link", { name: "Download MP4" }, { timeout: 10_000 });
    await expect(link).toHaveAttribute(
      "href",
      `${MOCK_DELIVERY}/${SEEDED}/downloads/default.mp4?filename=Keynote`,
    );
    await waitFor(() => expect(canvas.getByText("The MP4 download is ready.")).toBeInTheDocument());
  },
};

/** The MP4 being made: a labelled progress bar that rises. */
export const InProgress: Story = {
  parameters: {
    backend: { seed: [readyVideo({ download: "inprogress" })], downloadPace: 600_000 },
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const bar = await canvas.findByRole("progressbar", { name: "Making the MP4" });
    await expect(bar).toHaveAttribute("max", "100");
    await expect(canvasElement.querySelector(".sk-media")).toHaveAttribute(
      "data-state",
      "inprogress",
    );
  },
};

/** Ready: a link to the file, and delete behind an inline confirm. */
export const Ready: Story = {
  parameters: { backend: { seed: [readyVideo({ download: "ready" })] } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByRole("link", { name: "Download MP4" })).toBeVisible();
    await userEvent.click(canvas.getByRole("button", { name: "Delete download" }));
    await expect(canvas.getByRole("group", { name: "Delete the MP4 download?" })).toBeVisible();
    await userEvent.keyboard("{Escape}");
    await expect(canvas.getByRole("button", { name: "Delete download" })).toHaveFocus();
  },
};

/** A private video without a downloadable token: no link that would fail, and why. */
export const PrivateWithoutToken: Story = {
  parameters: {
    backend: { seed: [readyVideo({ download: "ready", overrides: { requireSignedURLs: true } })] },
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByText(/This video is private/)).toBeVisible();
    await expect(canvas.queryByRole("link")).toBeNull();
  },
};

/** A private video with a token made with `downloadable: true`: the link carries the token. */
export const PrivateWithToken: Story = {
  args: { token: "eyJhbGciOiJSUzI1NiJ9.eyJkb3dubG9hZGFibGUiOnRydWV9.c2lnbmVk" },
  parameters: {
    backend: { seed: [readyVideo({ download: "ready", overrides: { requireSignedURLs: true } })] },
  },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    const link = await canvas.findByRole("link", { name: "Download MP4" });
    // The file's name follows once the video itself is known.
    await waitFor(() =>
      expect(link).toHaveAttribute(
        "href",
        `${MOCK_DELIVERY}/${args.token}/downloads/default.mp4?filename=Keynote`,
      ),
    );
  },
};

/** Making the file failed: try again or delete. */
export const Failed: Story = {
  parameters: { backend: { seed: [readyVideo({ download: "error" })] } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByText("The MP4 could not be made.")).toBeVisible();
    await expect(canvas.getByRole("button", { name: "Try again" })).toBeVisible();
  },
};

/** Still processing: the download waits for a ready video and says why. */
export const VideoNotReady: Story = {
  parameters: {
    backend: { seed: [{ name: "Fresh upload", pace: 600_000, createdAt: Date.now() }] },
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(
      await canvas.findByText("A download can be made once the video is ready."),
    ).toBeVisible();
    await expect(canvas.getByRole("button", { name: "Make an MP4 download" })).toBeDisabled();
  },
};

/** The downloads could not be read. */
export const ErrorState: Story = {
  name: "Error",
  parameters: { backend: { seed: [readyVideo()], failWith: 403 } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByText(/Something went wrong/)).toBeVisible();
  },
};

/** The M4A (audio only) beside the MP4: make it and get its link. */
export const AudioUntilReady: Story = {
  parameters: { backend: { seed: [readyVideo({ download: "ready" })], downloadPace: 1_500 } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const audio = await canvas.findByRole("group", { name: "Audio only (M4A)" });
    const make = within(audio).getByRole("button", { name: "Make an M4A download" });
    await waitFor(() => expect(make).toBeEnabled());
    await userEvent.click(make);
    const link = await within(audio).findByRole(
      "link",
      { name: "Download M4A" },
      { timeout: 8_000 },
    );
    await expect(link).toHaveAttribute(
      "href",
      `${MOCK_DELIVERY}/${SEEDED}/downloads/audio.m4a?filename=Keynote`,
    );
  },
};

/** Before the first answer: a polite "Loading…" status in the panel's place. */
export const Loading: Story = {
  parameters: { backend: { seed: [readyVideo()], latency: 60_000 } },
  play: async ({ canvasElement }) => {
    await expect(
      within(canvasElement).getByText("Loading…", { selector: "[role=status]" }),
    ).toBeVisible();
    await expect(canvasElement.querySelector("[data-state]")).toHaveAttribute(
      "data-state",
      "loading",
    );
  },
};
