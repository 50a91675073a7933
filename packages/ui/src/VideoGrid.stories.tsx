import type { Meta, StoryObj } from "@storybook/react-vite";
import { inState, type MockVideo } from "@streamkit/test-utils";
import { expect, fn, userEvent, waitFor, within } from "storybook/test";
import { withStream } from "../../../.storybook/decorators";
import { HOSTILE_LIBRARY, HOSTILE_NAME } from "../../../.storybook/hostile";
import { VideoGrid } from "./VideoGrid";

const now = Date.now();
const LIBRARY: Partial<MockVideo>[] = [
  { name: "Sunset timelapse", ...inState("ready"), createdAt: now - 60_000 },
  { name: "City at night", ...inState("ready"), createdAt: now - 120_000 },
  { name: "Product demo", ...inState("inprogress", 40) },
  { name: "Broken upload", ...inState("error"), createdAt: now - 180_000 },
];

const meta = {
  title: "UI/VideoGrid",
  component: VideoGrid,
  decorators: [withStream],
  args: { onSelect: fn() },
  parameters: { backend: { seed: LIBRARY } },
} satisfies Meta<typeof VideoGrid>;

export default meta;
type Story = StoryObj<typeof meta>;

/** Cards with thumbnails; a card's thumbnail animates while its button is hovered or focused. */
export const Grid: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    const list = await canvas.findByRole("list", { name: "Videos" });
    await expect(within(list).getAllByRole("listitem")).toHaveLength(4);
    const card = canvas.getByRole("button", { name: "Sunset timelapse" });
    const img = card.querySelector("img");
    await waitFor(() => expect(img).toHaveAttribute("data-state", "loaded"), { timeout: 5_000 });
    await userEvent.tab();
    await userEvent.tab();
    await userEvent.tab();
    await expect(card).toHaveFocus();
    await waitFor(() => expect(img?.getAttribute("src")).toContain("thumbnail.gif"));
    await userEvent.keyboard("{Enter}");
    await expect(args.onSelect).toHaveBeenCalledTimes(1);
    // No frames yet (processing, duration unknown), or ever (failed): placeholders of the same size.
    await expect(canvasElement.querySelectorAll('[data-reason="no-frames"]')).toHaveLength(2);
  },
};

export const Empty: Story = {
  parameters: { backend: { seed: [] } },
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByText("No videos yet.")).toBeInTheDocument();
  },
};

/** An empty library with a call to action (`emptyAction`); a search that matches none has none. */
export const EmptyWithAction: Story = {
  parameters: { backend: { seed: [] } },
  args: {
    emptyAction: (
      <button type="button" className="sk-button" data-variant="primary">
        Add your first video
      </button>
    ),
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByText("No videos yet.")).toBeInTheDocument();
    await expect(canvas.getByRole("button", { name: "Add your first video" })).toBeVisible();
  },
};

export const NoMatches: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await canvas.findByRole("list");
    await userEvent.type(canvas.getByRole("searchbox", { name: "Search by name" }), "zebra");
    await expect(await canvas.findByText("No videos match these filters.")).toBeInTheDocument();
  },
};

export const Loading: Story = {
  parameters: { backend: { seed: LIBRARY, latency: 60_000 } },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByText("Loading…")).toBeInTheDocument();
  },
};

export const FailedRequest: Story = {
  parameters: { backend: { seed: LIBRARY, failWith: 403, failTimes: 1 } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByRole("alert")).toHaveTextContent(/set to fail/);
    await userEvent.click(canvas.getByRole("button", { name: "Try again" }));
    await expect(await canvas.findByRole("list", { name: "Videos" })).toBeInTheDocument();
  },
};

/** Names of 5,000 characters: cards clamp them to two lines, the whole name in the title. */
export const HostileLengths: Story = {
  parameters: { backend: { seed: HOSTILE_LIBRARY } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const card = await canvas.findByRole("button", { name: HOSTILE_NAME });
    await expect(card.querySelector("[title]")).toHaveAttribute("title", HOSTILE_NAME);
  },
};

/** Four hundred videos, a few still processing. */
const BIG: Partial<MockVideo>[] = Array.from({ length: 400 }, (_, i) =>
  i % 60 === 5
    ? { name: `Upload ${i + 1}`, ...inState("inprogress", 30) }
    : { name: `Video ${i + 1}`, ...inState("ready"), createdAt: now - (i + 1) * 60_000 },
);

/**
 * A big library as cards: whole rows of cards near the viewport are in the page (as many
 * columns as the width holds), and the next page loads as the end comes near.
 */
export const BigLibrary: Story = {
  parameters: { backend: { seed: BIG } },
  play: async ({ canvasElement }) => {
    const cards = () => [...canvasElement.querySelectorAll<HTMLElement>("li.sk-card")];
    await waitFor(() => expect(cards().length).toBeGreaterThan(0));
    const grid = canvasElement.querySelector<HTMLElement>("ul.sk-grid");
    await waitFor(() => expect(grid?.style.paddingBlock).toMatch(/px \d*[1-9]\d*px$/));
    const columns = getComputedStyle(grid as Element).gridTemplateColumns.split(" ").length;
    // Whole rows only: the cards rendered fill their rows.
    await expect(cards().length % columns === 0 || cards().length === 400).toBe(true);
    await expect(cards().length).toBeLessThan(50);
    for (let i = 0; i < 10; i++) {
      window.scrollTo(0, document.documentElement.scrollHeight);
      await new Promise((resolve) => setTimeout(resolve, 150));
    }
    await waitFor(() =>
      expect(canvasElement.querySelector("li.sk-card:last-child")?.textContent).toMatch(
        /Video (1\d\d|[2-4]\d\d)(?!\d)/,
      ),
    );
    await expect(cards().length).toBeLessThan(80);
    window.scrollTo(0, 0);
  },
};
