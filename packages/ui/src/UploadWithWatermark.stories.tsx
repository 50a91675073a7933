import type { Meta, StoryObj } from "@storybook/react-vite";
import { useState } from "react";
import { expect, userEvent, waitFor, within } from "storybook/test";
import { mediaPanelDecorator } from "../../../.storybook/mediaStories";
import { UploadFromUrlForm } from "./index";
import { WatermarkPicker } from "./mediaEntry";
import { UploadDropzone } from "./uploadEntry";

/**
 * The upload forms take a `watermark` and a `fields` slot; the picker comes from
 * `@streamkit/ui/media`, so the main entry does not carry it.
 */
const meta = {
  title: "UI/Upload with a watermark",
  decorators: [mediaPanelDecorator],
  parameters: { backend: { watermarks: "sample" } },
} satisfies Meta;

export default meta;
type Story = StoryObj<typeof meta>;

function UrlForm() {
  const [uid, setUid] = useState<string>();
  return (
    <UploadFromUrlForm
      watermark={uid ? { uid } : undefined}
      fields={<WatermarkPicker value={uid ?? null} onChange={setUid} />}
    />
  );
}

/** Copy from a URL with the chosen profile. */
export const FromUrl: Story = {
  render: () => <UrlForm />,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByRole("radio", { name: "Logo, corner" }));
    await userEvent.type(
      canvas.getByRole("textbox", { name: "Video URL" }),
      "https://samples.test/cat.mp4{Enter}",
    );
    await waitFor(() => expect(canvas.getByRole("list")).toBeVisible());
  },
};

function Dropzone() {
  const [uid, setUid] = useState<string>();
  return (
    <UploadDropzone
      watermark={uid ? { uid } : undefined}
      fields={<WatermarkPicker value={uid ?? null} onChange={setUid} />}
    />
  );
}

/** File uploads with the chosen profile. */
export const FromFiles: Story = {
  render: () => <Dropzone />,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const draft = await canvas.findByRole("radio", { name: "Draft stamp" });
    await userEvent.click(draft);
    await expect(draft).toBeChecked();
  },
};
