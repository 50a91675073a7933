import type { EventSourceConstructor } from "@streamkit/core/live";
import { EventSource } from "eventsource";
import type { ReactNode } from "react";
import { StreamProvider } from "../StreamProvider";

/** Ten minutes: in a test, "never again". */
const NEVER = 600_000;

/**
 * A renderHook wrapper on a real proxy at `baseUrl` whose cache moves only by its event stream:
 * one status poll at start, and none after (nor from the live updates' safety net), so whatever
 * arrives later came over `/events`. Node's EventSource is the `eventsource` package.
 */
export function eventsOnlyWrapper(baseUrl: string) {
  return function EventsOnly({ children }: { children: ReactNode }) {
    return (
      <StreamProvider
        baseUrl={baseUrl}
        polling={{ waitingMs: NEVER, processingMs: NEVER }}
        liveUpdates={{
          EventSource: EventSource as unknown as EventSourceConstructor,
          safetyNet: { waitingMs: NEVER, processingMs: NEVER },
        }}
      >
        {children}
      </StreamProvider>
    );
  };
}
