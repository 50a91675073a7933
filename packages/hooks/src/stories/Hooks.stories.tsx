import type { Meta, StoryObj } from "@storybook/react-vite";
import { storyBase } from "@streamkit/test-utils";
import { expect, userEvent, within } from "storybook/test";
import { StreamProvider } from "../StreamProvider";
import { StatusDemo } from "./StatusDemo";

const meta = {
  title: "Hooks/Upload from URL and live status",
  component: StatusDemo,
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
  parameters: { backend: { seed: [{ name: "Existing clip", pace: 0 }], pace: 300 } },
} satisfies Meta<typeof StatusDemo>;

export default meta;
type Story = StoryObj<typeof meta>;

export const CopyToReady: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByText(/Existing clip: ready/)).toBeInTheDocument();
    await userEvent.click(canvas.getByRole("button", { name: "Copy" }));
    await expect(await canvas.findByTestId("phase", {}, { timeout: 3000 })).toBeInTheDocument();
    await expect(
      await canvas.findByText("ready", { selector: "strong" }, { timeout: 15_000 }),
    ).toBeInTheDocument();
  },
};

export const CopyFails: Story = {
  args: { defaultUrl: "https://samples.test/broken.mp4" },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByRole("button", { name: "Copy" }));
    await expect(
      await canvas.findByText("error", { selector: "strong" }, { timeout: 15_000 }),
    ).toBeInTheDocument();
    await expect(canvas.getByText(/could not be downloaded/)).toBeInTheDocument();
  },
};

export const BadUrl: Story = {
  args: { defaultUrl: "ftp://nope" },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByRole("button", { name: "Copy" }));
    await expect(await canvas.findByRole("alert")).toHaveTextContent(/only http and https/);
  },
};

export const FailingBackend: Story = {
  parameters: { backend: { failWith: 503 } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByRole("alert", {}, { timeout: 10_000 })).toHaveTextContent(
      /Could not load the library/,
    );
  },
};
