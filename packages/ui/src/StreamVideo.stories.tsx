import type { Meta, StoryObj } from "@storybook/react-vite";
import { StreamProvider } from "@streamkit/hooks";
import { MOCK_DELIVERY, mockUid, storyBase } from "@streamkit/test-utils";
import {
  MediaControlBar,
  MediaController,
  MediaMuteButton,
  MediaPlayButton,
  MediaTimeDisplay,
  MediaTimeRange,
} from "media-chrome/react";
import { expect, waitFor, within } from "storybook/test";
import { StreamVideo } from "./video/StreamVideo";

/** The first video a story seeds into the mock backend gets this uid. */
const SEEDED = mockUid(0x5eed0001);

// The mock backend has thumbnails but no HLS, so these stories load nothing before play
// (`preload="none"`); e2e/streamVideo.spec.ts plays the emulator's real manifests.
const meta = {
  title: "UI/StreamVideo",
  component: StreamVideo,
  args: { src: SEEDED, preload: "none", engine: "hls.js" },
  decorators: [
    (Story, context) => (
      <StreamProvider
        baseUrl={storyBase(context.loaded)}
        deliveryOrigin={MOCK_DELIVERY}
        polling={{ waitingMs: 200, processingMs: 200, jitter: 0 }}
      >
        <div style={{ maxWidth: 640 }}>
          <Story />
        </div>
      </StreamProvider>
    ),
  ],
} satisfies Meta<typeof StreamVideo>;

export default meta;
type Story = StoryObj<typeof meta>;

/** A real `<video>` over the thumbnail, in a box of the video's ratio from the first paint. */
export const PosterFirst: Story = {
  args: { controls: true },
  parameters: { backend: { seed: [{ name: "Sunset timelapse", pace: 0 }] } },
  play: async ({ canvasElement }) => {
    const video = canvasElement.querySelector("video");
    await waitFor(() => expect(video).toHaveAttribute("aria-label", "Sunset timelapse"));
    await expect(canvasElement.querySelector("img")?.getAttribute("src")).toBe(
      `${MOCK_DELIVERY}/${SEEDED}/thumbnails/thumbnail.jpg`,
    );
    await expect(video?.getAttribute("poster")).toContain("/thumbnails/thumbnail.jpg");
  },
};

/**
 * `loading="click"`: nothing but the poster and a play button until the viewer asks; then the
 * video loads, plays and takes the focus (the mock backend has no HLS, so here it stops at the
 * request).
 */
export const ClickToLoad: Story = {
  args: { loading: "click", preload: "metadata" },
  parameters: { backend: { seed: [{ name: "Sunset timelapse", pace: 0 }] } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const button = await canvas.findByRole("button", { name: "Play Sunset timelapse" });
    await expect(button).toBeVisible();
    await expect(canvasElement.querySelector("video")?.getAttribute("src")).toBeFalsy();
  },
};

/** Still encoding: the badge and progress sit over the box; it plays by itself when ready. */
export const Processing: Story = {
  parameters: {
    backend: { seed: [{ name: "Long upload", pace: 600_000, createdAt: Date.now() - 1_300_000 }] },
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByText(/Video status: Processing/)).toBeInTheDocument();
    await expect(canvas.getByText(/still being processed/)).toBeVisible();
    await expect(canvasElement.querySelector("video")?.getAttribute("src")).toBeFalsy();
  },
};

/** Processing failed: the reason, in an alert, and nothing loaded. */
export const Failed: Story = {
  parameters: { backend: { seed: [{ name: "Broken", fails: true, pace: 0 }] } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByRole("alert")).toHaveTextContent(/could not be downloaded/);
  },
};

/**
 * A player skin on Stream, unchanged: Media Chrome's controller finds `StreamVideo`'s own
 * `<video>` in its media slot, and its buttons and time display drive it.
 */
export const WithMediaChrome: Story = {
  parameters: {
    backend: { seed: [{ name: "Skinned", pace: 0 }] },
    // Media Chrome's own time display reads "playback time 0 seconds" for a visible "0:00":
    // axe's label-content-name-mismatch, in the skin, not in StreamVideo (off for this story only).
    a11y: {
      config: {
        rules: [{ id: "label-content-name-mismatch", enabled: false }],
      },
    },
  },
  render: (args) => (
    <MediaController style={{ width: "100%" }}>
      <StreamVideo {...args} slot="media" muted />
      <MediaControlBar>
        <MediaPlayButton />
        <MediaTimeRange />
        <MediaTimeDisplay showDuration />
        <MediaMuteButton />
      </MediaControlBar>
    </MediaController>
  ),
  play: async ({ canvasElement }) => {
    const controller = canvasElement.querySelector("media-controller");
    const video = canvasElement.querySelector("video");
    await expect(video?.getAttribute("slot")).toBe("media");
    await waitFor(() => expect(controller).toHaveAttribute("mediapaused"));
    await waitFor(() => expect(controller).toHaveAttribute("mediamuted"));
  },
};
