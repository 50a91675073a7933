import type { Meta, StoryObj } from "@storybook/react-vite";
import { expect, fn, userEvent, waitFor, within } from "storybook/test";
import { withStream } from "../../../.storybook/decorators";
import {
  UploadDropzone,
  UploadDropzoneInput,
  UploadDropzoneList,
  UploadDropzoneRoot,
  UploadDropzoneRow,
  UploadDropzoneStatus,
  useUploadDropzone,
} from "./uploadEntry";

const meta = {
  title: "UI/UploadDropzone",
  component: UploadDropzone,
  decorators: [withStream],
  args: { onUploaded: fn(), onReady: fn(), onError: fn(), uploadOptions: { retryDelays: [] } },
  // An uploaded video spends about 0.3 s queued and 1.2 s encoding.
  parameters: { backend: { pace: 300 } },
} satisfies Meta<typeof UploadDropzone>;

export default meta;
type Story = StoryObj<typeof meta>;

/** A stand-in for a file from the user's disk (the mock backend never decodes it). */
const file = (name: string, bytes = 256 * 1024, type = "video/mp4") =>
  new File([new Uint8Array(bytes)], name, { type, lastModified: 1 });

/**
 * A real drag event with a real DataTransfer, as a browser sends it (Testing Library's fireEvent
 * swaps in an empty DataTransfer when it runs in a browser).
 */
const drag = (target: Element, type: "dragenter" | "dragover" | "drop", files: File[]) => {
  const dataTransfer = new DataTransfer();
  for (const f of files) dataTransfer.items.add(f);
  target.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer }));
};

const input = (canvasElement: HTMLElement) => within(canvasElement).getByLabelText(/^Choose/);
const row = async (canvasElement: HTMLElement, name: string) => {
  const label = await within(canvasElement).findByText(name, { selector: ".sk-upload__name" });
  const item = label.closest("li");
  if (!item) throw new Error(`no row for ${name}`);
  return item;
};
const inState = async (canvasElement: HTMLElement, name: string, state: string) => {
  const item = await row(canvasElement, name);
  await waitFor(() => expect(item).toHaveAttribute("data-state", state), { timeout: 10_000 });
  return item;
};

/** Nothing chosen yet: a drop area and a real, labelled file input (Tab reaches it). */
export const Empty: Story = {
  args: { maxSizeBytes: 2_000_000_000, maxDurationSeconds: 3_600 },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.tab();
    await expect(input(canvasElement)).toHaveFocus();
    await expect(input(canvasElement)).toHaveAttribute("type", "file");
    await expect(canvas.getByText("Up to 2 GB and 1:00:00 each.")).toBeVisible();
    await expect(canvas.getByRole("group", { name: "Upload videos" })).toBeVisible();
  },
};

/**
 * On a touch screen (`pointer: coarse`) the prompt speaks of the device, not of dragging. Here it
 * is forced with `data-pointer="coarse"`, as an app that knows its device may do.
 */
export const TouchScreen: Story = {
  render: (args) => <UploadDropzone {...args} data-pointer="coarse" />,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByText("Add videos from this device:")).toBeVisible();
    await expect(canvas.queryByText(/Drag and drop/)).not.toBeVisible();
  },
};

/** Files dragged over the area. */
export const DragOver: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    drag(canvas.getByRole("group", { name: "Upload videos" }), "dragenter", [file("a.mp4")]);
    await expect(await canvas.findByText("Drop to upload")).toBeVisible();
    await expect(canvasElement.querySelector(".sk-dropzone")).toHaveAttribute(
      "data-state",
      "dragover",
    );
  },
};

