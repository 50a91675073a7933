import { makeWatermark } from "@streamkit/test-utils";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { WatermarksManager } from "../WatermarksManager";
import { model, renderMedia, serveMediaModel } from "./mediaRender";

serveMediaModel();

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]);
const live = () => screen.getAllByRole("status").at(-1) as HTMLElement;
const region = () => screen.getByRole("region", { name: "Watermark profiles" });

function seed(...names: string[]) {
  return names.map((name, i) => {
    const profile = makeWatermark({
      name,
      position: i ? "center" : "lowerRight",
      scale: 0.1,
      opacity: 0.8,
      width: 120,
      height: 40,
      size: 2_048,
    });
    model.watermarks.set(profile.uid, profile);
    return profile;
  });
}

describe("WatermarksManager", () => {
  it("lists each profile with its name, position, scale, opacity and size", async () => {
    seed("Logo", "Draft");
    renderMedia(<WatermarksManager />);
    expect(region()).toHaveAttribute("data-state", "loading");
    const list = await screen.findByRole("list", { name: "Watermark profiles" });
    const rows = within(list).getAllByRole("listitem");
    expect(rows[0]).toHaveTextContent("LogoLower right · 10% wide · 80% opaque · 120×40 px · 2 KB");
    expect(rows[1]).toHaveTextContent("DraftCenter");
    expect(region()).toHaveAttribute("data-state", "ready");
  });

  it("says when there are none; a 403 on the list says it needs an admin", async () => {
    const { unmount } = renderMedia(<WatermarksManager />);
    expect(await screen.findByText("No watermark profiles yet.")).toBeInTheDocument();
    expect(region()).toHaveAttribute("data-state", "empty");
    unmount();
    model.failures.push({ status: 403, message: "admins only" });
    renderMedia(<WatermarksManager />);
    expect(await screen.findByRole("alert")).toHaveTextContent(
      "Only an admin can see the watermark profiles",
    );
    expect(region()).toHaveAttribute("data-state", "forbidden");
  });

  it("creates from a URL with its settings and announces it", async () => {
    const user = userEvent.setup();
    renderMedia(<WatermarksManager />);
    await screen.findByText("No watermark profiles yet.");
    await user.click(screen.getByRole("radio", { name: "A URL" }));
    await user.type(
      screen.getByRole("textbox", { name: "Image URL" }),
      "https://example.com/l.png",
    );
    await user.type(screen.getByRole("textbox", { name: "Name" }), "Corner logo");
    await user.selectOptions(screen.getByRole("combobox", { name: "Position" }), "lowerLeft");
    const opacity = screen.getByRole("spinbutton", { name: "Opacity" });
    await user.clear(opacity);
    await user.type(opacity, "0.5");
    await user.click(screen.getByRole("button", { name: "Add profile" }));
    expect(await screen.findByText("Corner logo")).toBeInTheDocument();
    expect(model.of("POST")[0]?.body).toEqual({
      url: "https://example.com/l.png",
      name: "Corner logo",
      position: "lowerLeft",
      opacity: 0.5,
      padding: 0.05,
      scale: 0.15,
    });
    await waitFor(() => expect(live()).toHaveTextContent("Watermark profile Corner logo added."));
  });

  it("checks the file at the field (type, size, bytes) without a request, then uploads it", async () => {
    const user = userEvent.setup({ applyAccept: false });
    renderMedia(<WatermarksManager />);
    await screen.findByText("No watermark profiles yet.");
    const file = screen.getByLabelText("Image file");
    const submit = screen.getByRole("button", { name: "Add profile" });
    await user.click(submit);
    expect(file).toHaveAttribute("aria-invalid", "true");
    expect(file).toHaveAccessibleDescription(/Choose an image file\./);
    expect(file).toHaveFocus();

    await user.upload(file, new File(["%PDF"], "doc.pdf", { type: "application/pdf" }));
    expect(file).toHaveAccessibleDescription(/This file is not an image/);
    await user.upload(
      file,
      new File([new Uint8Array(3 * 1024 * 1024)], "big.png", { type: "image/png" }),
    );
    expect(file).toHaveAccessibleDescription(/This image is too large: at most 2 MB\./);
    // Named and typed as an image, but its bytes are not one: core's check says so.
    await user.upload(file, new File(["hello"], "fake.png", { type: "image/png" }));
    expect(file).not.toHaveAttribute("aria-invalid");
    await user.click(submit);
    await waitFor(() => expect(file).toHaveAttribute("aria-invalid", "true"));
    expect(file).toHaveAccessibleDescription(/This file is not an image/);
    expect(model.count((r) => r.method === "POST")).toBe(0);

    const opacity = screen.getByRole("spinbutton", { name: "Opacity" });
    await user.clear(opacity);
    await user.type(opacity, "3");
    await user.upload(file, new File([PNG], "logo.png", { type: "image/png" }));
    await user.click(submit);
    await waitFor(() => expect(opacity).toHaveAttribute("aria-invalid", "true"));
    expect(opacity).toHaveFocus();
    await user.clear(opacity);
    await user.type(opacity, "1");
    await user.click(submit);
    expect(await screen.findByText("Untitled profile")).toBeInTheDocument();
    expect(model.of("POST")[0]?.contentType).toMatch(/^multipart\/form-data/);
  });

  it("deletes after an inline confirmation whose Cancel gets focus", async () => {
    const user = userEvent.setup();
    const [logo] = seed("Logo", "Draft");
    renderMedia(<WatermarksManager />);
    await screen.findByText("Logo");
    await user.click(screen.getByRole("button", { name: "Delete watermark profile Logo" }));
    const cancel = screen.getByRole("button", { name: "Cancel" });
    expect(cancel).toHaveFocus();
    await user.keyboard("{Escape}");
    expect(screen.getByRole("button", { name: "Delete watermark profile Logo" })).toHaveFocus();
    await user.click(screen.getByRole("button", { name: "Delete watermark profile Logo" }));
    await user.click(screen.getByRole("button", { name: "Delete" }));
    await waitFor(() => expect(screen.queryByText("Logo")).not.toBeInTheDocument());
    expect(model.requests.at(-1)).toMatchObject({
      method: "DELETE",
      path: `/watermarks/${logo?.uid}`,
    });
    await waitFor(() => expect(live()).toHaveTextContent("Watermark profile Logo deleted."));
  });

  it("explains a 403 on create or delete: it needs an admin; the profile comes back", async () => {
    const user = userEvent.setup();
    seed("Logo");
    model.failures.push({ status: 403, writes: true, times: Infinity, message: "admins only" });
    renderMedia(<WatermarksManager />);
    await screen.findByText("Logo");
    await user.click(screen.getByRole("button", { name: "Delete watermark profile Logo" }));
    await user.click(screen.getByRole("button", { name: "Delete" }));
    expect(await screen.findByRole("alert")).toHaveTextContent(
      "Only an admin can create or delete watermark profiles",
    );
    expect(await screen.findByText("Logo")).toBeInTheDocument();
    await user.click(screen.getByRole("radio", { name: "A URL" }));
    await user.type(
      screen.getByRole("textbox", { name: "Image URL" }),
      "https://example.com/l.png",
    );
    await user.click(screen.getByRole("button", { name: "Add profile" }));
    await waitFor(() => expect(screen.getAllByRole("alert")).toHaveLength(2));
    expect(within(region()).getAllByRole("alert")[1]).toHaveTextContent(
      /needs? an admin|Only an admin/,
    );
  });

  it("takes its texts from the messages prop", async () => {
    renderMedia(<WatermarksManager messages={{ heading: "Logos", empty: "Keine." }} />);
    expect(await screen.findByText("Keine.")).toBeInTheDocument();
    expect(screen.getByRole("region", { name: "Logos" })).toBeInTheDocument();
  });
});
