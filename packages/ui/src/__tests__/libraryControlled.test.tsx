import type { Video } from "@streamkit/core";
import { makeUid, makeVideo, StreamModel } from "@streamkit/test-utils";
import { serveModel } from "@streamkit/test-utils/vitest";
import { fireEvent, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useState } from "react";
import { describe, expect, it, vi } from "vitest";
import { VideoGrid } from "../VideoGrid";
import { VideoTable } from "../VideoTable";
import { failOnConsoleError, renderWithStream } from "./dashboardRender";

const model = new StreamModel();
serveModel(model);
failOnConsoleError();

const named = (name: string, state: "ready" | "inprogress" = "ready") =>
  makeVideo(makeUid(), state, state === "ready" ? "100" : "20", { meta: { name } });
const box = (name: string) => screen.getByRole("checkbox", { name }) as HTMLInputElement;
const lastList = () =>
  model.requests.filter((r) => r.method === "GET" && !r.url.searchParams.has("id")).at(-1)?.url
    .searchParams;
const uid = (video: Video) => video.uid ?? "";

describe("VideoTable selection", () => {
  it("controlled: shows `selected`, asks `onSelectedChange`, follows new values", async () => {
    const [a, b, c] = [named("A"), named("B"), named("C")];
    model.add(a, b, c);
    const onSelectedChange = vi.fn();
    const { rerender } = renderWithStream(
      <VideoTable selected={[uid(a)]} onSelectedChange={onSelectedChange} />,
    );
    await screen.findByRole("table");
    expect(box("Select A").checked).toBe(true);
    expect(box("Select A")).toHaveAttribute("data-state", "checked");
    expect(box("Select B")).toHaveAttribute("data-state", "unchecked");
    expect(box("Select all")).toHaveAttribute("data-state", "indeterminate");
    expect(box("Select A").closest("tr")).toHaveAttribute("data-selected", "true");

    await userEvent.click(box("Select B"));
    expect(onSelectedChange).toHaveBeenLastCalledWith([uid(a), uid(b)]);
    expect(box("Select B").checked).toBe(false); // the app has not passed it yet

    rerender(<VideoTable selected={[uid(b)]} onSelectedChange={onSelectedChange} />);
    expect(box("Select A").checked).toBe(false);
    expect(box("Select B").checked).toBe(true);
    expect(screen.getByRole("button", { name: "Delete 1 selected" })).toBeInTheDocument();

    await userEvent.click(box("Select all"));
    expect(onSelectedChange).toHaveBeenLastCalledWith(
      expect.arrayContaining([uid(a), uid(b), uid(c)]),
    );
    rerender(<VideoTable selected={[uid(a), uid(b), uid(c)]} />);
    expect(box("Select all")).toHaveAttribute("data-state", "checked");
  });

  it("controlled by app state: deleting the selection reports it emptied", async () => {
    const [a, b] = [named("A"), named("B")];
    model.add(a, b, named("C"));
    const seen: string[][] = [];
    function App() {
      const [selected, setSelected] = useState<string[]>([]);
      return (
        <>
          <output aria-label="count">{selected.length}</output>
          <VideoTable
            selected={selected}
            onSelectedChange={(next) => {
              seen.push(next);
              setSelected(next);
            }}
          />
        </>
      );
    }
    renderWithStream(<App />);
    await screen.findByRole("table");
    await userEvent.click(box("Select A"));
    await userEvent.click(box("Select B"));
    expect(screen.getByLabelText("count")).toHaveTextContent("2");
    await userEvent.click(screen.getByRole("button", { name: "Delete 2 selected" }));
    await userEvent.click(screen.getByRole("button", { name: "Delete" }));
    expect(seen.at(-1)).toEqual([]);
    expect(screen.getByLabelText("count")).toHaveTextContent("0");
    await waitFor(() => expect(screen.getAllByRole("row")).toHaveLength(2));
    expect(model.count((r) => r.method === "DELETE")).toBe(2);
  });

  it("uncontrolled: starts from `defaultSelected` and still reports changes", async () => {
    const [a, b] = [named("A"), named("B")];
    model.add(a, b);
    const onSelectedChange = vi.fn();
    renderWithStream(<VideoTable defaultSelected={[uid(b)]} onSelectedChange={onSelectedChange} />);
    await screen.findByRole("table");
    expect(box("Select B").checked).toBe(true);
    await userEvent.click(box("Select A"));
    expect(box("Select A").checked).toBe(true);
    expect(onSelectedChange).toHaveBeenCalledWith([uid(b), uid(a)]);
    await userEvent.click(box("Select B"));
    expect(box("Select B").checked).toBe(false);
    expect(onSelectedChange).toHaveBeenLastCalledWith([uid(a)]);
  });
});