/** Bytes on their way: a progress bar per file (the mock answers late, so it stays here). */
export const Uploading: Story = {
  parameters: { backend: { uploadDelay: 600_000 } },
  play: async ({ canvasElement }) => {
    await userEvent.upload(input(canvasElement), [file("holiday.mp4"), file("birthday.mov")]);
    const item = await inState(canvasElement, "holiday.mp4", "uploading");
    await expect(
      within(item).getByRole("progressbar", { name: "Upload of holiday.mp4" }),
    ).toBeVisible();
    await expect(within(item).getByRole("button", { name: "Pause holiday.mp4" })).toBeVisible();
    // Starts in the same moment are announced together, a later one on its own.
    await waitFor(() =>
      expect(within(canvasElement).getByRole("status")).toHaveTextContent(
        /Uploading (holiday\.mp4|birthday\.mov)\./,
      ),
    );
  },
};

/** Paused: nothing is sent until Resume (the same button, so focus stays on it). */
export const Paused: Story = {
  parameters: { backend: { uploadDelay: 600_000 } },
  play: async ({ canvasElement }) => {
    await userEvent.upload(input(canvasElement), file("holiday.mp4"));
    const item = await inState(canvasElement, "holiday.mp4", "uploading");
    const button = within(item).getByRole("button", { name: "Pause holiday.mp4" });
    await userEvent.click(button);
    await expect(item).toHaveAttribute("data-state", "paused");
    await expect(button).toHaveAccessibleName("Resume holiday.mp4");
    await expect(button).toHaveFocus();
  },
};

/** The bytes are in: the status badge follows Stream's processing. */
export const Processing: Story = {
  parameters: { backend: { pace: 600_000 } },
  play: async ({ canvasElement, args }) => {
    await userEvent.upload(input(canvasElement), file("holiday.mp4"));
    const item = await inState(canvasElement, "holiday.mp4", "processing");
    await expect(await within(item).findByText(/^Video status: Queued/)).toBeInTheDocument();
    await expect(args.onUploaded).toHaveBeenCalledTimes(1);
    await expect(within(canvasElement).getByRole("status")).toHaveTextContent(
      "holiday.mp4 uploaded, now processing.",
    );
  },
};

/** All the way: uploaded, processed, ready to play. */
export const Ready: Story = {
  play: async ({ canvasElement, args }) => {
    await userEvent.upload(input(canvasElement), file("holiday.mp4"));
    await inState(canvasElement, "holiday.mp4", "ready");
    await expect(within(canvasElement).getByRole("status")).toHaveTextContent(
      "holiday.mp4 is ready.",
    );
    await expect(args.onReady).toHaveBeenCalledTimes(1);
    await expect(
      within(canvasElement).getByRole("button", { name: "Remove holiday.mp4 from the list" }),
    ).toBeVisible();
  },
};

/** Checked before any request: the wrong type, too big, too long; each with its reason. */
export const Refused: Story = {
  args: {
    maxSizeBytes: 1_000_000,
    maxDurationSeconds: 60,
    uploadOptions: {
      readDuration: async (blob) => ((blob as File).name === "lecture.mp4" ? 5_400 : 30),
    },
  },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    drag(canvas.getByRole("group", { name: "Upload videos" }), "drop", [
      file("notes.pdf", 1_000, "application/pdf"),
      file("raw.mp4", 3_000_000),
      file("lecture.mp4"),
    ]);
    await inState(canvasElement, "lecture.mp4", "error");
    await expect(
      within(await row(canvasElement, "notes.pdf")).getByText(
        "Not a video file this page accepts.",
      ),
    ).toBeVisible();
    await expect(
      within(await row(canvasElement, "raw.mp4")).getByText("Larger than 1 MB."),
    ).toBeVisible();
    await expect(
      within(await row(canvasElement, "lecture.mp4")).getByText("Longer than 1:00."),
    ).toBeVisible();
    await expect(args.onError).toHaveBeenCalledTimes(3);
    await expect(args.onUploaded).not.toHaveBeenCalled();
  },
};

/** The upload failed (a 503 and no retries left): Retry tries again, and this time it works. */
export const Failed: Story = {
  parameters: { backend: { uploadFailWith: 503, uploadFailTimes: 1 } },
  play: async ({ canvasElement }) => {
    await userEvent.upload(input(canvasElement), file("holiday.mp4"));
    const item = await inState(canvasElement, "holiday.mp4", "error");
    await expect(
      within(item).getByText(/^Failed: The video service is not answering/),
    ).toBeVisible();
    await userEvent.click(within(item).getByRole("button", { name: "Retry holiday.mp4" }));
    await inState(canvasElement, "holiday.mp4", "processing");
  },
};

