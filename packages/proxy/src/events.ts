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

/** Events a bus keeps for reconnecting clients unless told otherwise. */
export const DEFAULT_REPLAY_LIMIT = 100;

/**
 * Carries verified webhook events to `/events` subscribers. The default lives in memory and
 * reaches only subscribers of the same process (or Worker isolate); an app with several
 * instances passes a shared one: `@streamkit/proxy/redis` (Redis pub/sub), a Durable Object
 * bus on Workers (`@streamkit/proxy/durable-object`), or its own.
 */
export interface EventBus {
  publish(event: StreamEvent): void | Promise<void>;
  /**
   * `onEnd`: a bus whose subscriptions can drop (a remote connection) calls it once when one
   * does, never after unsubscribing; `/events` then reports the error and ends the stream, so the
   * browser reconnects with `Last-Event-ID` and gets what it missed from `replay`.
   */
  subscribe(
    listener: (event: StreamEvent) => void,
    onEnd?: (error: Error) => void,
  ): Unsubscribe | Promise<Unsubscribe>;
  /**
   * What was published after the event `afterId`, oldest first, for a browser that reconnects
   * with `Last-Event-ID`. `undefined` when the bus no longer holds that event (too old, or from
   * before a restart): the client then catches up by polling. A bus without it replays nothing.
   */
  replay?(afterId: string): StreamEvent[] | undefined | Promise<StreamEvent[] | undefined>;
}

/**
 * The events after the last one with id `afterId` in `recent` (oldest first), or `undefined`
 * when `afterId` is not there. The last match counts: a retried webhook carries its id again.
 */
export function eventsAfter(
  recent: readonly StreamEvent[],
  afterId: string,
): StreamEvent[] | undefined {
  for (let index = recent.length - 1; index >= 0; index--) {
    if (recent[index]?.id === afterId) return recent.slice(index + 1);
  }
  return undefined;
}

export interface MemoryEventBusOptions {
  /** How many recent events are kept for `replay` (default 100; 0 keeps none). */
  replayLimit?: number;
}

/** The in-process bus: reaches the subscribers of this process (or Worker isolate) only. */
export interface MemoryEventBus extends EventBus {
  /** How many subscribers are listening. */
  readonly size: number;
  replay(afterId: string): StreamEvent[] | undefined;
}

export function createMemoryEventBus(options: MemoryEventBusOptions = {}): MemoryEventBus {
  const replayLimit = Math.max(0, options.replayLimit ?? DEFAULT_REPLAY_LIMIT);
  const listeners = new Set<(event: StreamEvent) => void>();
  const recent: StreamEvent[] = [];
  return {
    get size() {
      return listeners.size;
    },
    publish(event) {
      if (replayLimit > 0) {
        recent.push(event);
        if (recent.length > replayLimit) recent.splice(0, recent.length - replayLimit);
      }
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
    replay(afterId) {
      return eventsAfter(recent, afterId);
    },
  };
}
