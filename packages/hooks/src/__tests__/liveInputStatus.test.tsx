import { createStreamClient } from "@streamkit/core";
import { type LiveInputStatus, liveInputPhase } from "@streamkit/core/live-inputs";
import { renderHook, waitFor } from "@testing-library/react";
import type { ReactNode } from "react";
import { describe, expect, it, vi } from "vitest";
import { useLiveInput } from "../liveInputs";
import { StreamProvider } from "../StreamProvider";
import { testQueryClient } from "./render";

const UID = "5d5bc37ffcf54c9b82e996823bffbb81";

/** A live input whose answers walk through `statuses` (the last one repeats), then `enabled`. */
function setup(statuses: LiveInputStatus[], { enabledAfter = Number.POSITIVE_INFINITY } = {}) {
  let calls = 0;
  const fetch = vi.fn(async () => {
    const status = statuses[Math.min(calls, statuses.length - 1)] ?? null;
    calls += 1;
    const input = { uid: UID, status, enabled: calls <= enabledAfter };
    return Response.json({ result: input, success: true, errors: [], messages: [] });
  });
  const client = createStreamClient({ baseUrl: "/api/stream", fetch });
  const queryClient = testQueryClient();
  const wrapper = ({ children }: { children: ReactNode }) => (
    <StreamProvider client={client} queryClient={queryClient}>
      {children}
    </StreamProvider>
  );
  return { wrapper, fetch };
}

describe("useLiveInput's status", () => {
  it("follows a broadcast as it connects, goes live, drops, comes back and ends", async () => {
    const { wrapper } = setup([
      null,
      "new_configuration_accepted",
      "connected",
      "reconnecting",
      "reconnected",
      "client_disconnect",
    ]);
    const phases: string[] = [];
    const { unmount } = renderHook(
      () => {
        const query = useLiveInput(UID, { intervalMs: 10 });
        const phase = query.data ? liveInputPhase(query.data) : undefined;
        if (phase && phases.at(-1) !== phase) phases.push(phase);
        return query;
      },
      { wrapper },
    );
    await waitFor(() => expect(phases.at(-1)).toBe("ended"));
    expect(phases).toEqual(["idle", "connecting", "live", "reconnecting", "live", "ended"]);
    unmount();
  });

  it("stops polling once the input is disabled, and on unmount", async () => {
    const { wrapper, fetch } = setup([null], { enabledAfter: 2 });
    const { result, unmount } = renderHook(() => useLiveInput(UID, { intervalMs: 10 }), {
      wrapper,
    });
    await waitFor(() => expect(result.current.data?.enabled).toBe(false));
    const seen = fetch.mock.calls.length;
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect(fetch.mock.calls.length).toBe(seen);
    unmount();
  });

  it("polls no more after unmount", async () => {
    const { wrapper, fetch } = setup([null]);
    const { result, unmount } = renderHook(() => useLiveInput(UID, { intervalMs: 10 }), {
      wrapper,
    });
    await waitFor(() => expect(result.current.isSuccess).toBe(true));
    unmount();
    const seen = fetch.mock.calls.length;
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect(fetch.mock.calls.length).toBe(seen);
  });
});
