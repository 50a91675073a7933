import type { Meta, StoryObj } from "@storybook/react-vite";
import type { VideoState } from "@streamkit/core";
import { inState, type MockVideo } from "@streamkit/test-utils";
import { useState } from "react";
import { expect, fn, userEvent, waitFor, within } from "storybook/test";
import { withStream } from "../../../.storybook/decorators";
import { HOSTILE_LIBRARY, HOSTILE_NAME } from "../../../.storybook/hostile";
import { VideoTable, type VideoTableProps } from "./VideoTable";

const now = Date.now();
/** Five videos in different states; finished ones a minute apart, so paging has a clear order. */
const LIBRARY: Partial<MockVideo>[] = [
  { name: "Sunset timelapse", ...inState("ready") },
  { name: "Product demo", ...inState("inprogress", 40) },
  { name: "Interview raw", ...inState("queued") },
  { name: "<b>Not bold</b> & friends", ...inState("ready") },
  { name: "Broken upload", ...inState("error") },
].map((video, i) => (video.pace === 0 ? { ...video, createdAt: now - (i + 1) * 60_000 } : video));

const meta = {
  title: "UI/VideoTable",
  component: VideoTable,
  decorators: [withStream],
  args: { onSelect: fn() },
  parameters: { backend: { seed: LIBRARY } },
} satisfies Meta<typeof VideoTable>;

export default meta;
type Story = StoryObj<typeof meta>;

const bodyRows = (canvasElement: HTMLElement) => within(canvasElement).getAllByRole("row").slice(1);

/** Every state at once; unfinished rows watch their status, names are text, never markup. */
export const Library: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await canvas.findByRole("table", { name: "Videos" });
    await expect(bodyRows(canvasElement)).toHaveLength(5);
    await expect(canvas.getByText("<b>Not bold</b> & friends")).toBeInTheDocument();
    await expect(canvasElement.querySelector("tbody b")).toBeNull();
    await expect(
      await canvas.findByText("Video status: Processing, 40%", { selector: ":not([role])" }),
    ).toBeInTheDocument();
    await expect(
      canvas.getByText(
        "Video status: Failed. The video could not be downloaded from its URL. Could not fetch the origin.",
        {
          selector: ":not([role])",
        },
      ),
    ).toBeInTheDocument();
    await userEvent.click(canvas.getByRole("button", { name: "Sunset timelapse" }));
    await expect(args.onSelect).toHaveBeenCalledWith(
      expect.objectContaining({ meta: expect.objectContaining({ name: "Sunset timelapse" }) }),
    );
  },
};

/** A fresh upload moves through its phases in its row and ends ready. */
export const LiveProcessing: Story = {
  parameters: { backend: { seed: [{ name: "Fresh upload", pace: 400, createdAt: Date.now() }] } },
  play: async ({ canvasElement }) => {
    const row = await within(canvasElement).findByRole("row", { name: /Fresh upload/ });
    await waitFor(() => expect(row).toHaveAttribute("data-state", "ready"), { timeout: 10_000 });
    await expect(row).toHaveTextContent("Ready");
  },
};

/** The search waits for a pause in typing; status and search together can match nothing. */
export const SearchAndFilter: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await canvas.findByRole("table");
    await userEvent.type(canvas.getByRole("searchbox", { name: "Search by name" }), "sun");
    await waitFor(() => expect(bodyRows(canvasElement)).toHaveLength(1));
    await expect(bodyRows(canvasElement)[0]).toHaveTextContent("Sunset timelapse");
    await userEvent.selectOptions(canvas.getByRole("combobox", { name: "Status" }), "Failed");
    await expect(await canvas.findByText("No videos match these filters.")).toBeInTheDocument();
    await userEvent.clear(canvas.getByRole("searchbox", { name: "Search by name" }));
    await waitFor(() => expect(bodyRows(canvasElement)).toHaveLength(1));
    await expect(bodyRows(canvasElement)[0]).toHaveTextContent("Broken upload");
  },
};

export const Empty: Story = {
  parameters: { backend: { seed: [] } },
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByText("No videos yet.")).toBeInTheDocument();
  },
};

