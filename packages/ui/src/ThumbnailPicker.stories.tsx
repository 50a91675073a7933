import type { Meta, StoryObj } from "@storybook/react-vite";
import { inState, mockUid } from "@streamkit/test-utils";
import { expect, fn, userEvent, waitFor, within } from "storybook/test";
import { withStream } from "../../../.storybook/decorators";
import { ThumbnailPicker } from "./ThumbnailPicker";

/** The first video a story seeds gets this uid; the mock's ready videos last 12.5 s. */
const SEEDED = mockUid(0x5eed0001);
const TOKEN = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiI1ZWVkMDAwMSJ9.bW9jay1zaWduYXR1cmU";
const seed = (extra = {}) => ({
  backend: { seed: [{ name: "Sunset timelapse", ...inState("ready"), ...extra }] },
});

const meta = {
  title: "UI/ThumbnailPicker",
  component: ThumbnailPicker,
  decorators: [withStream],
  args: { uid: SEEDED, onSaved: fn() },
  parameters: { ...seed(), stream: { width: 640 } },
} satisfies Meta<typeof ThumbnailPicker>;

export default meta;
type Story = StoryObj<typeof meta>;

const checked = (canvasElement: HTMLElement) =>
  within(canvasElement).getByRole("radio", { checked: true });

/** One tab stop for the frames; arrows move the choice; Save stores the position. */
export const ChooseAndSave: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    const group = await canvas.findByRole("radiogroup", { name: "Choose a frame" });
    await expect(within(group).getAllByRole("radio")).toHaveLength(8);
    await userEvent.tab();
    await expect(checked(canvasElement)).toHaveFocus();
    await userEvent.keyboard("{ArrowRight}{ArrowRight}{ArrowRight}{ArrowRight}");
    await expect(checked(canvasElement)).toHaveAccessibleName("Frame at 6.3 seconds");
    await expect(checked(canvasElement)).toHaveFocus();
    const preview = canvas.getByRole("img", { name: "Chosen frame, at 6.3 seconds" });
    await waitFor(() => expect(preview).toHaveAttribute("data-state", "loaded"));
    await userEvent.click(canvas.getByRole("button", { name: "Use this frame" }));
    await expect(await canvas.findByText("Thumbnail saved.")).toBeInTheDocument();
    await expect(args.onSaved).toHaveBeenCalledWith(
      expect.objectContaining({ thumbnailTimestampPct: 0.5 }),
    );
  },
};

/** Still encoding: nothing to choose yet, and the reason is tied to the disabled button. */
export const Processing: Story = {
  parameters: seed(inState("inprogress")),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const save = await canvas.findByRole("button", { name: "Use this frame" });
    await expect(save).toBeDisabled();
    await expect(save).toHaveAccessibleDescription(/once the video is ready/);
    await expect(canvas.queryByRole("radiogroup")).toBeNull();
  },
};

export const Failed: Story = {
  parameters: seed(inState("error")),
  play: async ({ canvasElement }) => {
    await expect(
      await within(canvasElement).findByText(/could not be processed/),
    ).toBeInTheDocument();
  },
};

/** A private video: frame images are requested with the signed token. */
export const Signed: Story = {
  args: { token: TOKEN },
  parameters: seed({ overrides: { requireSignedURLs: true } }),
  play: async ({ canvasElement }) => {
    const group = await within(canvasElement).findByRole("radiogroup");
    const first = group.querySelector("img");
    await expect(first?.getAttribute("src")).toContain(`/${TOKEN}/thumbnails/thumbnail.jpg`);
    await waitFor(() => expect(first).toHaveAttribute("data-state", "loaded"));
  },
};

export const Loading: Story = {
  parameters: { backend: { ...seed().backend, latency: 60_000 } },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByText("Loading…")).toBeInTheDocument();
  },
};

/** The status request fails once; "Try again" polls again. */
export const FailedRequest: Story = {
  parameters: { backend: { ...seed().backend, failWith: 403, failTimes: 1 } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByRole("alert")).toHaveTextContent(/set to fail/);
    await userEvent.click(canvas.getByRole("button", { name: "Try again" }));
    await expect(await canvas.findByRole("radiogroup")).toBeInTheDocument();
  },
};
