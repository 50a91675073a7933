import { asStreamEvent, stringifyStreamEvent } from "../eventJson";
import type { EventBus, StreamEvent, Unsubscribe } from "../events";
import { DurableObjectEventBusError, messageOf } from "./errors";
import { bodyOf, OBJECT_URL, ROUTES } from "./protocol";
import { openSubscription } from "./subscription";
import type { DurableObjectNamespaceLike, DurableObjectStubLike } from "./types";

export const DEFAULT_EVENTS_OBJECT_NAME = "streamkit-events";

export interface DurableObjectEventBusOptions {
  /** The object's name: one name, one channel shared by every isolate (default `streamkit-events`). */
  name?: string;
  /**
   * Errors no caller hears of: a frame that is not an event, and a subscription that dropped
   * when its subscriber gave no `onEnd` (`/events` does: it reports to the proxy's `onError` and
   * closes the stream, so the browser reconnects with `Last-Event-ID`). Defaults to
   * `console.error`. A failed `publish` or `replay` rejects instead.
   */
  onError?: (error: DurableObjectEventBusError) => void;
  /** How often a subscription pings the object to notice a dead connection (default 30 s). */
  pingIntervalMs?: number;
}

/** The bus, with what it returns spelled out: every call goes to the object, so all are async. */
export interface DurableObjectEventBus extends EventBus {
  publish(event: StreamEvent): Promise<void>;
  subscribe(
    listener: (event: StreamEvent) => void,
    onEnd?: (error: Error) => void,
  ): Promise<Unsubscribe>;
  replay(afterId: string): Promise<StreamEvent[] | undefined>;
}

/**
 * An `EventBus` on a Durable Object (`StreamEventsObject`), so that a webhook received by any
 * isolate reaches the `/events` streams of every isolate. `publish` resolves once the object
 * stored the event and sent it on; `replay` reads the object's buffer. Only the namespace is kept
 * between requests: stubs and sockets are made inside the request that uses them.
 */
export function createDurableObjectEventBus(
  namespace: DurableObjectNamespaceLike,
  options: DurableObjectEventBusOptions = {},
): DurableObjectEventBus {
  if (typeof namespace?.idFromName !== "function" || typeof namespace.get !== "function") {
    throw new TypeError(
      "createDurableObjectEventBus: pass the Durable Object namespace binding (env.STREAM_EVENTS)",
    );
  }
  const name = options.name ?? DEFAULT_EVENTS_OBJECT_NAME;
  const pingIntervalMs = options.pingIntervalMs ?? 30_000;
  if (!Number.isFinite(pingIntervalMs) || pingIntervalMs <= 0) {
    throw new TypeError("createDurableObjectEventBus: pingIntervalMs must be a positive number");
  }
  const report = options.onError ?? ((error: DurableObjectEventBusError) => console.error(error));
  const id = namespace.idFromName(name);
  const stub = (): DurableObjectStubLike => namespace.get(id);

  return {
    async publish(event: StreamEvent) {
      const response = await call("publish", () =>
        stub().fetch(`${OBJECT_URL}${ROUTES.publish}`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: stringifyStreamEvent(event),
        }),
      );
      if (!response.ok) {
        throw new DurableObjectEventBusError(
          "publish",
          `The events Durable Object refused ${event.id}: ${response.status} ${await bodyOf(response)}`,
          { status: response.status },
        );
      }
    },

    subscribe(
      listener: (event: StreamEvent) => void,
      onEnd?: (error: Error) => void,
    ): Promise<Unsubscribe> {
      return openSubscription(stub(), {
        listener,
        onEnd: onEnd ?? report,
        onError: report,
        pingIntervalMs,
      });
    },

    async replay(afterId: string) {
      const query = new URLSearchParams({ after: afterId });
      const response = await call("replay", () =>
        stub().fetch(`${OBJECT_URL}${ROUTES.replay}?${query}`),
      );
      if (!response.ok) {
        throw new DurableObjectEventBusError(
          "replay",
          `The events Durable Object refused the replay: ${response.status} ${await bodyOf(response)}`,
          { status: response.status },
        );
      }
      const body = (await response.json()) as { events?: unknown };
      if (body.events === null) return undefined;
      if (!Array.isArray(body.events)) {
        throw new DurableObjectEventBusError("replay", "The replay answer has no events list");
      }
      return body.events.flatMap((value) => asStreamEvent(value) ?? []);
    },
  };
}

async function call<T>(operation: "publish" | "replay", request: () => Promise<T>): Promise<T> {
  try {
    return await request();
  } catch (error) {
    throw new DurableObjectEventBusError(
      operation,
      `Could not reach the events Durable Object: ${messageOf(error)}`,
      { cause: error },
    );
  }
}
