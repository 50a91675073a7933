import type { Meta, StoryObj } from "@storybook/react-vite";
import { inState, mockUid } from "@streamkit/test-utils";
import { expect, fn, userEvent, waitFor, within } from "storybook/test";
import { withStream } from "../../../.storybook/decorators";
import { HOSTILE_META, HOSTILE_NAME } from "../../../.storybook/hostile";
import { VideoDetails } from "./VideoDetails";

/** The first video a story seeds gets this uid. */
const SEEDED = mockUid(0x5eed0001);
const seed = (extra = {}) => ({
  backend: {
    seed: [
      {
        name: "Sunset timelapse",
        meta: { "downloaded-from": "https://samples.test/sunset.mp4", team: "marketing" },
        ...inState("ready"),
        ...extra,
      },
    ],
  },
});

const meta = {
  title: "UI/VideoDetails",
  component: VideoDetails,
  decorators: [withStream],
  args: { uid: SEEDED, onDeleted: fn() },
  parameters: { ...seed(), stream: { width: 560 } },
} satisfies Meta<typeof VideoDetails>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Rename, add a field, press Enter: saved at once (optimistic), confirmed in a live region. */
export const EditAndSave: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const name = await canvas.findByRole("textbox", { name: "Name" });
    await userEvent.clear(name);
    await userEvent.type(name, "Sunset, final cut");
    await userEvent.click(canvas.getByRole("button", { name: "Add field" }));
    await expect(canvas.getByRole("textbox", { name: "Key 3" })).toHaveFocus();
    await userEvent.keyboard("reviewed");
    await userEvent.type(canvas.getByRole("textbox", { name: "Value 3" }), "yes{Enter}");
    await waitFor(() => expect(canvas.getByText("Saved.")).toHaveAttribute("role", "status"));
  },
};

/** Origins that are not host names are caught before any request. */
export const InvalidOrigins: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const origins = await canvas.findByRole("textbox", { name: "Allowed origins" });
    await userEvent.type(origins, "https://example.com/");
    await userEvent.click(canvas.getByRole("button", { name: "Save" }));
    await expect(origins).toHaveAttribute("aria-invalid", "true");
    await expect(origins).toHaveFocus();
    await expect(origins).toHaveAccessibleDescription(/Not a host name: https:\/\/example.com\//);
  },
};

/** A private video with an embed allow-list. */
export const Signed: Story = {
  parameters: seed({
    overrides: { requireSignedURLs: true, allowedOrigins: ["example.com", "*.example.org"] },
  }),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(
      await canvas.findByRole("checkbox", { name: /Require signed URLs/ }),
    ).toBeChecked();
    await expect(canvas.getByRole("textbox", { name: "Allowed origins" })).toHaveValue(
      "example.com\n*.example.org",
    );
  },
};

/** Still processing: the settings can be edited all the same. */
export const Processing: Story = {
  parameters: seed(inState("inprogress")),
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByRole("textbox", { name: "Name" })).toHaveValue(
      "Sunset timelapse",
    );
  },
};

/** The proxy refuses the save: the reason in an alert, the draft kept. */
export const SaveFails: Story = {
  parameters: { backend: { ...seed().backend, failWritesWith: 403 } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByRole("checkbox", { name: /Require signed URLs/ }));
    await userEvent.click(canvas.getByRole("button", { name: "Save" }));
    await expect(await canvas.findByRole("alert")).toHaveTextContent(/refuses changes/);
    await expect(canvas.getByRole("checkbox", { name: /Require signed URLs/ })).toBeChecked();
  },
};

/** Delete asks first; Escape backs out, then the confirmed delete calls `onDeleted`. */
export const Delete: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByRole("button", { name: "Delete video" }));
    await userEvent.keyboard("{Escape}");
    await expect(canvas.getByRole("button", { name: "Delete video" })).toHaveFocus();
    await userEvent.click(canvas.getByRole("button", { name: "Delete video" }));
    const question = canvas.getByRole("group", { name: /Delete this video\?/ });
    await userEvent.click(within(question).getByRole("button", { name: "Delete" }));
    await waitFor(() => expect(args.onDeleted).toHaveBeenCalledTimes(1));
  },
};

export const Loading: Story = {
  parameters: { backend: { ...seed().backend, latency: 60_000 } },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByText("Loading…")).toBeInTheDocument();
  },
};

export const NotFound: Story = {
  parameters: { backend: { seed: [] } },
  play: async ({ canvasElement }) => {
    await expect(
      await within(canvasElement).findByText("This video does not exist (any more)."),
    ).toBeInTheDocument();
  },
};

/** Loading failed once; "Try again" brings the form. */
export const FailedRequest: Story = {
  parameters: { backend: { ...seed().backend, failWith: 403, failTimes: 1 } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByRole("alert")).toHaveTextContent(/set to fail/);
    await userEvent.click(canvas.getByRole("button", { name: "Try again" }));
    await expect(await canvas.findByRole("textbox", { name: "Name" })).toBeInTheDocument();
  },
};

/** The player's branding: title and links (`publicDetails`); a bad URL is flagged at its field. */
export const PublicDetails: Story = {
  parameters: seed({ overrides: { publicDetails: { title: "Sunset", share_link: null } } }),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const title = await canvas.findByRole("textbox", { name: "Title" });
    await expect(title).toHaveValue("Sunset");
    const logo = canvas.getByRole("textbox", { name: "Logo URL" });
    await userEvent.type(logo, "not a url");
    await userEvent.click(canvas.getByRole("button", { name: "Save" }));
    await expect(logo).toHaveAttribute("aria-invalid", "true");
    await userEvent.clear(logo);
    await userEvent.type(logo, "https://cdn.example.com/logo.png");
    await userEvent.click(canvas.getByRole("button", { name: "Save" }));
    await expect(await canvas.findByText("Saved.")).toBeInTheDocument();
  },
};

/** A 5,000-character name and 200 long meta fields: every field editable, none wider than the box. */
export const HostileLengths: Story = {
  parameters: seed({ name: HOSTILE_NAME, meta: HOSTILE_META }),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByRole("textbox", { name: "Name" })).toHaveValue(HOSTILE_NAME);
    await expect(canvas.getByRole("textbox", { name: "Key 200" })).toBeVisible();
  },
};
