import { parseStreamEvent } from "../eventJson";
import type { StreamEvent, Unsubscribe } from "../events";
import { DurableObjectEventBusError, messageOf } from "./errors";
import { bodyOf, OBJECT_URL, PING, PONG, ROUTES } from "./protocol";
import type { ClientWebSocketLike, DurableObjectStubLike } from "./types";

export interface SubscriptionOptions {
  listener: (event: StreamEvent) => void;
  /** Called once if the subscription ends by itself (the object went away, no pong). */
  onEnd: (error: DurableObjectEventBusError) => void;
  /** Frames that are not events; the subscription goes on. */
  onError: (error: DurableObjectEventBusError) => void;
  pingIntervalMs: number;
}

/**
 * One subscription: a WebSocket from this request's isolate to the object. It is opened inside
 * the `/events` request that asked for it and belongs to it (Workers do not let a request use
 * another request's I/O objects), so each stream holds its own and closes it when it ends.
 * Resolves once the object holds the socket: anything published afterwards reaches it.
 */
export async function openSubscription(
  stub: DurableObjectStubLike,
  options: SubscriptionOptions,
): Promise<Unsubscribe> {
  let response: Awaited<ReturnType<DurableObjectStubLike["fetch"]>>;
  try {
    response = await stub.fetch(`${OBJECT_URL}${ROUTES.subscribe}`, {
      headers: { upgrade: "websocket" },
    });
  } catch (error) {
    throw new DurableObjectEventBusError(
      "subscribe",
      `Could not reach the events Durable Object: ${messageOf(error)}`,
      { cause: error },
    );
  }
  const socket = response.webSocket;
  if (response.status !== 101 || !socket) {
    throw new DurableObjectEventBusError(
      "subscribe",
      `The events Durable Object refused the subscription: ${response.status} ${await bodyOf(response)}`,
      { status: response.status },
    );
  }
  return listen(socket, options);
}

function listen(socket: ClientWebSocketLike, options: SubscriptionOptions): Unsubscribe {
  let over = false;
  // Set by a pong; a ping that finds it unset means the last one went unanswered.
  let answered = true;
  const end = (error: DurableObjectEventBusError | undefined) => {
    if (over) return;
    over = true;
    clearInterval(pinger);
    try {
      socket.close(1000, "unsubscribed");
    } catch {
      // already closed
    }
    if (error) options.onEnd(error);
  };
  const pinger = setInterval(() => {
    if (!answered) {
      end(
        new DurableObjectEventBusError(
          "subscribe",
          `The events Durable Object did not answer a ping within ${options.pingIntervalMs} ms`,
        ),
      );
      return;
    }
    answered = false;
    try {
      socket.send(PING);
    } catch (error) {
      end(new DurableObjectEventBusError("subscribe", messageOf(error), { cause: error }));
    }
  }, options.pingIntervalMs);

  socket.addEventListener("message", ({ data }) => {
    if (over) return;
    if (data === PONG) {
      answered = true;
      return;
    }
    const event = typeof data === "string" ? parseStreamEvent(data) : undefined;
    if (!event) {
      options.onError(
        new DurableObjectEventBusError("message", "Dropped a frame that is not a streamkit event"),
      );
      return;
    }
    options.listener(event);
  });
  socket.addEventListener("close", ({ code, reason }) => {
    end(
      new DurableObjectEventBusError(
        "subscribe",
        `The events Durable Object closed the subscription (${code}${reason ? ` ${reason}` : ""})`,
      ),
    );
  });
  socket.addEventListener("error", (event) => {
    const cause = (event as { error?: unknown } | undefined)?.error;
    end(
      new DurableObjectEventBusError(
        "subscribe",
        `The subscription to the events Durable Object failed${cause ? `: ${messageOf(cause)}` : ""}`,
        { cause },
      ),
    );
  });
  socket.accept();
  return () => end(undefined);
}
