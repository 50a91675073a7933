import type { Meta, StoryObj } from "@storybook/react-vite";
import { SEEDED_LIVE_INPUT } from "@streamkit/test-utils";
import { expect, userEvent, waitFor, within } from "storybook/test";
import { mediaPanelDecorator } from "../../../.storybook/mediaStories";
import { LiveOutputsEditor } from "./liveEntry";

const TWO_OUTPUTS = {
  liveInputs: [
    {
      outputs: [
        { url: "rtmps://a.rtmp.youtube.com/live2", streamKey: "abcd-efgh-ijkl-mnop" },
        { url: "rtmp://live.twitch.tv/app", streamKey: "live_123_abc", enabled: false },
      ],
    },
  ],
};

const meta = {
  title: "UI/Live/LiveOutputsEditor",
  component: LiveOutputsEditor,
  args: { uid: SEEDED_LIVE_INPUT },
  decorators: [mediaPanelDecorator],
  parameters: { backend: TWO_OUTPUTS },
} satisfies Meta<typeof LiveOutputsEditor>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Two targets, one forwarding, their keys masked. */
export const List: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const list = await canvas.findByRole("list", { name: "Simulcast outputs" });
    await expect(within(list).getAllByRole("listitem")).toHaveLength(2);
    await expect(list).not.toHaveTextContent("abcd-efgh-ijkl-mnop");
  },
};

export const Empty: Story = {
  parameters: { backend: { liveInputs: [{}] } },
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByText(/No outputs yet/)).toBeVisible();
  },
};

/** Add one: it joins the list and the live region says so. */
export const Add: Story = {
  parameters: { backend: { liveInputs: [{}] } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await canvas.findByText(/No outputs yet/);
    await userEvent.type(canvas.getByRole("textbox", { name: "URL" }), "srt://ingest.test:9000");
    await userEvent.type(canvas.getByRole("textbox", { name: "Stream key" }), "secret");
    await userEvent.click(canvas.getByRole("button", { name: "Add output" }));
    await waitFor(() =>
      expect(canvas.getByText("Output srt://ingest.test:9000 added.")).toBeInTheDocument(),
    );
  },
};

/** Not an rtmp://, rtmps:// or srt:// URL: refused at the field, before any request. */
export const InvalidUrl: Story = {
  parameters: { backend: { liveInputs: [{}] } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await canvas.findByText(/No outputs yet/);
    const url = canvas.getByRole("textbox", { name: "URL" });
    await userEvent.type(url, "https://youtube.com");
    await userEvent.click(canvas.getByRole("button", { name: "Add output" }));
    await expect(url).toHaveAttribute("aria-invalid", "true");
    await expect(url).toHaveAccessibleDescription(/Enter an rtmp:\/\//);
  },
};

/** Delete asks first, with Cancel focused. */
export const ConfirmDelete: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(
      await canvas.findByRole("button", {
        name: "Delete output rtmps://a.rtmp.youtube.com/live2",
      }),
    );
    await expect(canvas.getByRole("button", { name: "Cancel" })).toHaveFocus();
  },
};

export const Loading: Story = {
  parameters: { backend: { ...TWO_OUTPUTS, latency: 600_000 } },
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByText("Loading…")).toBeVisible();
  },
};

export const ErrorState: Story = {
  name: "Error",
  parameters: { backend: { ...TWO_OUTPUTS, failWith: 403 } },
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByRole("alert")).toHaveTextContent(
      /Something went wrong/,
    );
  },
};
