import type { Meta, StoryObj } from "@storybook/react-vite";
import { inState, MOCK_DELIVERY, type MockVideo, mockUid, snapshot } from "@streamkit/test-utils";
import { expect, userEvent, waitFor, within } from "storybook/test";
import { withStream } from "../../../.storybook/decorators";
import { VideoThumbnail } from "./VideoThumbnail";

const UID = mockUid(0x7b0001);
/** A JWT-shaped token: signed videos are delivered by token instead of uid. */
const TOKEN = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiI3YjAwMDEifQ.bW9jay1zaWduYXR1cmU";

const video = (state: Parameters<typeof inState>[0], extra: Partial<MockVideo> = {}) =>
  snapshot(
    {
      uid: UID,
      name: "Sunset timelapse",
      source: "https://samples.test/sunset.mp4",
      overrides: {},
      ...inState(state),
      ...extra,
    },
    MOCK_DELIVERY,
  );

const meta = {
  title: "UI/VideoThumbnail",
  component: VideoThumbnail,
  decorators: [withStream],
  args: { video: video("ready"), width: 320 },
} satisfies Meta<typeof VideoThumbnail>;

export default meta;
type Story = StoryObj<typeof meta>;

const loaded = async (canvasElement: HTMLElement) => {
  const img = within(canvasElement).getByRole("img");
  await waitFor(() => expect(img).toHaveAttribute("data-state", "loaded"), { timeout: 5_000 });
  return img;
};

/** A ready video: its name is the alt text; width and height are set before the image loads. */
export const Ready: Story = {
  play: async ({ canvasElement }) => {
    const img = await loaded(canvasElement);
    await expect(img).toHaveAccessibleName("Sunset timelapse");
    await expect(img).toHaveAttribute("width", "320");
    await expect(img).toHaveAttribute("height", "180");
  },
};

/** A frame at a given time, cropped square. */
export const FrameAtTime: Story = {
  args: { time: 8, width: 200, height: 200, fit: "crop", loading: "eager" },
  play: async ({ canvasElement }) => {
    const img = await loaded(canvasElement);
    await expect(img.getAttribute("src")).toContain("time=8s");
  },
};

/** `animated="hover"`: the still turns into the animated GIF while hovered or focused. */
export const AnimatedOnHover: Story = {
  args: { animated: "hover" },
  play: async ({ canvasElement }) => {
    const img = await loaded(canvasElement);
    await userEvent.hover(img);
    await waitFor(() => expect(img.getAttribute("src")).toContain("thumbnail.gif"));
    await userEvent.unhover(img);
    await waitFor(() => expect(img.getAttribute("src")).toContain("thumbnail.jpg"));
  },
};

export const Animated: Story = {
  args: { animated: true },
  play: async ({ canvasElement }) => {
    const img = await loaded(canvasElement);
    await expect(img.getAttribute("src")).toContain("thumbnail.gif");
  },
};

/** Queued for encoding: no frames yet, so a same-size placeholder and no request. */
export const Queued: Story = {
  args: { video: video("queued") },
  play: async ({ canvasElement }) => {
    const box = within(canvasElement).getByRole("img", { name: "Sunset timelapse" });
    await expect(box).toHaveAttribute("data-reason", "no-frames");
    await expect(canvasElement.querySelector("img")).toBeNull();
  },
};

/** Processing failed: there never will be frames. */
export const Failed: Story = {
  args: { video: video("error") },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole("img")).toHaveAttribute(
      "data-reason",
      "no-frames",
    );
  },
};

/** A `requireSignedURLs` video: the token takes the uid's place in the URL. */
export const Signed: Story = {
  args: { video: video("ready", { overrides: { requireSignedURLs: true } }), token: TOKEN },
  play: async ({ canvasElement }) => {
    const img = await loaded(canvasElement);
    await expect(img.getAttribute("src")).toContain(`/${TOKEN}/thumbnails/`);
  },
};

/** Signed but no token: a uid URL would be refused, so nothing is requested. */
export const SignedWithoutToken: Story = {
  args: { video: video("ready", { overrides: { requireSignedURLs: true } }) },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole("img")).toHaveAttribute("data-reason", "signed");
  },
};

/** No `customerCode` or `deliveryOrigin` on the provider: a neutral placeholder. */
export const NoDeliveryOrigin: Story = {
  parameters: { stream: { delivery: false } },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole("img")).toHaveAttribute(
      "data-reason",
      "no-delivery",
    );
  },
};

/** The image request fails (404 here): the placeholder takes its place. */
export const ImageMissing: Story = {
  args: { video: undefined, uid: mockUid(0xdead), alt: "Missing video" },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await waitFor(
      () =>
        expect(canvas.getByRole("img", { name: "Missing video" })).toHaveAttribute(
          "data-reason",
          "failed",
        ),
      { timeout: 5_000 },
    );
  },
};
