// The README's library example, verbatim apart from the imports, so the docs cannot rot.

import type { Video, VideoState } from "@streamkit/core";
import { makeUid, makeVideo, StreamModel } from "@streamkit/test-utils";
import { serveModel } from "@streamkit/test-utils/vitest";
import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { useState } from "react";
import { expect, it } from "vitest";
import { useDeleteVideos, useListedVideo, useVideoLibrary } from "../libraryEntry";
import { wrapper } from "./render";

function Row({ video: listed, onDelete }: { video: Video; onDelete: (uid: string) => void }) {
  const video = useListedVideo(listed); // follows polling and edits, never fetches
  return (
    <li>
      {String(video.meta?.name ?? video.uid)}: {video.status?.state}
      <button type="button" onClick={() => onDelete(video.uid ?? "")}>
        Delete
      </button>
    </li>
  );
}

export function Library() {
  const [search, setSearch] = useState("");
  const [status, setStatus] = useState<VideoState | "">("");
  const library = useVideoLibrary({ search, status, filters: { limit: 20 } });
  const bulk = useDeleteVideos();
  return (
    <section data-state={library.state}>
      <input
        type="search"
        aria-label="Search"
        value={search}
        onChange={(e) => setSearch(e.target.value)}
        onKeyDown={(e) => e.key === "Enter" && library.flushSearch()}
      />
      <select
        aria-label="Status"
        value={status}
        onChange={(e) => setStatus(e.target.value as VideoState | "")}
      >
        <option value="">All</option>
        <option value="ready">Ready</option>
      </select>
      {library.state === "empty" && <p>{library.filtered ? "No matches." : "No videos yet."}</p>}
      <ul>
        {library.videos.map((v) => (
          <Row key={v.uid} video={v} onDelete={(uid) => void bulk.remove([uid])} />
        ))}
      </ul>
      <button
        type="button"
        disabled={bulk.isPending || library.videos.length === 0}
        onClick={() => void bulk.remove(library.videos.map((v) => v.uid ?? ""))}
      >
        Delete all shown
      </button>
      {bulk.error && <p role="alert">{bulk.error.message}</p>}
    </section>
  );
}

const model = new StreamModel();
serveModel(model);

it("searches, filters and deletes as the README says", async () => {
  model.add(
    makeVideo(makeUid(), "ready", "100", { meta: { name: "Cat" } }),
    makeVideo(makeUid(), "inprogress", "10", { meta: { name: "Dog" } }),
  );
  const { Wrapper } = wrapper();
  render(<Library />, { wrapper: Wrapper });
  const list = () => screen.getByRole("list");
  await waitFor(() => expect(within(list()).getAllByRole("listitem")).toHaveLength(2));
  fireEvent.change(screen.getByRole("combobox", { name: "Status" }), {
    target: { value: "ready" },
  });
  await waitFor(() => expect(within(list()).getAllByRole("listitem")).toHaveLength(1));
  expect(list()).toHaveTextContent("Cat: ready");
  fireEvent.change(screen.getByRole("searchbox"), { target: { value: "zebra" } });
  fireEvent.keyDown(screen.getByRole("searchbox"), { key: "Enter" });
  expect(await screen.findByText("No matches.")).toBeInTheDocument();
  fireEvent.change(screen.getByRole("searchbox"), { target: { value: "" } });
  fireEvent.change(screen.getByRole("combobox", { name: "Status" }), { target: { value: "" } });
  await waitFor(() => expect(within(list()).getAllByRole("listitem")).toHaveLength(2));
  fireEvent.click(screen.getByRole("button", { name: "Delete all shown" }));
  expect(await screen.findByText("No videos yet.")).toBeInTheDocument();
  expect(model.count((r) => r.method === "DELETE")).toBe(2);
});
