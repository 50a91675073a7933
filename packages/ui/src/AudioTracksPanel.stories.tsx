import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, userEvent, waitFor, within } from "storybook/test";
import { mediaPanelDecorator, readyVideo, SEEDED } from "../../../.storybook/mediaStories";
import { AudioTracksPanel } from "./mediaEntry";

const meta = {
  title: "UI/AudioTracksPanel",
  component: AudioTracksPanel,
  args: { uid: SEEDED, intervalMs: 300 },
  decorators: [mediaPanelDecorator],
} satisfies Meta<typeof AudioTracksPanel>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Tracks in each status; the default one can be neither deleted nor made default. */
export const List: Story = {
  parameters: {
    backend: {
      seed: [
        readyVideo({
          audio: [
            { label: "English", default: true, status: "ready" },
            { label: "Director's commentary", status: "ready" },
            { label: "Deutsch", status: "error" },
          ],
        }),
      ],
    },
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const list = await canvas.findByRole("list", { name: "Additional audio tracks" });
    await expect(within(list).getAllByRole("listitem")).toHaveLength(3);
    await expect(within(list).getByText("Default")).toBeVisible();
    await expect(within(list).getByText("Failed")).toBeVisible();
  },
};

export const Loading: Story = {
  parameters: { backend: { seed: [readyVideo()], latency: 600_000 } },
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByText("Loading…")).toBeVisible();
  },
};

export const Empty: Story = {
  parameters: { backend: { seed: [readyVideo()] } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByText("No additional audio tracks yet.")).toBeVisible();
    await waitFor(() => expect(canvas.getByRole("button", { name: "Add track" })).toBeEnabled());
  },
};

/** A new track is prepared, then ready; the live region says so. */
export const AddUntilReady: Story = {
  parameters: { backend: { seed: [readyVideo()], captionPace: 1_500 } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await canvas.findByText("No additional audio tracks yet.");
    await userEvent.type(canvas.getByRole("textbox", { name: "Label" }), "Français");
    await userEvent.type(
      canvas.getByRole("textbox", { name: "Audio URL" }),
      "https://example.com/fr.m4a",
    );
    const add = canvas.getByRole("button", { name: "Add track" });
    await waitFor(() => expect(add).toBeEnabled());
    await userEvent.click(add);
    await expect(await canvas.findByText("Preparing…")).toBeVisible();
    await expect(await canvas.findByText("Ready", {}, { timeout: 10_000 })).toBeVisible();
  },
};

/** The add request in flight. */
export const Busy: Story = {
  parameters: { backend: { seed: [readyVideo()], writeLatency: 600_000 } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await canvas.findByText("No additional audio tracks yet.");
    await userEvent.type(canvas.getByRole("textbox", { name: "Label" }), "Français");
    await userEvent.type(
      canvas.getByRole("textbox", { name: "Audio URL" }),
      "https://example.com/fr.m4a",
    );
    const add = canvas.getByRole("button", { name: "Add track" });
    await waitFor(() => expect(add).toBeEnabled());
    await userEvent.click(add);
    await expect(await canvas.findByRole("button", { name: "Adding…" })).toHaveAttribute(
      "aria-disabled",
      "true",
    );
  },
};

/** Still processing: adding waits for a ready video and says why. */
export const VideoNotReady: Story = {
  parameters: {
    backend: { seed: [{ name: "Fresh upload", pace: 600_000, createdAt: Date.now() }] },
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(
      await canvas.findByText("Audio tracks can be added once the video is ready."),
    ).toBeVisible();
    await expect(canvas.getByRole("button", { name: "Add track" })).toBeDisabled();
  },
};

export const ErrorState: Story = {
  name: "Error",
  parameters: { backend: { seed: [readyVideo()], failWith: 404 } },
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByText(/Something went wrong/)).toBeVisible();
  },
};
