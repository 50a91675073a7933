import type { Meta, StoryObj } from "@storybook/react-vite";
import { StreamProvider } from "@streamkit/hooks";
import { MOCK_DELIVERY, mockUid, storyBase } from "@streamkit/test-utils";
import { expect, within } from "storybook/test";
import { StreamPlayer } from "./StreamPlayer";

/** The first video a story seeds into the mock backend gets this uid. */
const SEEDED = mockUid(0x5eed0001);

const meta = {
  title: "UI/StreamPlayer",
  component: StreamPlayer,
  args: { src: SEEDED, loading: "click" },
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
} satisfies Meta<typeof StreamPlayer>;

export default meta;
type Story = StoryObj<typeof meta>;

/** A ready video waits behind its poster until the viewer presses play (`loading="click"`). */
export const PosterFirst: Story = {
  parameters: { backend: { seed: [{ name: "Sunset timelapse", pace: 0 }] } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const button = await canvas.findByRole("button", { name: "Play Sunset timelapse" });
    await expect(button).toBeVisible();
    const poster = canvasElement.querySelector("img");
    await expect(poster?.getAttribute("src")).toBe(
      `${MOCK_DELIVERY}/${SEEDED}/thumbnails/thumbnail.jpg`,
    );
    await expect(canvasElement.querySelector("iframe")).toBeNull();
  },
};

/** Still encoding: the badge and progress sit over the poster; it plays by itself when ready. */
export const Processing: Story = {
  args: { loading: "eager" },
  parameters: {
    backend: { seed: [{ name: "Long upload", pace: 600_000, createdAt: Date.now() - 1_300_000 }] },
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByText(/Video status: Processing/)).toBeInTheDocument();
    await expect(canvas.getByText(/still being processed/)).toBeVisible();
    await expect(canvasElement.querySelector("iframe")).toBeNull();
  },
};

/** Processing failed: the reason, in an alert, and no player. */
export const Failed: Story = {
  args: { loading: "eager" },
  parameters: { backend: { seed: [{ name: "Broken", fails: true, pace: 0 }] } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByRole("alert")).toHaveTextContent(/could not be downloaded/);
  },
};

/** A wide video keeps its own aspect ratio from the first paint. */
export const Widescreen: Story = {
  args: { aspectRatio: "21/9" },
  parameters: { backend: { seed: [{ name: "Cinema", pace: 0 }] } },
  play: async ({ canvasElement }) => {
    const box = canvasElement.querySelector<HTMLElement>(".sk-player");
    await expect(box).not.toBeNull();
    const { width, height } = box!.getBoundingClientRect();
    await expect(Math.round((width / height) * 9)).toBe(21);
  },
};

/** A src that is neither a uid nor a token is refused before any request. */
export const InvalidSource: Story = {
  args: { src: "not a video id", loading: "eager" },
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByRole("alert")).toHaveTextContent(
      /expected a 32-hex video uid/,
    );
  },
};

/** A private video: the player asks the proxy for a signed token and uses it in every URL. */
export const Signed: Story = {
  parameters: {
    backend: { seed: [{ name: "Members only", pace: 0, overrides: { requireSignedURLs: true } }] },
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByRole("button", { name: "Play Members only" })).toBeVisible();
    const poster = canvasElement.querySelector("img")?.getAttribute("src") ?? "";
    await expect(poster).not.toContain(SEEDED);
    await expect(poster).toMatch(/\/[\w-]+\.[\w-]+\.[\w-]+\/thumbnails\/thumbnail\.jpg$/);
  },
};

/** Status not known yet: the poster box holds its place; nothing plays before the answer. */
export const Loading: Story = {
  args: { loading: "eager" },
  parameters: { backend: { latency: 60_000, seed: [{ name: "Slow answer", pace: 0 }] } },
  play: async ({ canvasElement }) => {
    const box = canvasElement.querySelector<HTMLElement>(".sk-player");
    await expect(box?.dataset.state).toBe("processing");
    await expect(canvasElement.querySelector("iframe")).toBeNull();
  },
};

/** The status request fails: the player does not block on it and offers playback. */
export const FailedRequest: Story = {
  parameters: { backend: { failWith: 503, seed: [{ name: "Anyway", pace: 0 }] } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(
      await canvas.findByRole("button", { name: "Play video" }, { timeout: 10_000 }),
    ).toBeVisible();
  },
};
