import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, fn, userEvent, waitFor, within } from "storybook/test";
import { withStream } from "../../../.storybook/decorators";
import { UploadFromUrlForm } from "./UploadFromUrlForm";

const meta = {
  title: "UI/UploadFromUrlForm",
  component: UploadFromUrlForm,
  decorators: [withStream],
  args: { onUploaded: fn(), onReady: fn() },
  // A copied video spends about 0.3 s in each lifecycle phase.
  parameters: { backend: { pace: 300 } },
} satisfies Meta<typeof UploadFromUrlForm>;

export default meta;
type Story = StoryObj<typeof meta>;

const field = (canvasElement: HTMLElement) =>
  within(canvasElement).getByRole("textbox", { name: "Video URL" });

/** Type a URL and press Enter: the upload's progress shows until it is ready. */
export const UploadToReady: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await userEvent.type(canvas.getByRole("textbox", { name: "Name (optional)" }), "Holiday");
    await userEvent.type(field(canvasElement), "https://samples.test/holiday.mp4{Enter}");
    const uploads = await canvas.findByRole("list", { name: "Uploads" });
    await expect(uploads).toHaveTextContent("Holiday");
    await expect(args.onUploaded).toHaveBeenCalledTimes(1);
    await expect(
      await canvas.findByText("Holiday is ready.", {}, { timeout: 10_000 }),
    ).toBeInTheDocument();
    await expect(args.onReady).toHaveBeenCalledTimes(1);
    await expect(field(canvasElement)).toHaveValue("");
  },
};

/** Checked before any request: the reason shows under the field, which is marked invalid. */
export const InvalidUrl: Story = {
  args: { defaultUrl: "ftp://samples.test/holiday.mp4" },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole("button", { name: "Upload from URL" }));
    const input = field(canvasElement);
    await expect(input).toHaveAttribute("aria-invalid", "true");
    await expect(input).toHaveAccessibleDescription(/only http and https URLs are accepted/);
    await expect(input).toHaveFocus();
    await expect(args.onUploaded).not.toHaveBeenCalled();
  },
};

/** The copy is accepted, then processing fails: the badge gives the reason. */
export const ProcessingFails: Story = {
  args: { defaultUrl: "https://samples.test/broken.mp4" },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole("button", { name: "Upload from URL" }));
    await expect(
      await canvas.findByText(
        /could not be downloaded/,
        { selector: ".sk-badge__reason" },
        { timeout: 10_000 },
      ),
    ).toBeVisible();
  },
};

/** While the request is out, the button says so (the backend answers after a minute). */
export const Submitting: Story = {
  args: { defaultUrl: "https://samples.test/holiday.mp4" },
  parameters: { backend: { latency: 60_000 } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole("button", { name: "Upload from URL" }));
    const button = await canvas.findByRole("button", { name: "Starting…" });
    await expect(button).toHaveAttribute("aria-disabled", "true");
    await expect(canvasElement.querySelector("form")).toHaveAttribute("data-state", "submitting");
  },
};

/** The proxy refuses: the error is announced in an alert and the URL stays for another try. */
export const RequestFails: Story = {
  args: { defaultUrl: "https://samples.test/holiday.mp4" },
  parameters: { backend: { failWith: 403 } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole("button", { name: "Upload from URL" }));
    await waitFor(() =>
      expect(canvas.getByRole("alert")).toHaveTextContent(/The mock backend is set to fail/),
    );
    await expect(field(canvasElement)).toHaveValue("https://samples.test/holiday.mp4");
  },
};
