import type { Meta, StoryObj } from "@storybook/react-vite";
import { useState } from "react";
import { expect, userEvent, within } from "storybook/test";
import { mediaPanelDecorator } from "../../../.storybook/mediaStories";
import { WatermarkPicker } from "./mediaEntry";

const meta = {
  title: "UI/WatermarkPicker",
  component: WatermarkPicker,
  decorators: [mediaPanelDecorator],
  parameters: { backend: { watermarks: "sample" } },
} satisfies Meta<typeof WatermarkPicker>;

export default meta;
type Story = StoryObj<typeof meta>;

/** The account's profiles with their previews; arrow keys move the choice. */
export const List: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const logo = await canvas.findByRole("radio", { name: "Logo, corner" });
    await expect(canvas.getByRole("radio", { name: "No watermark" })).toBeChecked();
    await userEvent.click(logo);
    await expect(logo).toBeChecked();
    await userEvent.keyboard("{ArrowDown}");
    await expect(canvas.getByRole("radio", { name: "Draft stamp" })).toBeChecked();
  },
};

function Controlled() {
  const [uid, setUid] = useState<string>();
  return (
    <>
      <WatermarkPicker label="Brand mark" value={uid ?? null} onChange={setUid} />
      <p style={{ overflowWrap: "anywhere" }}>Chosen: {uid ?? "none"}</p>
    </>
  );
}

/** Controlled: the app holds the uid (`value`, `onChange`). */
export const ControlledValue: Story = {
  render: () => <Controlled />,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByRole("radio", { name: "Draft stamp" }));
    await expect(canvas.getByText(/Chosen: 0+3a7e0002/)).toBeVisible();
  },
};

/** While the profiles load. */
export const Loading: Story = {
  parameters: { backend: { watermarks: "sample", latency: 600_000 } },
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByText("Loading…")).toBeVisible();
    await expect(canvasElement.querySelector(".sk-watermark-picker")).toHaveAttribute(
      "data-state",
      "loading",
    );
  },
};

/** No profiles yet: only "No watermark". */
export const Empty: Story = {
  parameters: { backend: { watermarks: [] } },
  play: async ({ canvasElement }) => {
    await expect(
      await within(canvasElement).findByText("No watermark profiles yet."),
    ).toBeVisible();
  },
};

/** The list could not be read. */
export const ErrorState: Story = {
  name: "Error",
  parameters: { backend: { failWith: 404 } },
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByText(/Something went wrong/)).toBeVisible();
  },
};

/** Disabled while the form around it is busy. */
export const Busy: Story = {
  args: { disabled: true },
  play: async ({ canvasElement }) => {
    await expect(
      await within(canvasElement).findByRole("radio", { name: "Logo, corner" }),
    ).toBeDisabled();
  },
};
