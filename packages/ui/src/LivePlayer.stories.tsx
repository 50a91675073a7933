import type { Meta, StoryObj } from "@storybook/react-vite";
import type { LiveInputStatus } from "@streamkit/core/live-inputs";
import { SEEDED_LIVE_INPUT } from "@streamkit/test-utils";
import { expect, userEvent, waitFor, within } from "storybook/test";
import { withStream } from "../../../.storybook/decorators";
import { LivePlayer } from "./liveEntry";

const meta = {
  title: "UI/Live/LivePlayer",
  component: LivePlayer,
  args: { uid: SEEDED_LIVE_INPUT, intervalMs: 300 },
  decorators: [withStream],
  parameters: { stream: { width: 640 } },
} satisfies Meta<typeof LivePlayer>;

export default meta;
type Story = StoryObj<typeof meta>;

const input = (status: LiveInputStatus, extra: object = {}) => ({
  backend: { liveInputs: [{ status, ...extra }] },
});
const state = (canvasElement: HTMLElement) =>
  canvasElement.querySelector(".sk-live-player")?.getAttribute("data-state");

/** Nothing broadcast yet: a clear waiting state, not an empty iframe. */
export const Waiting: Story = {
  parameters: input(null),
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByText("Waiting for the broadcast")).toBeVisible();
    await expect(canvasElement.querySelector("iframe")).toBeNull();
  },
};

export const Connecting: Story = {
  parameters: input("new_configuration_accepted"),
  play: async ({ canvasElement }) => {
    await expect(
      await within(canvasElement).findByText("The broadcast is starting…"),
    ).toBeVisible();
  },
};

/** On air: the player, with the on-air mark over it. */
export const Live: Story = {
  parameters: input("connected"),
  play: async ({ canvasElement }) => {
    await expect(
      await within(canvasElement).findByText("Live", { selector: ".sk-live-player__on-air" }),
    ).toBeVisible();
    await expect(canvasElement.querySelector("iframe")).toHaveAttribute("title", "Live broadcast");
  },
};

/** The broadcaster dropped: the player stays, and says it is reconnecting. */
export const Reconnecting: Story = {
  parameters: input("reconnecting"),
  play: async ({ canvasElement }) => {
    await expect(
      await within(canvasElement).findByText(/Reconnecting…/, {
        selector: ".sk-live-player__notice",
      }),
    ).toBeVisible();
  },
};

/** After the broadcast: its recording, a press away. */
export const Ended: Story = {
  parameters: {
    backend: {
      liveInputs: [{ status: "client_disconnect", recording: { mode: "automatic" } }],
      seed: [{ name: "Town hall", pace: 0, overrides: { liveInput: SEEDED_LIVE_INPUT } }],
    },
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByText("The broadcast has ended.")).toBeVisible();
    await userEvent.click(await canvas.findByRole("button", { name: "Watch the recording" }));
    await waitFor(() => expect(state(canvasElement)).toBe("recording"));
  },
};

/** Recording was off: nothing to offer. */
export const EndedWithoutRecording: Story = {
  parameters: input("client_disconnect"),
  play: async ({ canvasElement }) => {
    await expect(
      await within(canvasElement).findByText("No recording of it is available."),
    ).toBeVisible();
  },
};

export const Errored: Story = {
  parameters: input("failed_to_connect"),
  play: async ({ canvasElement }) => {
    await expect(
      await within(canvasElement).findByText("The broadcast could not connect."),
    ).toBeVisible();
  },
};

/** A whole broadcast on the clock: waiting, starting, live, a drop, back, ended. */
export const Broadcast: Story = {
  parameters: {
    backend: {
      liveInputs: [
        {
          statuses: [
            null,
            "new_configuration_accepted",
            "connected",
            "reconnecting",
            "reconnected",
            "client_disconnect",
          ],
          statusPace: 1_500,
        },
      ],
    },
  },
  play: async ({ canvasElement }) => {
    await waitFor(() => expect(state(canvasElement)).toBe("live"), { timeout: 10_000 });
    await waitFor(() => expect(state(canvasElement)).toBe("ended"), { timeout: 15_000 });
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
