import type { Meta, StoryObj } from "@storybook/react-vite";
import { StreamProvider } from "@streamkit/hooks";
import { MOCK_DELIVERY, mockUid, snapshot, storyBase } from "@streamkit/test-utils";
import { expect, within } from "storybook/test";
import { VideoStatusBadge } from "./VideoStatusBadge";

const SEEDED = mockUid(0x5eed0001);
const at = (
  state: "downloading" | "queued" | "inprogress" | "ready" | "error",
  elapsedPaces: number,
) =>
  snapshot(
    {
      uid: SEEDED,
      createdAt: Date.now() - elapsedPaces * 1000,
      name: "Clip",
      source: "https://x.test/v.mp4",
      pace: 1000,
      fails: state === "error",
      overrides: {},
    },
    MOCK_DELIVERY,
  );

const meta = {
  title: "UI/VideoStatusBadge",
  component: VideoStatusBadge,
  decorators: [
    (Story, context) => (
      <StreamProvider
        baseUrl={storyBase(context.loaded)}
        polling={{ waitingMs: 200, processingMs: 200, jitter: 0 }}
      >
        <Story />
      </StreamProvider>
    ),
  ],
} satisfies Meta<typeof VideoStatusBadge>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Watching a uid: the badge moves through the phases by itself and announces each one. */
export const Live: Story = {
  args: { uid: SEEDED, variant: "full" },
  parameters: { backend: { seed: [{ name: "Fresh copy", pace: 400, createdAt: Date.now() }] } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const announced = { selector: "[role=status]" };
    await expect(
      await canvas.findByText(/Video status: (Queued|Processing)/, announced, { timeout: 10_000 }),
    ).toBeInTheDocument();
    await expect(
      await canvas.findByText("Video status: Ready", announced, { timeout: 10_000 }),
    ).toBeInTheDocument();
  },
};

export const Processing: Story = {
  args: { video: at("inprogress", 4), variant: "full" },
  play: async ({ canvasElement }) => {
    await expect(
      within(canvasElement).getByText(/Video status: Processing, \d+%/),
    ).toBeInTheDocument();
  },
};

export const Ready: Story = { args: { video: at("ready", 100) } };

export const Failed: Story = {
  args: { video: at("error", 100), variant: "full" },
  play: async ({ canvasElement }) => {
    await expect(
      within(canvasElement).getByText(/could not be downloaded/, { selector: ".sk-badge__reason" }),
    ).toBeVisible();
  },
};

export const Compact: Story = { args: { video: at("queued", 1.5), variant: "compact" } };

export const Loading: Story = {
  args: { uid: SEEDED },
  parameters: { backend: { latency: 60_000 } },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByText("Video status: Loading…")).toBeInTheDocument();
  },
};

export const RequestFailed: Story = {
  args: { uid: SEEDED, variant: "full" },
  parameters: { backend: { failWith: 500 } },
  play: async ({ canvasElement }) => {
    await expect(
      await within(canvasElement).findByText(
        /Something went wrong/,
        { selector: ".sk-visually-hidden" },
        { timeout: 10_000 },
      ),
    ).toBeInTheDocument();
  },
};

const PHASES = [
  ["pendingupload", "Waiting for upload"],
  ["downloading", "Downloading"],
  ["queued", "Queued"],
  ["inprogress", "Processing"],
  ["ready", "Ready"],
  ["error", "Failed"],
  ["live-inprogress", "Live"],
] as const;

/** Every phase a video goes through, side by side, as a library shows them. */
export const EveryPhase: Story = {
  args: { video: at("ready", 100) },
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
      {PHASES.map(([state]) => (
        <li key={state}>
          <VideoStatusBadge
            {...args}
            video={{ ...at("ready", 100), status: { state, pctComplete: "40" } }}
          />
        </li>
      ))}
    </ul>
  ),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    for (const [, label] of PHASES) {
      await expect(canvas.getByText(label, { selector: ".sk-badge__label" })).toBeVisible();
    }
  },
};
