import type { Video } from "@streamkit/core";
import { makeUid, makeVideo, StreamModel } from "@streamkit/test-utils";
import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { VideoTable } from "../VideoTable";
import { advance, failOnConsoleError, renderWithStream, useFakeClock } from "./dashboardRender";

const model = new StreamModel();
const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterAll(() => server.close());
beforeEach(() => {
  model.reset();
  server.resetHandlers(...model.handlers());
});
afterEach(() => vi.useRealTimers());
failOnConsoleError();

const named = (name: string, state: Video["status"] extends infer S ? S : never = undefined) =>
  makeVideo(makeUid(), state?.state ?? "ready", state?.pctComplete ?? "100", { meta: { name } });
const lists = () => model.count((r) => r.method === "GET" && !r.url.searchParams.has("id"));
const rows = () => screen.getAllByRole("row").slice(1);

describe("VideoTable", () => {
  it("loads, then lists the videos with names and meta as text", async () => {
    model.add(named("<img src=x onerror=alert(1)>"), { ...named("Dog"), duration: 80 });
    renderWithStream(<VideoTable />);
    expect(screen.getByText("Loading…")).toHaveAttribute("role", "status");
    expect(document.querySelector(".sk-library")).toHaveAttribute("data-state", "loading");
    const table = await screen.findByRole("table", { name: "Videos" });
    expect(within(table).getByText("<img src=x onerror=alert(1)>")).toBeInTheDocument();
    expect(table.querySelector("img")).toBeNull();
    expect(rows()).toHaveLength(2);
    expect(rows()[0]).toHaveTextContent(/Dog.*Ready.*1:20.*2026-01-01/);
    expect(document.querySelector(".sk-library")).toHaveAttribute("data-state", "ready");
  });

  it("says when there are no videos, and when none match", async () => {
    const { unmount } = renderWithStream(<VideoTable searchDelayMs={0} />);
    expect(await screen.findByText("No videos yet.")).toBeInTheDocument();
    unmount();
    model.add(named("Cat"));
    renderWithStream(<VideoTable searchDelayMs={0} />);
    await screen.findByRole("table");
    fireEvent.change(screen.getByRole("searchbox", { name: "Search by name" }), {
      target: { value: "zebra" },
    });
    expect(await screen.findByText("No videos match these filters.")).toBeInTheDocument();
    expect(screen.queryByRole("table")).toBeNull();
  });

  it("offers its empty-state action only while the library holds nothing at all", async () => {
    const action = <button type="button">Add your first video</button>;
    const { unmount } = renderWithStream(<VideoTable searchDelayMs={0} emptyAction={action} />);
    expect(await screen.findByRole("button", { name: "Add your first video" })).toBeVisible();
    unmount();
    model.add(named("Cat"));
    renderWithStream(<VideoTable searchDelayMs={0} emptyAction={action} />);
    await screen.findByRole("table");
    expect(screen.queryByRole("button", { name: "Add your first video" })).toBeNull();
    fireEvent.change(screen.getByRole("searchbox", { name: "Search by name" }), {
      target: { value: "zebra" },
    });
    expect(await screen.findByText("No videos match these filters.")).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Add your first video" })).toBeNull();
  });

  it("waits for a pause in typing before searching", async () => {
    useFakeClock();
    model.add(named("Cat one"), named("Dog"), named("Cat two"));
    renderWithStream(<VideoTable />);
    await advance(0);
    const box = screen.getByRole("searchbox", { name: "Search by name" });
    for (const value of ["c", "ca", "cat"]) {
      fireEvent.change(box, { target: { value } });
      await advance(100);
    }
    expect(lists()).toBe(1);
    await advance(300);
    expect(lists()).toBe(2);
    expect(model.requests.at(-1)?.url.searchParams.get("search")).toBe("cat");
    await advance(0);
    expect(rows()).toHaveLength(2);
    // Clearing the box applies at once.
    fireEvent.change(box, { target: { value: "" } });
    await advance(0);
    expect(rows()).toHaveLength(3);
  });

  it("filters by status", async () => {
    model.add(named("Ready one"), named("Busy", { state: "inprogress", pctComplete: "5" }));
    renderWithStream(<VideoTable />);
    await screen.findByRole("table");
    const select = screen.getByRole("combobox", { name: "Status" });
    expect(
      within(select)
        .getAllByRole("option")
        .map((o) => o.textContent),
    ).toEqual([
      "All",
      "Waiting for upload",
      "Downloading",
      "Queued",
      "Processing",
      "Ready",
      "Failed",
      "Live",
    ]);
    await userEvent.selectOptions(select, "inprogress");
    await waitFor(() => expect(rows()).toHaveLength(1));
    expect(rows()[0]).toHaveTextContent("Busy");
    expect(model.requests.at(-1)?.url.searchParams.get("status")).toBe("inprogress");
  });

  it("pages with Load more, following the created cursor", async () => {
    for (let i = 0; i < 5; i++) model.add(named(`Clip ${i}`));
    renderWithStream(<VideoTable filters={{ limit: 2 }} />);
    await screen.findByRole("table");
    expect(rows()).toHaveLength(2);
    await userEvent.click(screen.getByRole("button", { name: "Load more" }));
    await waitFor(() => expect(rows()).toHaveLength(4));
    expect(model.requests.at(-1)?.url.searchParams.get("before")).toBeTruthy();
    await userEvent.click(screen.getByRole("button", { name: "Load more" }));
    await waitFor(() => expect(rows()).toHaveLength(5));
    expect(screen.queryByRole("button", { name: "Load more" })).toBeNull();
  });

  it("reports a failed load with a retry", async () => {
    model.add(named("Cat"));
    model.failures.push({ status: 403 });
    renderWithStream(<VideoTable />);
    expect(await screen.findByRole("alert")).toHaveTextContent(/Something went wrong/);
    expect(document.querySelector(".sk-library")).toHaveAttribute("data-state", "error");
    await userEvent.click(screen.getByRole("button", { name: "Try again" }));
    expect(await screen.findByRole("table")).toBeInTheDocument();
    expect(screen.queryByRole("alert")).toBeNull();
  });

  it("follows new filters after mount", async () => {
    model.add(
      makeVideo(makeUid(), "ready", "100", { creator: "ann", meta: { name: "Ann's" } }),
      makeVideo(makeUid(), "ready", "100", { creator: "bob", meta: { name: "Bob's" } }),
    );
    const { rerender } = renderWithStream(<VideoTable filters={{ creator: "ann" }} />);
    expect(await screen.findByText("Ann's")).toBeInTheDocument();
    rerender(<VideoTable filters={{ creator: "bob" }} />);
    expect(await screen.findByText("Bob's")).toBeInTheDocument();
    expect(screen.queryByText("Ann's")).toBeNull();
  });

  it("activates a row through its name, or renders the name as asked", async () => {
    const video = named("Cat");
    model.add(video);
    const onSelect = vi.fn();
    const { rerender } = renderWithStream(<VideoTable onSelect={onSelect} />);
    await userEvent.click(await screen.findByRole("button", { name: "Cat" }));
    expect(onSelect).toHaveBeenCalledWith(expect.objectContaining({ uid: video.uid }));
    rerender(<VideoTable renderName={(v) => <a href={`#/${v.uid}`}>{String(v.meta?.name)}</a>} />);
    expect(screen.getByRole("link", { name: "Cat" })).toHaveAttribute("href", `#/${video.uid}`);
  });

  it("deletes a row after a confirm step; Escape cancels and gives focus back", async () => {
    const user = userEvent.setup();
    const cat = named("Cat");
    model.add(cat, named("Dog"));
    renderWithStream(<VideoTable />);
    await screen.findByRole("table");
    const trigger = screen.getByRole("button", { name: "Delete Cat" });
    await user.click(trigger);
    const confirm = screen.getByRole("group", { name: "Delete Cat? This cannot be undone." });
    // Cancel has focus: Enter right after opening backs out instead of deleting.
    expect(within(confirm).getByRole("button", { name: "Cancel" })).toHaveFocus();
    await user.keyboard("{Escape}");
    expect(screen.queryByRole("group")).toBeNull();
    expect(screen.getByRole("button", { name: "Delete Cat" })).toHaveFocus();
    expect(model.count((r) => r.method === "DELETE")).toBe(0);

    await user.click(screen.getByRole("button", { name: "Delete Cat" }));
    await user.click(screen.getByRole("button", { name: "Cancel" }));
    expect(screen.getByRole("button", { name: "Delete Cat" })).toHaveFocus();

    await user.click(screen.getByRole("button", { name: "Delete Cat" }));
    await user.keyboard("{Enter}");
    expect(model.count((r) => r.method === "DELETE")).toBe(0);
    await user.click(screen.getByRole("button", { name: "Delete Cat" }));
    await user.click(screen.getByRole("button", { name: "Delete" }));
    await waitFor(() => expect(rows()).toHaveLength(1));
    expect(model.of("DELETE")[0]?.url.pathname).toMatch(cat.uid ?? "");
    expect(document.querySelector(".sk-library")).toHaveFocus();
    expect(await screen.findByText("Deleted 1 video.")).toBeInTheDocument();
  });

  it("brings a row back and says why when its delete fails", async () => {
    model.add(named("Cat"));
    model.failures.push({ status: 403, method: "DELETE" });
    renderWithStream(<VideoTable />);
    await userEvent.click(await screen.findByRole("button", { name: "Delete Cat" }));
    await userEvent.click(screen.getByRole("button", { name: "Delete" }));
    expect(await screen.findByRole("alert")).toHaveTextContent(/Something went wrong/);
    expect(screen.getByText("Cat")).toBeInTheDocument();
  });

  it("selects rows, all at once too, and deletes the selection", async () => {
    const user = userEvent.setup();
    model.add(named("A"), named("B"), named("C"));
    renderWithStream(<VideoTable />);
    await screen.findByRole("table");
    const all = screen.getByRole("checkbox", { name: "Select all" }) as HTMLInputElement;
    await user.click(screen.getByRole("checkbox", { name: "Select A" }));
    expect(all.indeterminate).toBe(true);
    expect(screen.getByRole("button", { name: "Delete 1 selected" })).toBeInTheDocument();
    await user.click(all);
    expect(all.indeterminate).toBe(false);
    expect(screen.getAllByRole("checkbox", { checked: true })).toHaveLength(4);
    await user.click(screen.getByRole("button", { name: "Delete 3 selected" }));
    expect(
      screen.getByRole("group", { name: "Delete 3 videos? This cannot be undone." }),
    ).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Delete" }));
    expect(await screen.findByText("No videos yet.")).toBeInTheDocument();
    expect(model.count((r) => r.method === "DELETE")).toBe(3);
    expect(await screen.findByText("Deleted 3 videos.")).toBeInTheDocument();
  });

  it("polls only unfinished rows, and renders a row again only when its video changed", async () => {
    useFakeClock();
    const busy = [named("Busy 1", busyStatus), named("Busy 2", busyStatus)];
    const done = named("Done");
    model.add(done, ...busy);
    const renders = new Map<string, number>();
    const renderName = (video: Video) => {
      renders.set(String(video.meta?.name), (renders.get(String(video.meta?.name)) ?? 0) + 1);
      return String(video.meta?.name);
    };
    const { unmount } = renderWithStream(<VideoTable renderName={renderName} />);
    await advance(0);
    expect(Object.fromEntries(renders)).toEqual({ "Busy 1": 1, "Busy 2": 1, Done: 1 });
    expect(model.count()).toBe(1);

    // Unchanged answers: requests, but not a single row render.
    await advance(5_000);
    await advance(5_000);
    const polls = model.requests.filter((r) => r.url.searchParams.has("id"));
    expect(polls).toHaveLength(2);
    expect(polls[0]?.url.searchParams.get("id")?.split(",").sort()).toEqual(
      busy.map((v) => v.uid).sort(),
    );
    expect(Object.fromEntries(renders)).toEqual({ "Busy 1": 1, "Busy 2": 1, Done: 1 });

    // One video moves on: its row, and only its row, renders once.
    const first = busy[0]?.uid ?? "";
    model.set(first, { status: { ...busyStatus, pctComplete: "60.000000" } });
    await advance(5_000);
    expect(Object.fromEntries(renders)).toEqual({ "Busy 1": 2, "Busy 2": 1, Done: 1 });
    expect(screen.getAllByText(/Processing, 60%/).length).toBeGreaterThan(0);

    unmount();
    const before = model.count();
    await advance(60_000);
    expect(model.count()).toBe(before);
    expect(vi.getTimerCount()).toBe(0);
  });

  it("passes className, style and attributes to its root", async () => {
    renderWithStream(<VideoTable className="mine" style={{ margin: 1 }} data-x="y" />);
    const root = document.querySelector(".sk-library");
    expect(root).toHaveClass("mine");
    expect(root).toHaveAttribute("data-x", "y");
    await act(async () => {});
  });
});

const busyStatus = {
  state: "inprogress" as const,
  pctComplete: "20.000000",
  errorReasonCode: "",
  errorReasonText: "",
};
