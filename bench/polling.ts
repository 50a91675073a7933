import { createStreamClient } from "@streamkit/core";
import { StreamProvider, useVideoStatus } from "@streamkit/hooks";
import { act, render } from "@testing-library/react";
import { createElement, useEffect } from "react";
import { vi } from "vitest";
import { BenchModel, benchUid } from "./model";

export interface PollingFigures {
  /** Requests of the obvious implementation: each component polls its uid every 2 s. */
  naive: number;
  /** Requests of useVideoStatus over the same time. */
  streamkit: number;
  /** Requests of useVideoStatus in the minute after every video became ready. */
  afterReady: number;
  /** Requests of the obvious implementation in that minute: it never stops. */
  naiveAfterReady: number;
}

/** The obvious implementation a user would write: its own timer, its own request. */
function NaiveStatus({ uid, fetcher }: { uid: string; fetcher: typeof fetch }) {
  useEffect(() => {
    const timer = setInterval(
      () => void fetcher(`/api/stream/${uid}`).then((r) => r.text()),
      2_000,
    );
    return () => clearInterval(timer);
  }, [uid, fetcher]);
  return null;
}

function StreamkitStatus({ uid }: { uid: string }) {
  useVideoStatus(uid);
  return null;
}

async function advance(ms: number, step = 1_000) {
  for (let t = 0; t < ms; t += step) {
    await act(async () => {
      await vi.advanceTimersByTimeAsync(step);
    });
  }
}

/**
 * `consumers` mounted status components over `uids` processing videos, for `seconds` of simulated
 * time; then every video reaches ready and the next minute is counted.
 */
export async function measurePolling({
  consumers = 100,
  uids = 50,
  seconds = 120,
} = {}): Promise<PollingFigures> {
  const ids = Array.from({ length: uids }, (_, i) => benchUid(i));
  const owners = Array.from({ length: consumers }, (_, i) => ids[i % uids] as string);

  vi.useFakeTimers();
  try {
    const naiveModel = new BenchModel();
    for (const id of ids) naiveModel.add(id, "inprogress");
    const naive = render(
      createElement(
        "div",
        null,
        owners.map((uid, i) =>
          createElement(NaiveStatus, { key: i, uid, fetcher: naiveModel.fetch }),
        ),
      ),
    );
    await advance(seconds * 1000);
    const naiveRequests = naiveModel.requests;
    naiveModel.setAll("ready");
    await advance(60_000);
    const naiveAfterReady = naiveModel.requests - naiveRequests;
    naive.unmount();

    const model = new BenchModel();
    for (const id of ids) model.add(id, "inprogress");
    const client = createStreamClient({ baseUrl: "/api/stream", fetch: model.fetch });
    const tree = createElement(
      StreamProvider,
      { client },
      owners.map((uid, i) => createElement(StreamkitStatus, { key: i, uid })),
    );
    const mounted = render(tree);
    await advance(seconds * 1000);
    const streamkit = model.requests;
    model.setAll("ready");
    await advance(15_000); // the last polls see ready
    const before = model.requests;
    await advance(60_000);
    const afterReady = model.requests - before;
    mounted.unmount();
    return { naive: naiveRequests, streamkit, afterReady, naiveAfterReady };
  } finally {
    vi.useRealTimers();
  }
}
