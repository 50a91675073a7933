import { makeUid, makeVideo, StreamModel } from "@streamkit/test-utils";
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { setupServer } from "msw/node";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { VideoDetails } from "../VideoDetails";
import { failOnConsoleError, renderWithStream } from "./dashboardRender";

const model = new StreamModel();
const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterAll(() => server.close());
beforeEach(() => {
  model.reset();
  server.resetHandlers(...model.handlers());
});
failOnConsoleError();

function seed(extra: Parameters<typeof makeVideo>[3] = {}) {
  const video = makeVideo(makeUid(), "ready", "100", {
    meta: { name: "Cat", "downloaded-from": "https://x.test/cat.mp4", views: 3 },
    ...extra,
  });
  model.add(video);
  return video.uid ?? "";
}

const field = (name: string | RegExp) => screen.getByRole("textbox", { name });
const save = () => userEvent.click(screen.getByRole("button", { name: "Save" }));
const lastUpdate = () => model.of("POST").at(-1)?.body as Record<string, unknown> | undefined;

describe("VideoDetails", () => {
  it("fills the form from the video, under a heading", async () => {
    const uid = seed({ allowedOrigins: ["example.com", "*.example.org"], requireSignedURLs: true });
    renderWithStream(<VideoDetails uid={uid} headingLevel={3} />);
    expect(screen.getByText("Loading…")).toBeInTheDocument();
    expect(await screen.findByRole("textbox", { name: "Name" })).toHaveValue("Cat");
    expect(screen.getByRole("heading", { level: 3, name: "Details" })).toBeInTheDocument();
    expect(screen.getByRole("region", { name: "Details" })).toBeInTheDocument();
    expect(field("Key 1")).toHaveValue("downloaded-from");
    expect(field("Value 2")).toHaveValue("3");
    expect(screen.getByRole("checkbox", { name: /Require signed URLs/ })).toBeChecked();
    expect(field("Allowed origins")).toHaveValue("example.com\n*.example.org");
    expect(field("Allowed origins")).toHaveAccessibleDescription(/one per line/);
  });

  it("sends only what changed, keeps untouched values' types, and says it saved", async () => {
    const user = userEvent.setup();
    const uid = seed();
    renderWithStream(<VideoDetails uid={uid} />);
    await user.clear(await screen.findByRole("textbox", { name: "Name" }));
    await user.type(field("Name"), "<b>Cat 2</b>");
    await user.click(screen.getByRole("button", { name: "Add field" }));
    expect(field("Key 3")).toHaveFocus();
    await user.type(field("Key 3"), "team");
    await user.type(field("Value 3"), "blue{Enter}");

    await screen.findByText("Saved.");
    expect(lastUpdate()).toEqual({
      meta: {
        name: "<b>Cat 2</b>",
        "downloaded-from": "https://x.test/cat.mp4",
        views: 3,
        team: "blue",
      },
    });
    expect(document.querySelector("b")).toBeNull();
    expect(screen.getByRole("status")).toHaveTextContent("Saved.");

    await user.click(screen.getByRole("button", { name: "Save" }));
    expect(screen.getByRole("status")).toHaveTextContent("Nothing to save.");
    expect(model.of("POST")).toHaveLength(1);
  });

  it("removes meta fields, sets signed URLs, origins and a deletion date, and clears it", async () => {
    const user = userEvent.setup();
    const uid = seed();
    renderWithStream(<VideoDetails uid={uid} />);
    await user.click(await screen.findByRole("button", { name: "Remove views" }));
    expect(screen.getByRole("button", { name: "Add field" })).toHaveFocus();
    await user.click(screen.getByRole("checkbox", { name: /Require signed URLs/ }));
    await user.type(field("Allowed origins"), "example.com\n\n*.example.org:8443");
    const date = screen.getByLabelText("Delete automatically on");
    await user.type(date, "2027-03-01");
    await save();
    await screen.findByText("Saved.");
    expect(lastUpdate()).toEqual({
      meta: { name: "Cat", "downloaded-from": "https://x.test/cat.mp4" },
      requireSignedURLs: true,
      allowedOrigins: ["example.com", "*.example.org:8443"],
      scheduledDeletion: "2027-03-01T23:59:59Z",
    });

    await user.clear(date);
    await save();
    await waitFor(() => expect(lastUpdate()).toEqual({ scheduledDeletion: null }));
  });

  it("refuses origins that are not host names, before any request", async () => {
    const user = userEvent.setup();
    const uid = seed();
    renderWithStream(<VideoDetails uid={uid} />);
    const origins = await screen.findByRole("textbox", { name: "Allowed origins" });
    await user.type(origins, "https://example.com/\nok.example.com\nbad host");
    await save();
    expect(origins).toHaveAttribute("aria-invalid", "true");
    expect(origins).toHaveFocus();
    expect(origins).toHaveAccessibleDescription(
      /Not a host name: https:\/\/example.com\/, bad host\./,
    );
    expect(model.of("POST")).toHaveLength(0);
  });

  it("refuses a value without a key and a key used twice", async () => {
    const user = userEvent.setup();
    const uid = seed();
    renderWithStream(<VideoDetails uid={uid} />);
    await user.click(await screen.findByRole("button", { name: "Add field" }));
    await user.type(field("Value 3"), "orphan");
    await user.click(screen.getByRole("button", { name: "Add field" }));
    await user.type(field("Key 4"), "views");
    await save();
    expect(field("Key 3")).toHaveFocus();
    expect(field("Key 3")).toHaveAccessibleDescription("Give this value a key.");
    expect(field("Key 4")).toHaveAccessibleDescription('The key "views" is used twice.');
    expect(model.of("POST")).toHaveLength(0);
  });

  it("keeps the draft and reports a failed save; the optimistic change is rolled back", async () => {
    const user = userEvent.setup();
    const uid = seed();
    model.failures.push({ status: 403, method: "POST" });
    const { queryClient } = renderWithStream(<VideoDetails uid={uid} />);
    await user.type(await screen.findByRole("textbox", { name: "Name" }), "!");
    await save();
    expect(await screen.findByRole("alert")).toHaveTextContent(/Something went wrong/);
    expect(field("Name")).toHaveValue("Cat!");
    expect(document.querySelector("form")).toHaveAttribute("data-state", "failed");
    const cached = queryClient.getQueryData<{ meta?: { name?: string } }>([
      "streamkit",
      "videos",
      "detail",
      uid,
    ]);
    expect(cached?.meta?.name).toBe("Cat");
  });

  it("resets every field for a new uid", async () => {
    const user = userEvent.setup();
    const a = seed();
    const b = seed({ meta: { name: "Dog" }, requireSignedURLs: true });
    const { rerender } = renderWithStream(<VideoDetails uid={a} />);
    await user.type(await screen.findByRole("textbox", { name: "Name" }), " edited");
    rerender(<VideoDetails uid={b} />);
    expect(await screen.findByDisplayValue("Dog")).toBeInTheDocument();
    expect(screen.queryByRole("textbox", { name: "Key 1" })).toBeNull();
    expect(screen.getByRole("checkbox", { name: /Require signed URLs/ })).toBeChecked();
  });

  it("deletes after a confirm step and calls onDeleted", async () => {
    const user = userEvent.setup();
    const uid = seed();
    const onDeleted = vi.fn();
    renderWithStream(<VideoDetails uid={uid} onDeleted={onDeleted} />);
    await user.click(await screen.findByRole("button", { name: "Delete video" }));
    const confirm = screen.getByRole("group", {
      name: "Delete this video? This cannot be undone.",
    });
    await user.keyboard("{Escape}");
    expect(screen.getByRole("button", { name: "Delete video" })).toHaveFocus();
    expect(confirm).not.toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Delete video" }));
    const group = screen.getByRole("group", { name: /Delete this video/ });
    await user.click(within(group).getByRole("button", { name: "Delete" }));
    await waitFor(() => expect(onDeleted).toHaveBeenCalledTimes(1));
    expect(model.videos.has(uid)).toBe(false);
  });

  it("says so when the video does not exist, or the uid is malformed", async () => {
    const { rerender } = renderWithStream(<VideoDetails uid={makeUid()} />);
    expect(await screen.findByText("This video does not exist (any more).")).toBeInTheDocument();
    rerender(<VideoDetails uid="nope" />);
    expect(screen.getByRole("alert")).toHaveTextContent(/uid: expected 32 lowercase hex/);
    expect(screen.queryByRole("button", { name: "Try again" })).toBeNull();
  });

  it("offers a retry when loading failed", async () => {
    const uid = seed();
    model.failures.push({ status: 403 });
    renderWithStream(<VideoDetails uid={uid} className="mine" />);
    await userEvent.click(await screen.findByRole("button", { name: "Try again" }));
    expect(await screen.findByRole("textbox", { name: "Name" })).toHaveValue("Cat");
    expect(document.querySelector(".sk-details")).toHaveClass("mine");
  });
});
