import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, within } from "storybook/test";
import { mediaPanelDecorator, readyVideo } from "../../../.storybook/mediaStories";
import { StorageMeter } from "./mediaEntry";

const videos = (minutes: number[]) =>
  minutes.map((m, i) => readyVideo({ name: `Video ${i + 1}`, overrides: { duration: m * 60 } }));

const meta = {
  title: "UI/StorageMeter",
  component: StorageMeter,
  decorators: [mediaPanelDecorator],
  parameters: { backend: { seed: videos([120, 45, 30]) } },
} satisfies Meta<typeof StorageMeter>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Minutes used against the limit, as a labelled meter, and how many videos. */
export const Ready: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const meter = await canvas.findByRole("meter", { name: "Minutes stored" });
    await expect(meter).toHaveAttribute("aria-valuetext", "195 of 1,000 minutes (20%)");
    await expect(canvas.getByText("3 videos")).toBeVisible();
  },
};

/** No videos yet. */
export const Empty: Story = {
  parameters: { backend: { seed: [] } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByText("0 videos")).toBeVisible();
  },
};

/** Past `warnAt` (80%): the bar changes color and a line says so. */
export const NearlyFull: Story = {
  parameters: { backend: { seed: videos([120, 45, 30]), storageLimitMinutes: 220 } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByText("Storage is nearly full.")).toBeVisible();
  },
};

/** At the limit. */
export const Full: Story = {
  parameters: { backend: { seed: videos([120, 100]), storageLimitMinutes: 200 } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(
      await canvas.findByText("Storage is full: new uploads will be refused."),
    ).toBeVisible();
  },
};

/** One creator's usage. */
export const ForCreator: Story = { args: { creator: "alice" } };

/** Waiting for the answer. */
export const Loading: Story = { parameters: { backend: { seed: [], latency: 60_000 } } };

/** The backend refused. */
export const ErrorState: Story = {
  parameters: { backend: { seed: [], failWith: 403 } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByRole("alert", {}, { timeout: 8_000 })).toBeVisible();
  },
};