/** The backend takes a minute to answer. */
export const Loading: Story = {
  parameters: { backend: { seed: LIBRARY, latency: 60_000 } },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByText("Loading…")).toHaveAttribute("role", "status");
    await expect(canvasElement.querySelector(".sk-library")).toHaveAttribute(
      "data-state",
      "loading",
    );
  },
};

/** The first request fails; "Try again" loads the library. */
export const FailedRequest: Story = {
  parameters: { backend: { seed: LIBRARY, failWith: 403, failTimes: 1 } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByRole("alert")).toHaveTextContent(/set to fail/);
    await userEvent.click(canvas.getByRole("button", { name: "Try again" }));
    await expect(await canvas.findByRole("table")).toBeInTheDocument();
  },
};

/** Delete asks first; Escape cancels and focus goes back to the button. */
export const DeleteWithConfirm: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByRole("button", { name: "Delete Sunset timelapse" }));
    const question = canvas.getByRole("group", { name: /Delete Sunset timelapse\?/ });
    // Cancel has focus, so a second Enter backs out rather than deleting.
    await expect(within(question).getByRole("button", { name: "Cancel" })).toHaveFocus();
    await userEvent.keyboard("{Escape}");
    await expect(canvas.getByRole("button", { name: "Delete Sunset timelapse" })).toHaveFocus();
    await userEvent.click(canvas.getByRole("button", { name: "Delete Sunset timelapse" }));
    await userEvent.click(
      within(canvas.getByRole("group")).getByRole("button", { name: "Delete" }),
    );
    await waitFor(() => expect(bodyRows(canvasElement)).toHaveLength(4));
    await expect(await canvas.findByText("Deleted 1 video.")).toBeInTheDocument();
  },
};

/** Select all, then delete the selection after one confirm. */
export const BulkDelete: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByRole("checkbox", { name: "Select Product demo" }));
    await expect(canvas.getByRole("button", { name: "Delete 1 selected" })).toBeInTheDocument();
    await userEvent.click(canvas.getByRole("checkbox", { name: "Select all" }));
    await userEvent.click(canvas.getByRole("button", { name: "Delete 5 selected" }));
    await userEvent.click(canvas.getByRole("button", { name: "Delete" }));
    await expect(await canvas.findByText("No videos yet.")).toBeInTheDocument();
  },
};

/** The proxy refuses the delete: the row comes back and the reason is announced. */
export const DeleteFails: Story = {
  parameters: { backend: { seed: LIBRARY, failWritesWith: 403 } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByRole("button", { name: "Delete Interview raw" }));
    await userEvent.click(canvas.getByRole("button", { name: "Delete" }));
    await expect(await canvas.findByRole("alert")).toHaveTextContent(/refuses changes/);
    await expect(canvas.getByText("Interview raw")).toBeInTheDocument();
  },
};

/** Pages of two: "Load more" follows the cursor until the end. */
export const Paging: Story = {
  args: { filters: { limit: 2 } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await canvas.findByRole("table");
    await expect(bodyRows(canvasElement)).toHaveLength(2);
    await userEvent.click(canvas.getByRole("button", { name: "Load more" }));
    await waitFor(() => expect(bodyRows(canvasElement)).toHaveLength(4));
    await userEvent.click(canvas.getByRole("button", { name: "Load more" }));
    await waitFor(() => expect(bodyRows(canvasElement)).toHaveLength(5));
    await expect(canvas.queryByRole("button", { name: "Load more" })).toBeNull();
  },
};

/** The app owns selection, search and status (as it would keep them in the URL). */
function ControlledTable(props: VideoTableProps) {
  const [selected, setSelected] = useState<string[]>([]);
  const [search, setSearch] = useState("");
  const [status, setStatus] = useState<VideoState | "">("");
  return (
    <>
      <p className="sk-actions">
        <output aria-label="App state">
          {selected.length} selected · search “{search}” · status “{status || "all"}”
        </output>
        <button type="button" className="sk-button" onClick={() => setSelected([])}>
          Clear selection
        </button>
        <button type="button" className="sk-button" onClick={() => setStatus("ready")}>
          Only ready
        </button>
      </p>
      <VideoTable
        {...props}
        selected={selected}
        onSelectedChange={setSelected}
        search={search}
        onSearchChange={setSearch}
        status={status}
        onStatusChange={setStatus}
      />
    </>
  );
}

