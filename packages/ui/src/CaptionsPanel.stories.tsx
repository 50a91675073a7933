import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, userEvent, waitFor, within } from "storybook/test";
import { mediaPanelDecorator, readyVideo, SEEDED } from "../../../.storybook/mediaStories";
import { CaptionsPanel } from "./captionsEntry";

const VTT = "WEBVTT\n\n00:00.000 --> 00:02.000\nHello, and welcome.\n";

const meta = {
  title: "UI/CaptionsPanel",
  component: CaptionsPanel,
  args: { uid: SEEDED, intervalMs: 300 },
  decorators: [mediaPanelDecorator],
} satisfies Meta<typeof CaptionsPanel>;

export default meta;
type Story = StoryObj<typeof meta>;

/** A ready video without captions: upload a file or generate some. */
export const Empty: Story = {
  parameters: { backend: { seed: [readyVideo()] } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByText("No captions yet.")).toBeVisible();
    await waitFor(() =>
      expect(canvas.getByRole("button", { name: "Generate captions" })).toBeEnabled(),
    );
  },
};

/** Uploaded, generated and failed tracks, each with its status and a delete button. */
export const List: Story = {
  parameters: {
    backend: {
      seed: [
        readyVideo({
          captions: [
            { language: "en" },
            { language: "pt-BR" },
            { language: "de", generated: true, status: "ready" },
            { language: "fr", generated: true, status: "error" },
          ],
        }),
      ],
    },
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const list = await canvas.findByRole("list", { name: "Caption tracks" });
    await expect(within(list).getAllByRole("listitem")).toHaveLength(4);
    await expect(within(list).getByText("Français (auto-generated)")).toBeVisible();
    await expect(within(list).getByText("Failed")).toBeVisible();
    await expect(canvas.getByRole("option", { name: "English (has captions)" })).toBeDisabled();
  },
};

/** The WebVTT upload in flight: the button says so until the API answers. */
export const Uploading: Story = {
  parameters: { backend: { seed: [readyVideo()], writeLatency: 60_000 } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await canvas.findByText("No captions yet.");
    await userEvent.type(canvas.getByRole("textbox", { name: "Language" }), "en");
    await userEvent.upload(
      canvas.getByLabelText("Caption file (.vtt)"),
      new File([VTT], "en.vtt", { type: "text/vtt" }),
    );
    await userEvent.click(canvas.getByRole("button", { name: "Upload captions" }));
    await expect(await canvas.findByRole("button", { name: "Uploading…" })).toHaveAttribute(
      "aria-disabled",
      "true",
    );
  },
};

/** Upload with the keyboard: the track appears and the live region says so. */
export const UploadWithKeyboard: Story = {
  parameters: { backend: { seed: [readyVideo()] } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await canvas.findByText("No captions yet.");
    const language = canvas.getByRole("textbox", { name: "Language" });
    await userEvent.upload(
      canvas.getByLabelText("Caption file (.vtt)"),
      new File([VTT], "de.vtt", { type: "text/vtt" }),
    );
    await userEvent.click(language);
    await userEvent.keyboard("de{Enter}");
    await expect(await canvas.findByText("Deutsch")).toBeVisible();
    await waitFor(() => expect(canvas.getByText("Deutsch captions uploaded.")).toBeInTheDocument());
  },
};

/** A generated track on its way: "Generating…" until the API says it is ready. */
export const Generating: Story = {
  parameters: {
    backend: {
      seed: [readyVideo({ captions: [{ language: "es", generated: true }] })],
      captionPace: 600_000,
    },
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByText("Generating…")).toBeVisible();
    await expect(canvasElement.querySelector(".sk-media")).toHaveAttribute(
      "data-state",
      "generating",
    );
  },
};

/** Generate in a chosen language and follow it to ready. */
export const GenerateUntilReady: Story = {
  parameters: { backend: { seed: [readyVideo()], captionPace: 1_500 } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await canvas.findByText("No captions yet.");
    await userEvent.selectOptions(canvas.getByRole("combobox", { name: "Spoken language" }), "ja");
    const generate = canvas.getByRole("button", { name: "Generate captions" });
    await waitFor(() => expect(generate).toBeEnabled());
    await userEvent.click(generate);
    await expect(await canvas.findByText("Generating…")).toBeVisible();
    await expect(await canvas.findByText("Ready", {}, { timeout: 10_000 })).toBeVisible();
    await waitFor(() => expect(canvas.getByText(/captions are ready\./)).toBeInTheDocument());
  },
};

/** Still processing: generation waits for a ready video and says why. */
export const VideoNotReady: Story = {
  parameters: {
    backend: { seed: [{ name: "Fresh upload", pace: 600_000, createdAt: Date.now() }] },
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(
      await canvas.findByText("Captions can be generated once the video is ready."),
    ).toBeVisible();
    await expect(canvas.getByRole("button", { name: "Generate captions" })).toBeDisabled();
  },
};

/** A file that is not WebVTT is refused in the browser, at the field. */
export const InvalidFile: Story = {
  parameters: { backend: { seed: [readyVideo()] } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await canvas.findByText("No captions yet.");
    await userEvent.type(canvas.getByRole("textbox", { name: "Language" }), "en");
    const file = canvas.getByLabelText("Caption file (.vtt)");
    await userEvent.upload(file, new File(["<html>not captions</html>"], "page.vtt"));
    await userEvent.click(canvas.getByRole("button", { name: "Upload captions" }));
    await waitFor(() => expect(file).toHaveAttribute("aria-invalid", "true"));
    await expect(file).toHaveAccessibleDescription(/This file cannot be used/);
    await expect(file).toHaveFocus();
  },
};

/** The captions could not be read. */
export const ErrorState: Story = {
  name: "Error",
  parameters: { backend: { seed: [readyVideo()], failWith: 403 } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByText(/Something went wrong/)).toBeVisible();
    await expect(canvas.getByRole("button", { name: "Try again" })).toBeVisible();
  },
};

/** The backend refuses a change: the reason shows in an alert. */
export const ChangeRefused: Story = {
  parameters: { backend: { seed: [readyVideo()], failWritesWith: 413 } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await canvas.findByText("No captions yet.");
    await userEvent.type(canvas.getByRole("textbox", { name: "Language" }), "en");
    await userEvent.upload(
      canvas.getByLabelText("Caption file (.vtt)"),
      new File([VTT], "en.vtt", { type: "text/vtt" }),
    );
    await userEvent.click(canvas.getByRole("button", { name: "Upload captions" }));
    await expect(await canvas.findByRole("alert")).toHaveTextContent(/refuses changes/);
  },
};

/** Preview a ready caption: its first cues in a region; Close returns focus to the button. */
export const Preview: Story = {
  parameters: { backend: { seed: [readyVideo({ captions: [{ language: "en" }] })] } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const open = await canvas.findByRole("button", { name: "Preview English captions" });
    await userEvent.click(open);
    const region = await canvas.findByRole("region", { name: "English captions, first lines" });
    await expect(await within(region).findByText("English: line 1")).toBeVisible();
    await userEvent.click(within(region).getByRole("button", { name: "Close preview" }));
    await expect(open).toHaveFocus();
  },
};

/** Before the first answer: a polite "Loading…" status in the panel's place. */
export const Loading: Story = {
  parameters: { backend: { seed: [readyVideo()], latency: 60_000 } },
  play: async ({ canvasElement }) => {
    await expect(
      within(canvasElement).getByText("Loading…", { selector: "[role=status]" }),
    ).toBeVisible();
    await expect(canvasElement.querySelector("[data-state]")).toHaveAttribute(
      "data-state",
      "loading",
    );
  },
};
