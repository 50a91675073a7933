import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, userEvent, waitFor, within } from "storybook/test";
import { mediaPanelDecorator } from "../../../.storybook/mediaStories";
import { WatermarksManager } from "./mediaEntry";

const meta = {
  title: "UI/WatermarksManager",
  component: WatermarksManager,
  decorators: [mediaPanelDecorator],
  parameters: { backend: { watermarks: "sample" } },
} satisfies Meta<typeof WatermarksManager>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Two profiles with their previews, placement and size. */
export const List: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const list = await canvas.findByRole("list", { name: "Watermark profiles" });
    await expect(within(list).getAllByRole("listitem")).toHaveLength(2);
    await expect(within(list).getByText(/Lower right · 10% wide · 80% opaque/)).toBeVisible();
  },
};

export const Loading: Story = {
  parameters: { backend: { watermarks: "sample", latency: 600_000 } },
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByText("Loading…")).toBeVisible();
  },
};

export const Empty: Story = {
  parameters: { backend: { watermarks: [] } },
  play: async ({ canvasElement }) => {
    await expect(
      await within(canvasElement).findByText("No watermark profiles yet."),
    ).toBeVisible();
  },
};

/** Create one from a URL: it joins the list and the live region says so. */
export const CreateFromUrl: Story = {
  parameters: { backend: { watermarks: [] } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await canvas.findByText("No watermark profiles yet.");
    await userEvent.click(canvas.getByRole("radio", { name: "A URL" }));
    await userEvent.type(
      canvas.getByRole("textbox", { name: "Image URL" }),
      "https://example.com/logo.png",
    );
    await userEvent.type(canvas.getByRole("textbox", { name: "Name" }), "Corner logo");
    await userEvent.click(canvas.getByRole("button", { name: "Add profile" }));
    await expect(await canvas.findByText("Corner logo")).toBeVisible();
    await waitFor(() =>
      expect(canvas.getByText("Watermark profile Corner logo added.")).toBeInTheDocument(),
    );
  },
};

/** A file that is not an image is refused at the field, before any upload. */
export const InvalidFile: Story = {
  parameters: { backend: { watermarks: [] } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await canvas.findByText("No watermark profiles yet.");
    const file = canvas.getByLabelText("Image file");
    await userEvent.upload(file, new File(["hello"], "fake.png", { type: "image/png" }));
    await userEvent.click(canvas.getByRole("button", { name: "Add profile" }));
    await waitFor(() => expect(file).toHaveAttribute("aria-invalid", "true"));
    await expect(file).toHaveAccessibleDescription(/This file is not an image/);
  },
};

/** The create request in flight: the button says so. */
export const Busy: Story = {
  parameters: { backend: { watermarks: [], writeLatency: 600_000 } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await canvas.findByText("No watermark profiles yet.");
    await userEvent.click(canvas.getByRole("radio", { name: "A URL" }));
    await userEvent.type(
      canvas.getByRole("textbox", { name: "Image URL" }),
      "https://example.com/logo.png",
    );
    await userEvent.click(canvas.getByRole("button", { name: "Add profile" }));
    await expect(await canvas.findByRole("button", { name: "Adding…" })).toHaveAttribute(
      "aria-disabled",
      "true",
    );
  },
};

/** Delete asks first, with Cancel focused. */
export const ConfirmDelete: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(
      await canvas.findByRole("button", { name: "Delete watermark profile Draft stamp" }),
    );
    await expect(canvas.getByRole("button", { name: "Cancel" })).toHaveFocus();
  },
};

/** The proxy keeps changes for admins (403): the panel says so plainly. */
export const NeedsAdmin: Story = {
  parameters: { backend: { watermarks: "sample", failWritesWith: 403 } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(
      await canvas.findByRole("button", { name: "Delete watermark profile Draft stamp" }),
    );
    await userEvent.click(canvas.getByRole("button", { name: "Delete" }));
    await expect(await canvas.findByRole("alert")).toHaveTextContent(/Only an admin/);
  },
};

export const ErrorState: Story = {
  name: "Error",
  parameters: { backend: { failWith: 404 } },
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByText(/Something went wrong/)).toBeVisible();
  },
};
