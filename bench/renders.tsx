import { createStreamClient, type Video } from "@streamkit/core";
import { StreamProvider } from "@streamkit/hooks";
import { VideoTable } from "@streamkit/ui";
import { act, render } from "@testing-library/react";
import { createElement } from "react";
import { vi } from "vitest";
import { BenchModel, benchUid } from "./model";

export interface RenderFigures {
  /** Row renders caused by one poll round in which nothing changed. */
  unchanged: number;
  /** Row renders caused by one poll round in which one video changed. */
  oneChanged: number;
  /** Requests one poll round cost for all rows. */
  requestsPerPoll: number;
}

async function settle(ms: number) {
  await act(async () => {
    await vi.advanceTimersByTimeAsync(ms);
  });
}

/** A table of `rows` processing videos under live polling; counts row renders per poll round. */
export async function measureRowRenders(rows = 500): Promise<RenderFigures> {
  vi.useFakeTimers();
  try {
    const model = new BenchModel();
    for (let i = 0; i < rows; i++) model.add(benchUid(i), "inprogress", "40.000000");
    const client = createStreamClient({ baseUrl: "/api/stream", fetch: model.fetch });
    let rowRenders = 0;
    // Called each time a row renders: rows are memoized, so this counts real row work.
    const renderName = (video: Video) => {
      rowRenders += 1;
      return String(video.meta?.name ?? video.uid);
    };
    const view = render(
      createElement(
        StreamProvider,
        { client, polling: { jitter: 0 } },
        // Every row mounted (no windowing): the worst case, where each row's re-render counts.
        createElement(VideoTable, {
          filters: { limit: rows },
          renderName,
          selectable: false,
          virtualize: false,
        }),
      ),
    );
    // Mount, first list, first status round.
    for (let i = 0; i < 10; i++) await settle(1_000);

    rowRenders = 0;
    let before = model.requests;
    await settle(5_000);
    const unchanged = rowRenders;
    const requestsPerPoll = model.requests - before;

    const changed = benchUid(7);
    model.add(changed, "inprogress", "41.000000");
    rowRenders = 0;
    before = model.requests;
    await settle(5_000);
    const oneChanged = rowRenders;
    view.unmount();
    return { unchanged, oneChanged, requestsPerPoll };
  } finally {
    vi.useRealTimers();
  }
}
