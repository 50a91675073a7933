import type { Meta, StoryObj } from "@storybook/react-vite";
import { inState } from "@streamkit/test-utils";
import { expect, fn, userEvent, waitFor, within } from "storybook/test";
import { mediaPanelDecorator, readyVideo, SEEDED } from "../../../.storybook/mediaStories";
import { ClipEditor } from "./mediaEntry";

const meta = {
  title: "UI/ClipEditor",
  component: ClipEditor,
  args: { uid: SEEDED, preview: "none", frames: 6, onCreated: fn(), onReady: fn() },
  decorators: [mediaPanelDecorator],
  parameters: { backend: { seed: [readyVideo({ overrides: { duration: 42 } })], pace: 400 } },
} satisfies Meta<typeof ClipEditor>;

export default meta;
type Story = StoryObj<typeof meta>;

/** A ready video: the frames, start and end on sliders (arrow keys) and as numbers. */
export const Ready: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const start = await canvas.findByRole("slider", { name: "Start" });
    const seconds = canvas.getByRole("spinbutton", { name: "Start (seconds)" });
    await userEvent.clear(seconds);
    await userEvent.type(seconds, "65");
    await expect(seconds).toHaveAttribute("aria-invalid", "true");
    await userEvent.clear(seconds);
    await userEvent.type(seconds, "12");
    await expect(start).toHaveAttribute("aria-valuetext", "12 seconds");
    await expect(canvasElement.querySelector(".sk-clip")).toHaveAttribute("data-state", "idle");
  },
};

/** Create the clip, then follow it to ready with the status badge. */
export const CreateUntilReady: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    const end = await canvas.findByRole("spinbutton", { name: "End (seconds)" });
    await userEvent.clear(end);
    await userEvent.type(end, "12");
    await userEvent.type(canvas.getByRole("textbox", { name: "Name of the clip" }), "Opening");
    await userEvent.click(canvas.getByRole("button", { name: "Create clip" }));
    await waitFor(() => expect(args.onCreated).toHaveBeenCalled());
    await waitFor(() => expect(args.onReady).toHaveBeenCalled(), { timeout: 8_000 });
    await expect(canvasElement.querySelector(".sk-clip")).toHaveAttribute("data-state", "done");
  },
};

/** The clip is being processed (the backend is slow): the badge shows its progress. */
export const Busy: Story = {
  parameters: {
    backend: { seed: [readyVideo({ overrides: { duration: 42 } })], pace: 3_600_000 },
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByRole("button", { name: "Create clip" }));
    await waitFor(() =>
      expect(canvasElement.querySelector(".sk-clip")).toHaveAttribute("data-state", "processing"),
    );
  },
};

/** With the player preview, which seeks to the start. */
export const WithPlayer: Story = { args: { preview: "player" } };

/** Wrong numbers are flagged at the field; nothing is sent. */
export const Invalid: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const start = await canvas.findByRole("spinbutton", { name: "Start (seconds)" });
    await userEvent.clear(start);
    await userEvent.type(start, "50");
    await userEvent.click(canvas.getByRole("button", { name: "Create clip" }));
    await expect(start).toHaveAttribute("aria-invalid", "true");
    await expect(start).toHaveFocus();
  },
};

/** The backend refuses the clip: the API's message is shown. */
export const Refused: Story = {
  parameters: {
    backend: { seed: [readyVideo({ overrides: { duration: 42 } })], failWritesWith: 429 },
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByRole("button", { name: "Create clip" }));
    await expect(await canvas.findByRole("alert")).toHaveTextContent(/refuses changes/);
  },
};

/** The video is still processing: nothing to clip yet. */
export const Waiting: Story = {
  parameters: { backend: { seed: [{ name: "Keynote", ...inState("inprogress", 40) }] } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(
      await canvas.findByText("A clip can be made once the video is ready."),
    ).toBeVisible();
  },
};

/** Loading the video. */
export const Loading: Story = {
  parameters: { backend: { seed: [readyVideo()], latency: 60_000 } },
};

/** The video could not be read. */
export const ErrorState: Story = {
  parameters: { backend: { seed: [readyVideo()], failWith: 403 } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByRole("alert", {}, { timeout: 8_000 })).toBeVisible();
  },
};
