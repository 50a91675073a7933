import { StreamModel } from "@streamkit/test-utils";
import { serveModel } from "@streamkit/test-utils/vitest";
import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import {
  UploadDropzoneInput,
  UploadDropzoneList,
  UploadDropzoneRoot,
  UploadDropzoneRow,
  UploadDropzoneStatus,
  useUploadDropzone,
} from "../uploadEntry";
import { failOnConsoleError, renderWithStream } from "./dashboardRender";

const model = new StreamModel();
serveModel(model);

const mp4 = (name: string) =>
  new File([new Uint8Array(100)], name, { type: "video/mp4", lastModified: 1 });
const noDuration = { readDuration: false as const };
const fast = { polling: { waitingMs: 20, processingMs: 20 } };

/** An app's own part: reads the root's queue through `useUploadDropzone`. */
function Summary() {
  const { upload, state } = useUploadDropzone();
  return (
    <p data-testid="summary">
      {upload.items.length} files, {state}
    </p>
  );
}

describe("UploadDropzone composed by hand", () => {
  failOnConsoleError();

  it("works in any order with the app's own parts and row markup", async () => {
    const onUploaded = vi.fn();
    const { container } = renderWithStream(
      <UploadDropzoneRoot className="mine" uploadOptions={noDuration} onUploaded={onUploaded}>
        <Summary />
        <UploadDropzoneList className="files">
          {(item) => <UploadDropzoneRow key={item.id} item={item} className="file" />}
        </UploadDropzoneList>
        <UploadDropzoneInput>Drop your clips</UploadDropzoneInput>
        <UploadDropzoneStatus />
      </UploadDropzoneRoot>,
      fast,
    );
    const root = container.querySelector(".sk-dropzone");
    expect(root).toHaveClass("mine");
    expect(root).toHaveAttribute("data-state", "idle");
    expect(screen.getByText("Drop your clips")).toHaveClass("sk-dropzone__prompt");
    expect(screen.getByTestId("summary")).toHaveTextContent("0 files, idle");
    expect(screen.queryByRole("list")).toBeNull();

    await userEvent.upload(screen.getByLabelText("Choose videos"), mp4("cat.mp4"));
    const list = await screen.findByRole("list", { name: "Uploads" });
    expect(list).toHaveClass("sk-dropzone__list", "files");
    const row = within(list).getByRole("listitem");
    expect(row).toHaveClass("sk-upload", "file");
    expect(screen.getByTestId("summary")).toHaveTextContent("1 files, idle");
    await waitFor(() => expect(row).toHaveAttribute("data-state", "processing"));
    expect(list).toHaveAttribute("data-state", "idle");
    expect(onUploaded).toHaveBeenCalledWith(expect.any(String), expect.anything());
    expect(screen.getByRole("status")).toHaveTextContent("cat.mp4 uploaded, now processing.");
  });

  it("shows the root's state on the drop area, and runs the app's drag handlers first", async () => {
    const onDragEnter = vi.fn();
    const onDrop = vi.fn((event: { preventDefault(): void }) => event.preventDefault());
    const { container, rerender } = renderWithStream(
      <UploadDropzoneRoot uploadOptions={noDuration}>
        <UploadDropzoneInput onDragEnter={onDragEnter} onDrop={onDrop} />
        <UploadDropzoneList />
      </UploadDropzoneRoot>,
    );
    const area = screen.getByRole("group", { name: "Upload videos" });
    const dataTransfer = { files: [mp4("a.mp4")], types: ["Files"] };
    fireEvent.dragEnter(area, { dataTransfer });
    expect(onDragEnter).toHaveBeenCalledTimes(1);
    expect(area).toHaveAttribute("data-state", "dragover");
    expect(container.querySelector(".sk-dropzone")).toHaveAttribute("data-state", "dragover");
    // The app prevented the drop: ours does not run, so nothing is queued.
    fireEvent.drop(area, { dataTransfer });
    expect(onDrop).toHaveBeenCalledTimes(1);
    expect(screen.queryByRole("list")).toBeNull();
    expect(model.count()).toBe(0);

    rerender(
      <UploadDropzoneRoot disabled uploadOptions={noDuration}>
        <UploadDropzoneInput />
      </UploadDropzoneRoot>,
    );
    expect(screen.getByRole("group", { name: "Upload videos" })).toHaveAttribute(
      "data-state",
      "disabled",
    );
    await act(async () => {});
  });

  it("shows `active` on the list while a file is sending", async () => {
    const release = model.hold();
    renderWithStream(
      <UploadDropzoneRoot uploadOptions={noDuration}>
        <UploadDropzoneInput />
        <UploadDropzoneList />
      </UploadDropzoneRoot>,
    );
    await userEvent.upload(screen.getByLabelText("Choose videos"), mp4("slow.mp4"));
    const list = await screen.findByRole("list");
    await waitFor(() => expect(list).toHaveAttribute("data-state", "active"));
    release();
    await waitFor(() => expect(list).toHaveAttribute("data-state", "idle"));
  });
});

describe("UploadDropzone parts outside a root", () => {
  it("say which part must be inside `UploadDropzoneRoot`", () => {
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      expect(() => renderWithStream(<UploadDropzoneInput />)).toThrow(
        "`UploadDropzoneInput` must be used within `UploadDropzoneRoot`",
      );
      expect(() => renderWithStream(<Summary />)).toThrow(
        "`useUploadDropzone` must be used within `UploadDropzoneRoot`",
      );
    } finally {
      logged.mockRestore();
    }
  });
});
