import type { LiveInputStatus } from "./liveInputs/types";
import type { LiveInputErrored, LiveInputEventType } from "./liveNotification";
import type { Video } from "./types";
import { isUid } from "./validate";

/** `open`: events flow. `connecting`: (re)trying. `unavailable`: no EventSource here, or closed for good. */
export type LiveUpdatesStatus = "connecting" | "open" | "unavailable";

/** The part of the browser's EventSource that is used, so a polyfill can stand in. */
export interface EventSourceLike {
  readonly readyState: number;
  addEventListener(type: string, listener: (event: MessageEvent) => void): void;
  close(): void;
}
export type EventSourceConstructor = new (
  url: string,
  init?: { withCredentials?: boolean },
) => EventSourceLike;

/**
 * A live input's connection changed: a live notification the proxy verified and scoped to the
 * input's owner. It carries no credentials; read the input for those.
 */
export interface LiveInputEvent {
  uid: string;
  event_type: LiveInputEventType;
  /** The input's `status` as the proxy read it on receipt (`null` when it could not). */
  status: LiveInputStatus;
  updated_at: string;
  live_input_errored?: LiveInputErrored;
}

export interface LiveUpdatesOptions {
  /** The proxy's server-sent-events route, e.g. `/api/stream/events`. */
  url: string;
  /** Each verified webhook's video (ready or error). */
  onVideo(video: Video): void;
  /** Each live input event (`event: live_input`), when the proxy receives live notifications. */
  onLiveInput?(event: LiveInputEvent): void;
  onStatus?(status: LiveUpdatesStatus): void;
  /** Defaults to the global `EventSource`; without one, the status is `unavailable` (poll instead). */
  EventSource?: EventSourceConstructor;
  withCredentials?: boolean;
  /** Reconnect delays after the stream closes: from `baseMs`, doubling, up to `maxMs`. Defaults 1 s and 30 s. */
  backoff?: { baseMs?: number; maxMs?: number };
}

const CLOSED = 2;

/**
 * Listens to the proxy's `/events` stream. The browser reconnects a dropped stream by itself; when
 * it gives up (an HTTP error, a proxy without the route) this reconnects with backoff. The status
 * tells callers when to lean on polling instead.
 */
export function connectLiveUpdates(options: LiveUpdatesOptions): { close(): void } {
  const Source =
    options.EventSource ?? (globalThis as { EventSource?: EventSourceConstructor }).EventSource;
  if (!Source) {
    options.onStatus?.("unavailable");
    return { close() {} };
  }
  const baseMs = options.backoff?.baseMs ?? 1_000;
  const maxMs = options.backoff?.maxMs ?? 30_000;
  let source: EventSourceLike | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let attempts = 0;
  let closed = false;
  let status: LiveUpdatesStatus | undefined;
  const report = (next: LiveUpdatesStatus) => {
    if (next === status) return;
    status = next;
    options.onStatus?.(next);
  };

  const connect = () => {
    if (closed) return;
    report("connecting");
    const current = new Source(options.url, { withCredentials: options.withCredentials ?? false });
    source = current;
    current.addEventListener("open", () => {
      attempts = 0;
      report("open");
    });
    current.addEventListener("video", (event) => {
      try {
        const video = JSON.parse(String(event.data)) as Video;
        if (isUid(video?.uid)) options.onVideo(video);
      } catch {
        // A malformed event is dropped; the next poll corrects whatever it missed.
      }
    });
    current.addEventListener("live_input", (event) => {
      try {
        const live = JSON.parse(String(event.data)) as LiveInputEvent;
        if (isUid(live?.uid)) options.onLiveInput?.(live);
      } catch {
        // As for videos: dropped, and polling catches up.
      }
    });
    current.addEventListener("error", () => {
      if (closed) return;
      if (current.readyState !== CLOSED) {
        report("connecting");
        return;
      }
      current.close();
      const delay = Math.min(maxMs, baseMs * 2 ** attempts);
      attempts += 1;
      report("connecting");
      timer = setTimeout(connect, delay);
    });
  };
  connect();

  return {
    close() {
      closed = true;
      clearTimeout(timer);
      source?.close();
    },
  };
}
