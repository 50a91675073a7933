import type { Meta, StoryObj } from "@storybook/react-vite";
import type { LiveInputStatus } from "@streamkit/core/live-inputs";
import { SEEDED_LIVE_INPUT } from "@streamkit/test-utils";
import { expect, within } from "storybook/test";
import { mediaPanelDecorator } from "../../../.storybook/mediaStories";
import { LiveStatusBadge } from "./liveEntry";

const meta = {
  title: "UI/Live/LiveStatusBadge",
  component: LiveStatusBadge,
  decorators: [mediaPanelDecorator],
} satisfies Meta<typeof LiveStatusBadge>;

export default meta;
type Story = StoryObj<typeof meta>;

/** A story per phase: the status Stream answers with and the word the badge shows. */
const phase = (status: LiveInputStatus, state: string, word: string): Story => ({
  args: { liveInput: { status } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByText(word, { selector: ".sk-badge__label" })).toBeVisible();
    await expect(canvasElement.querySelector(".sk-live-badge")).toHaveAttribute(
      "data-state",
      state,
    );
  },
});

/** No broadcast yet (`status: null`), or between broadcasts. */
export const Idle = phase(null, "idle", "Waiting");
/** A broadcaster's configuration was accepted: it is about to go live. */
export const Connecting = phase("new_configuration_accepted", "connecting", "Connecting");
export const Live = phase("connected", "live", "Live");
/** The broadcaster dropped; Stream waits for it (`recording.timeoutSeconds`). */
export const Reconnecting = phase("reconnecting", "reconnecting", "Reconnecting");
export const Ended = phase("client_disconnect", "ended", "Ended");
export const Errored = phase("failed_to_connect", "errored", "Failed to connect");

const PHASES: [LiveInputStatus, string][] = [
  [null, "Waiting"],
  ["new_configuration_accepted", "Connecting"],
  ["connected", "Live"],
  ["reconnecting", "Reconnecting"],
  ["client_disconnect", "Ended"],
  ["failed_to_connect", "Failed to connect"],
];

/** Every phase side by side, as a list of inputs shows them. */
export const EveryPhase: Story = {
  render: (args) => (
    <ul
      style={{
        display: "flex",
        flexWrap: "wrap",
        gap: 8,
        margin: 0,
        padding: 0,
        listStyle: "none",
      }}
    >
      {PHASES.map(([status]) => (
        <li key={String(status)}>
          <LiveStatusBadge {...args} liveInput={{ status }} />
        </li>
      ))}
    </ul>
  ),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    for (const [, word] of PHASES)
      await expect(canvas.getByText(word, { selector: ".sk-badge__label" })).toBeVisible();
  },
};

/** Watching a uid: a broadcast connects, goes live and ends; each change is announced. */
export const Watched: Story = {
  args: { uid: SEEDED_LIVE_INPUT },
  parameters: {
    backend: {
      liveInputs: [
        {
          statuses: [null, "new_configuration_accepted", "connected", "client_disconnect"],
          statusPace: 900,
        },
      ],
    },
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const announced = { selector: "[role=status]" };
    await expect(
      await canvas.findByText("Broadcast status: Live", announced, { timeout: 10_000 }),
    ).toBeInTheDocument();
    await expect(
      await canvas.findByText("Broadcast status: Ended", announced, { timeout: 10_000 }),
    ).toBeInTheDocument();
  },
};

export const Loading: Story = {
  args: { uid: SEEDED_LIVE_INPUT },
  parameters: { backend: { liveInputs: [{}], latency: 600_000 } },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByText("Broadcast status: Loading…")).toBeInTheDocument();
  },
};

export const RequestFailed: Story = {
  args: { uid: SEEDED_LIVE_INPUT },
  parameters: { backend: { liveInputs: [{}], failWith: 403 } },
  play: async ({ canvasElement }) => {
    await expect(
      await within(canvasElement).findByText(/Something went wrong/, {
        selector: ".sk-badge__label",
      }),
    ).toBeVisible();
  },
};
