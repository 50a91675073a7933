import type { Video } from "@streamkit/core";

/** One verified webhook: the bare Video, with an id stable across Cloudflare's retries. */
export interface StreamEvent {
  /** `<signature time>-<uid>`: the same delivery retried carries the same id. */
  id: string;
  video: Video;
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