/** The one-time link expired before the bytes arrived: a clear message; Retry gets a new link. */
export const LinkExpired: Story = {
  parameters: { backend: { uploadFailWith: 410, uploadFailTimes: 1 } },
  play: async ({ canvasElement }) => {
    await userEvent.upload(input(canvasElement), file("holiday.mp4"));
    const item = await inState(canvasElement, "holiday.mp4", "error");
    await expect(within(item).getByText(/The upload link expired/)).toBeVisible();
    await expect(within(canvasElement).getByRole("status")).toHaveTextContent(
      /holiday\.mp4 failed\./,
    );
  },
};

/** Cancelled: the half video is deleted; the row stays until removed. */
export const Cancelled: Story = {
  parameters: { backend: { uploadDelay: 600_000 } },
  play: async ({ canvasElement }) => {
    await userEvent.upload(input(canvasElement), file("holiday.mp4"));
    const item = await inState(canvasElement, "holiday.mp4", "uploading");
    const button = within(item).getByRole("button", { name: "Cancel holiday.mp4" });
    await userEvent.click(button);
    await expect(item).toHaveAttribute("data-state", "cancelled");
    await expect(button).toHaveAccessibleName("Remove holiday.mp4 from the list");
    await expect(within(canvasElement).getByRole("status")).toHaveTextContent(
      "Upload of holiday.mp4 cancelled.",
    );
  },
};

/** One file at a time, and nothing at all while disabled. */
export const Disabled: Story = {
  args: { disabled: true, multiple: false },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByLabelText("Choose a video")).toBeDisabled();
  },
};

/** An app's own part: a count of the files, and a button that clears the finished ones. */
function QueueSummary() {
  const { upload } = useUploadDropzone();
  const done = upload.items.filter((item) => item.state === "ready" || item.state === "cancelled");
  return (
    <div className="sk-actions">
      <p data-testid="summary">
        {upload.items.length} files, {done.length} done
      </p>
      <button
        type="button"
        className="sk-button"
        disabled={done.length === 0}
        onClick={() => {
          for (const item of done) void upload.remove(item.id);
        }}
      >
        Clear finished
      </button>
    </div>
  );
}

/**
 * Composed by hand from the parts: the list above the drop area, an own prompt, an own part
 * reading the queue (`useUploadDropzone`), each row with an extra class. The live region stays.
 */
export const Composed: Story = {
  render: (args) => (
    <UploadDropzoneRoot {...args}>
      <QueueSummary />
      <UploadDropzoneList>
        {(item) => <UploadDropzoneRow key={item.id} item={item} className="my-row" />}
      </UploadDropzoneList>
      <UploadDropzoneInput>Drop clips for the holiday reel, or</UploadDropzoneInput>
      <UploadDropzoneStatus />
    </UploadDropzoneRoot>
  ),
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByText("Drop clips for the holiday reel, or")).toBeVisible();
    await userEvent.upload(input(canvasElement), [file("holiday.mp4"), file("beach.mp4")]);
    const item = await inState(canvasElement, "holiday.mp4", "ready");
    await expect(item).toHaveClass("sk-upload", "my-row");
    await inState(canvasElement, "beach.mp4", "ready");
    await expect(canvas.getByTestId("summary")).toHaveTextContent("2 files, 2 done");
    await expect(canvas.getByRole("list", { name: "Uploads" })).toHaveAttribute(
      "data-state",
      "idle",
    );
    await expect(args.onReady).toHaveBeenCalledTimes(2);
    await userEvent.click(canvas.getByRole("button", { name: "Clear finished" }));
    await waitFor(() => expect(canvas.queryByRole("list")).toBeNull());
  },
};
