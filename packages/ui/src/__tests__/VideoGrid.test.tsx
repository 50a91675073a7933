import { DELIVERY, makeUid, makeVideo, StreamModel } from "@streamkit/test-utils";
import { fireEvent, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { setupServer } from "msw/node";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { VideoGrid } from "../VideoGrid";
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

describe("VideoGrid", () => {
  it("shows a card per video with its thumbnail, name and status", async () => {
    const ready = makeVideo(makeUid(), "ready", "100", { meta: { name: "Cat" }, duration: 80 });
    const busy = makeVideo(makeUid(), "queued", "0", { meta: { name: "Dog" } });
    model.add(ready, busy);
    const onSelect = vi.fn();
    renderWithStream(<VideoGrid onSelect={onSelect} thumbnailWidth={200} className="mine" />);
    const list = await screen.findByRole("list", { name: "Videos" });
    expect(within(list).getAllByRole("listitem")).toHaveLength(2);
    const card = screen.getByRole("button", { name: "Cat" });
    const img = card.querySelector("img");
    expect(img?.getAttribute("src")).toBe(
      `${DELIVERY}/${ready.uid}/thumbnails/thumbnail.jpg?height=113&width=200`,
    );
    fireEvent.pointerEnter(card);
    expect(card.querySelector("img")?.getAttribute("src")).toContain("thumbnail.gif");
    expect(
      screen.getByRole("button", { name: "Dog" }).querySelector("[data-reason]"),
    ).toHaveAttribute("data-reason", "no-frames");
    expect(list).toHaveTextContent(/Ready.*1:20/);
    await userEvent.click(card);
    expect(onSelect).toHaveBeenCalledWith(expect.objectContaining({ uid: ready.uid }));
    expect(document.querySelector(".sk-library")).toHaveClass("mine");
  });

  it("says when nothing matches, and when loading failed", async () => {
    model.add(makeVideo(makeUid(), "ready", "100", { meta: { name: "Cat" } }));
    model.failures.push({ status: 403 });
    renderWithStream(<VideoGrid searchDelayMs={0} />);
    await userEvent.click(await screen.findByRole("button", { name: "Try again" }));
    await screen.findByRole("list");
    fireEvent.change(screen.getByRole("searchbox"), { target: { value: "zebra" } });
    expect(await screen.findByText("No videos match these filters.")).toBeInTheDocument();
  });
});