describe("VideoTable and VideoGrid search and status", () => {
  it("controlled search: the box shows `search`, typing asks, a new value searches", async () => {
    model.add(named("Cat"), named("Dog"));
    const onSearchChange = vi.fn();
    const { rerender } = renderWithStream(
      <VideoTable search="cat" onSearchChange={onSearchChange} searchDelayMs={0} />,
    );
    await screen.findByRole("table");
    const search = screen.getByRole("searchbox", { name: "Search by name" });
    expect(search).toHaveValue("cat");
    expect(lastList()?.get("search")).toBe("cat");
    fireEvent.change(search, { target: { value: "cats" } });
    expect(onSearchChange).toHaveBeenCalledWith("cats");
    expect(search).toHaveValue("cat");

    rerender(<VideoTable search="dog" onSearchChange={onSearchChange} searchDelayMs={0} />);
    expect(search).toHaveValue("dog");
    await waitFor(() => expect(lastList()?.get("search")).toBe("dog"));
    expect(await screen.findByText("Dog")).toBeInTheDocument();
  });

  it("controlled status: the select shows `status`, choosing asks, a new value filters", async () => {
    model.add(named("Done"), named("Busy", "inprogress"));
    const onStatusChange = vi.fn();
    const { rerender } = renderWithStream(
      <VideoTable status="inprogress" onStatusChange={onStatusChange} />,
    );
    expect(await screen.findByText("Busy")).toBeInTheDocument();
    const select = screen.getByRole("combobox", { name: "Status" });
    expect(select).toHaveValue("inprogress");
    expect(lastList()?.get("status")).toBe("inprogress");
    await userEvent.selectOptions(select, "ready");
    expect(onStatusChange).toHaveBeenCalledWith("ready");
    expect(select).toHaveValue("inprogress");

    rerender(<VideoTable status="" onStatusChange={onStatusChange} />);
    expect(select).toHaveValue("");
    expect(await screen.findByText("Done")).toBeInTheDocument();
    expect(lastList()?.has("status")).toBe(false);
  });

  it("VideoGrid: uncontrolled defaults, reporting every change", async () => {
    model.add(named("Cat"), named("Dog"), named("Cat busy", "inprogress"));
    const onSearchChange = vi.fn();
    const onStatusChange = vi.fn();
    renderWithStream(
      <VideoGrid
        defaultSearch="cat"
        defaultStatus="ready"
        onSearchChange={onSearchChange}
        onStatusChange={onStatusChange}
        searchDelayMs={0}
      />,
    );
    const cards = await screen.findAllByRole("listitem");
    expect(cards).toHaveLength(1);
    expect(cards[0]).toHaveAttribute("data-state", "ready");
    expect(lastList()?.get("search")).toBe("cat");
    expect(lastList()?.get("status")).toBe("ready");
    expect(document.querySelector(".sk-library")).toHaveAttribute("data-state", "ready");

    await userEvent.selectOptions(screen.getByRole("combobox", { name: "Status" }), "");
    expect(onStatusChange).toHaveBeenCalledWith("");
    await waitFor(() => expect(screen.getAllByRole("listitem")).toHaveLength(2));
    fireEvent.change(screen.getByRole("searchbox"), { target: { value: "" } });
    expect(onSearchChange).toHaveBeenCalledWith("");
    await waitFor(() => expect(screen.getAllByRole("listitem")).toHaveLength(3));
  });

  it("VideoGrid: controlled search follows the app", async () => {
    model.add(named("Cat"), named("Dog"));
    const { rerender } = renderWithStream(<VideoGrid search="dog" searchDelayMs={0} />);
    await waitFor(() => expect(screen.getAllByRole("listitem")).toHaveLength(1));
    expect(screen.getByRole("searchbox")).toHaveValue("dog");
    rerender(<VideoGrid search="" searchDelayMs={0} />);
    await waitFor(() => expect(screen.getAllByRole("listitem")).toHaveLength(2));
  });
});