/** Controlled: the app's buttons change the table, and the table reports to the app. */
export const Controlled: Story = {
  render: (args) => <ControlledTable {...args} />,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const state = () => canvas.getByRole("status", { name: "App state" });
    await canvas.findByRole("table");
    const box = canvas.getByRole("checkbox", { name: "Select Sunset timelapse" });
    await userEvent.click(box);
    await expect(box).toHaveAttribute("data-state", "checked");
    await expect(state()).toHaveTextContent("1 selected");
    await userEvent.click(canvas.getByRole("button", { name: "Clear selection" }));
    await expect(box).toHaveAttribute("data-state", "unchecked");

    await userEvent.click(canvas.getByRole("button", { name: "Only ready" }));
    await expect(canvas.getByRole("combobox", { name: "Status" })).toHaveValue("ready");
    await waitFor(() => expect(bodyRows(canvasElement)).toHaveLength(2));
    await userEvent.type(canvas.getByRole("searchbox", { name: "Search by name" }), "sun");
    await expect(state()).toHaveTextContent("search “sun”");
    await waitFor(() => expect(bodyRows(canvasElement)).toHaveLength(1));
  },
};

/** Native controls follow the tokens' scheme: `color-scheme` is set, so dark mode is whole. */
export const ColorScheme: Story = {
  play: async ({ canvasElement }) => {
    const table = await within(canvasElement).findByRole("table", { name: "Videos" });
    const page = canvasElement.ownerDocument.documentElement;
    await expect(getComputedStyle(page).colorScheme).toBe("light dark");
    page.dataset.skTheme = "dark";
    try {
      await expect(getComputedStyle(table).colorScheme).toBe("dark");
    } finally {
      delete page.dataset.skTheme;
    }
  },
};

/** Names of 5,000 characters and 200 meta fields: rows clamp names to two lines, nothing overflows. */
export const HostileLengths: Story = {
  parameters: { backend: { seed: HOSTILE_LIBRARY } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const name = await canvas.findByRole("button", { name: HOSTILE_NAME });
    await expect(name.closest("[title]")).toHaveAttribute("title", HOSTILE_NAME);
    await expect(canvasElement.ownerDocument.documentElement.scrollWidth).toBeLessThanOrEqual(
      canvasElement.ownerDocument.documentElement.clientWidth,
    );
  },
};

/** Six hundred videos, a dozen still processing, spread through the library. */
const BIG: Partial<MockVideo>[] = Array.from({ length: 600 }, (_, i) =>
  i % 50 === 7
    ? { name: `Upload ${i + 1}`, ...inState("inprogress", 30) }
    : { name: `Video ${i + 1}`, ...inState("ready"), createdAt: now - (i + 1) * 60_000 },
);

/**
 * A big library: only the rows near the viewport are in the page (TanStack Virtual, fetched
 * once the table holds more than a page), and the next page loads as the end comes near.
 */
export const BigLibrary: Story = {
  parameters: { backend: { seed: BIG } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await canvas.findByRole("table", { name: "Videos" });
    const rendered = () => canvasElement.querySelectorAll("tbody tr[data-index]").length;
    // The first page renders whole; windowing then keeps far fewer rows than are loaded.
    await waitFor(() => expect(canvasElement.querySelector(".sk-spacer")).not.toBeNull());
    await expect(rendered()).toBeLessThan(50);
    // Scrolling to the end of the page loads the next pages by itself.
    for (let i = 0; i < 10; i++) {
      window.scrollTo(0, document.documentElement.scrollHeight);
      await new Promise((resolve) => setTimeout(resolve, 150));
    }
    await waitFor(() => {
      const indexes = [...canvasElement.querySelectorAll("tbody tr[data-index]")].map((row) =>
        Number(row.getAttribute("data-index")),
      );
      expect(Math.max(...indexes)).toBeGreaterThanOrEqual(99);
    });
    await expect(rendered()).toBeLessThan(60);
    window.scrollTo(0, 0);
  },
};
