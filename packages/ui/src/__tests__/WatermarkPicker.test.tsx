import { makeWatermark } from "@streamkit/test-utils";
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useState } from "react";
import { describe, expect, it, vi } from "vitest";
import { UploadDropzone } from "../UploadDropzone";
import { UploadFromUrlForm } from "../UploadFromUrlForm";
import { WatermarkPicker } from "../WatermarkPicker";
import { model, renderMedia, serveMediaModel } from "./mediaRender";

serveMediaModel();

const PREVIEW =
  "data:image/svg+xml,%3Csvg%20xmlns%3D%22http%3A%2F%2Fwww.w3.org%2F2000%2Fsvg%22%2F%3E";

function seed() {
  const logo = makeWatermark({
    name: "Logo",
    position: "lowerRight",
    scale: 0.1,
    downloadedFrom: PREVIEW,
  });
  const draft = makeWatermark({ name: "Draft", position: "center", scale: 0.5 });
  model.watermarks.set(logo.uid, logo);
  model.watermarks.set(draft.uid, draft);
  return { logo, draft };
}

describe("WatermarkPicker", () => {
  it("lists none and each profile with position, width and a preview; arrows move the choice", async () => {
    const user = userEvent.setup();
    const { logo, draft } = seed();
    const onChange = vi.fn();
    renderMedia(<WatermarkPicker onChange={onChange} />);
    const group = screen.getByRole("group", { name: "Watermark" });
    expect(group).toHaveAttribute("data-state", "loading");
    const option = await screen.findByRole("radio", { name: /Logo/ });
    expect(group).toHaveAttribute("data-state", "ready");
    expect(screen.getByRole("radio", { name: "No watermark" })).toBeChecked();
    expect(option).toHaveAccessibleName("Logo");
    expect(option).toHaveAccessibleDescription("Lower right, 10% wide");
    expect(screen.getByRole("radio", { name: "Draft" })).toHaveAccessibleDescription(
      "Center, 50% wide",
    );
    expect(option.closest("label")?.querySelector("img")).toHaveAttribute("src", PREVIEW);
    await user.click(option);
    expect(onChange).toHaveBeenLastCalledWith(logo.uid);
    expect(option).toBeChecked();
    expect(option.closest("label")).toHaveAttribute("data-state", "checked");
    await user.keyboard("{ArrowDown}");
    expect(onChange).toHaveBeenLastCalledWith(draft.uid);
    await user.click(screen.getByRole("radio", { name: "No watermark" }));
    expect(onChange).toHaveBeenLastCalledWith(undefined);
  });

  it("is controlled by value (null is none) and follows a new value and label", async () => {
    const { logo, draft } = seed();
    const onChange = vi.fn();
    const { rerender } = renderMedia(
      <WatermarkPicker value={logo.uid} onChange={onChange} label="Brand mark" />,
    );
    await waitFor(() => expect(screen.getByRole("radio", { name: /Logo/ })).toBeChecked());
    fireEvent.click(screen.getByRole("radio", { name: /Draft/ }));
    expect(onChange).toHaveBeenCalledWith(draft.uid);
    // Controlled: nothing moves until the value does.
    expect(screen.getByRole("radio", { name: /Logo/ })).toBeChecked();
    rerender(<WatermarkPicker value={null} onChange={onChange} label="Stamp" />);
    expect(screen.getByRole("group", { name: "Stamp" })).toBeInTheDocument();
    expect(screen.getByRole("radio", { name: "No watermark" })).toBeChecked();
  });

  it("says when there are none, and shows a failure with a retry", async () => {
    const { unmount } = renderMedia(
      <WatermarkPicker defaultValue={null} messages={{ empty: "Nothing here." }} />,
    );
    expect(await screen.findByText("Nothing here.")).toBeInTheDocument();
    expect(screen.getByRole("group")).toHaveAttribute("data-state", "empty");
    unmount();
    model.failures.push({ status: 400, message: "down" });
    renderMedia(<WatermarkPicker />);
    expect(await screen.findByRole("alert")).toHaveTextContent("down");
    expect(screen.getByRole("group")).toHaveAttribute("data-state", "error");
    expect(screen.getByRole("button", { name: "Try again" })).toBeInTheDocument();
  });
});

function UrlFormWithPicker() {
  const [uid, setUid] = useState<string>();
  return (
    <UploadFromUrlForm
      watermark={uid ? { uid } : undefined}
      fields={<WatermarkPicker value={uid ?? null} onChange={setUid} />}
    />
  );
}

function DropzoneWithPicker() {
  const [uid, setUid] = useState<string>();
  return (
    <UploadDropzone
      uploadOptions={{ readDuration: false }}
      watermark={uid ? { uid } : undefined}
      fields={<WatermarkPicker value={uid ?? null} onChange={setUid} />}
    />
  );
}

describe("the picker in the upload forms", () => {
  it("sends the chosen profile's uid with the copy, and nothing once none is chosen", async () => {
    const user = userEvent.setup();
    const { draft } = seed();
    renderMedia(<UrlFormWithPicker />);
    const form = document.querySelector("form") as HTMLFormElement;
    await user.click(await within(form).findByRole("radio", { name: /Draft/ }));
    await user.type(
      screen.getByRole("textbox", { name: "Video URL" }),
      "https://example.com/cat.mp4{Enter}",
    );
    await waitFor(() => expect(model.of("POST")).toHaveLength(1));
    expect(model.of("POST")[0]?.body).toMatchObject({
      input: "https://example.com/cat.mp4",
      watermark: { uid: draft.uid },
    });
    await user.click(screen.getByRole("radio", { name: "No watermark" }));
    await user.type(
      screen.getByRole("textbox", { name: "Video URL" }),
      "https://example.com/dog.mp4{Enter}",
    );
    await waitFor(() => expect(model.of("POST")).toHaveLength(2));
    expect(model.of("POST")[1]?.body).not.toHaveProperty("watermark");
  });

  it("sends the chosen profile's uid with each direct upload", async () => {
    const user = userEvent.setup();
    const { logo } = seed();
    renderMedia(<DropzoneWithPicker />);
    await user.click(await screen.findByRole("radio", { name: /Logo/ }));
    const input = document.querySelector('input[type="file"]') as HTMLInputElement;
    await user.upload(input, new File([new Uint8Array(32)], "clip.mp4", { type: "video/mp4" }));
    await waitFor(() => expect(model.requests.some((r) => r.path === "/direct_upload")).toBe(true));
    const post = model.requests.find((r) => r.path === "/direct_upload");
    expect(post?.body).toMatchObject({ watermark: { uid: logo.uid } });
  });
});
