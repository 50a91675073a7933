import type { Meta, StoryObj } from "@storybook/react-vite";
import { SEEDED_LIVE_INPUT } from "@streamkit/test-utils";
import { expect, userEvent, waitFor, within } from "storybook/test";
import { mediaPanelDecorator } from "../../../.storybook/mediaStories";
import { LiveInputPanel } from "./liveEntry";

const meta = {
  title: "UI/Live/LiveInputPanel",
  component: LiveInputPanel,
  args: { uid: SEEDED_LIVE_INPUT },
  decorators: [mediaPanelDecorator],
  parameters: { backend: { liveInputs: [{ meta: { name: "Town hall" } }] } },
} satisfies Meta<typeof LiveInputPanel>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Waiting for a broadcast: where to send it, the secrets masked, and the ffmpeg test command. */
export const Waiting: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByText("Town hall")).toBeVisible();
    await expect(canvas.getByText("Waiting", { selector: ".sk-badge__label" })).toBeVisible();
    await expect(canvas.getByRole("button", { name: "Reveal Stream key" })).toHaveAttribute(
      "aria-pressed",
      "false",
    );
    await expect(canvas.getByRole("button", { name: "Copy ffmpeg command" })).toBeVisible();
  },
};

/** On air, recorded automatically and kept 30 days. */
export const Live: Story = {
  parameters: {
    backend: {
      liveInputs: [
        {
          meta: { name: "Town hall" },
          status: "connected",
          recording: { mode: "automatic", timeoutSeconds: 60 },
          deleteRecordingAfterDays: 30,
        },
      ],
    },
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByText("Live", { selector: ".sk-badge__label" })).toBeVisible();
    await expect(canvas.getByRole("radio", { name: "Automatically, as a video" })).toBeChecked();
  },
};

/** Reveal shows the stream key, in the ffmpeg command too. */
export const Revealed: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const reveal = await canvas.findByRole("button", { name: "Reveal Stream key" });
    await userEvent.click(reveal);
    await expect(reveal).toHaveAttribute("aria-pressed", "true");
    await expect(canvasElement.querySelector(".sk-live-command")).not.toHaveTextContent("hidden");
  },
};

/** Rotate keys asks first, inline, with Cancel focused. */
export const ConfirmRotate: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByRole("button", { name: "Rotate keys" }));
    await expect(canvas.getByRole("button", { name: "Cancel" })).toHaveFocus();
  },
};

/** A disabled input refuses broadcasts; its switch is off. */
export const Disabled: Story = {
  parameters: { backend: { liveInputs: [{ meta: { name: "Town hall" }, enabled: false }] } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(
      await canvas.findByRole("checkbox", { name: "Accept broadcasts" }),
    ).not.toBeChecked();
  },
};

/** Recording settings saved; the live region says so. */
export const SaveRecording: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByRole("radio", { name: "Automatically, as a video" }));
    await userEvent.click(canvas.getByRole("button", { name: "Save recording settings" }));
    await waitFor(() => expect(canvas.getByText("Recording settings saved.")).toBeInTheDocument());
  },
};

/** The API refuses the save: the old settings stay in effect, and the panel says so. */
export const SaveRefused: Story = {
  parameters: {
    backend: { liveInputs: [{ meta: { name: "Town hall" } }], failWritesWith: 403 },
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByRole("radio", { name: "Automatically, as a video" }));
    await userEvent.click(canvas.getByRole("button", { name: "Save recording settings" }));
    await expect(await canvas.findByRole("alert")).toHaveTextContent(
      /^Not saved: .*previous settings/,
    );
  },
};

export const Loading: Story = {
  parameters: { backend: { liveInputs: [{}], latency: 600_000 } },
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByText("Loading…")).toBeVisible();
  },
};

export const NotFound: Story = {
  parameters: { backend: { liveInputs: [] } },
  play: async ({ canvasElement }) => {
    await expect(
      await within(canvasElement).findByText("This live input does not exist (any more)."),
    ).toBeVisible();
  },
};

export const ErrorState: Story = {
  name: "Error",
  parameters: { backend: { liveInputs: [{}], failWith: 403 } },
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByRole("alert")).toHaveTextContent(
      /Something went wrong/,
    );
  },
};
