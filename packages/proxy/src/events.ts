import type { Video } from "@streamkit/core";
import type { LiveInputEvent } from "@streamkit/core/live";

/** One verified webhook: the bare Video, with an id stable across Cloudflare's retries. */
export interface VideoEvent {
  /** `<signature time>-<uid>`: the same delivery retried carries the same id. */
  id: string;
  video: Video;
}

/**
 * One verified live notification, with the input's status read on receipt. `creator` is the
 * input's owner (from the proxy's own stamp), so `/events` sends it to that creator only;
 * `null` when the input has no owner or could not be read (then only unscoped subscribers get it).
 */
export interface LiveInputStreamEvent {
  /** `<ts>-<input uid>-<event_type>`: the same dispatch retried carries the same id. */
  id: string;
  liveInput: LiveInputEvent;
  creator: string | null;
}

/** What travels on the bus to `/events`: a video webhook or a live input notification. */
export type StreamEvent = VideoEvent | LiveInputStreamEvent;

/** Whose event this is, for creator scoping (`null`: nobody's in particular). */
export function eventCreator(event: StreamEvent): string | null {
  return "video" in event ? (event.video.creator ?? null) : event.creator;
}

export type Unsubscribe = () => void;

/**
 * Carries verified webhook events to `/events` subscribers. The default lives in memory and
 * reaches only subscribers of the same process (or Worker isolate); an app with several
 * instances passes its own bus (Redis pub/sub, a Durable Object, Postgres LISTEN…).
 */
export interface EventBus {
  publish(event: StreamEvent): void | Promise<void>;
  subscribe(listener: (event: StreamEvent) => void): Unsubscribe | Promise<Unsubscribe>;
}

export function createMemoryEventBus(): EventBus & { readonly size: number } {
  const listeners = new Set<(event: StreamEvent) => void>();
  return {
    get size() {
      return listeners.size;
    },
    publish(event) {
      // A failing subscriber must not keep the event from the others.
      for (const listener of [...listeners]) {
        try {
          listener(event);
        } catch {
          // ignored: the SSE writer cleans itself up on failure
        }
      }
    },
    subscribe(listener) {
      // Wrapped so the same function subscribed twice gets two independent subscriptions.
      const entry = (event: StreamEvent) => listener(event);
      listeners.add(entry);
      return () => {
        listeners.delete(entry);
      };
    },
  };
}
