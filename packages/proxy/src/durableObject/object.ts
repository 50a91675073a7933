import { asStreamEvent, stringifyStreamEvent } from "../eventJson";
import { DEFAULT_REPLAY_LIMIT } from "../events";
import { messageOf } from "./errors";
import { EventLog } from "./eventLog";
import { PING, PONG, ROUTES } from "./protocol";
import type { DurableObjectStateLike, ServerWebSocketLike } from "./types";

/**
 * The Durable Object every isolate of a deployment shares: one channel for the proxy's events.
 * Webhook receivers POST events to it; each `/events` stream holds a WebSocket to it; reconnecting
 * browsers get what they missed from its replay buffer.
 *
 * Subscribers are WebSockets on the Hibernation API (`ctx.acceptWebSocket`), not streamed
 * responses: a streamed response keeps the object in memory, and billed, for as long as any
 * browser listens, while hibernatable sockets let the runtime evict an idle object and wake it
 * for the next publish with every socket still attached. Pings are answered by the runtime's
 * auto-response, so they do not wake it either.
 *
 * Export it from your Worker's main module and bind it (see the README); to keep more or fewer
 * events for replays, subclass it: `class Events extends StreamEventsObject { static override
 * replayLimit = 500 }`.
 */
export class StreamEventsObject {
  /** How many recent events are kept for `Last-Event-ID` replays (0 keeps none). */
  static replayLimit = DEFAULT_REPLAY_LIMIT;

  protected readonly ctx: DurableObjectStateLike;
  readonly #log: EventLog;

  constructor(ctx: DurableObjectStateLike, _env?: unknown) {
    this.ctx = ctx;
    const limit = Math.max(0, Math.floor((new.target as typeof StreamEventsObject).replayLimit));
    this.#log = new EventLog(ctx.storage, limit);
    // Nothing is served before the buffer an evicted instance stored is back in memory.
    void ctx.blockConcurrencyWhile(() => this.#log.load());
    const Pair = workersGlobal<new (request: string, response: string) => unknown>(
      "WebSocketRequestResponsePair",
    );
    if (Pair) ctx.setWebSocketAutoResponse?.(new Pair(PING, PONG));
  }

  async fetch(request: Request): Promise<Response> {
    const url = new URL(request.url);
    switch (url.pathname) {
      case ROUTES.publish:
        return request.method === "POST" ? this.#publish(request) : refusal(405, "POST only");
      case ROUTES.subscribe:
        return this.#subscribe(request);
      case ROUTES.replay:
        return this.#replay(url.searchParams.get("after"));
      default:
        return refusal(404, `No route ${url.pathname} on StreamEventsObject`);
    }
  }

  /** Only reached where the runtime has no auto-response: answer pings by hand. */
  webSocketMessage(socket: ServerWebSocketLike, message: string | ArrayBuffer): void {
    if (message === PING) socket.send(PONG);
  }

  webSocketClose(socket: ServerWebSocketLike): void {
    // Completes the closing handshake the subscriber started (older compatibility dates do
    // not do it by themselves); the socket may be gone already.
    try {
      socket.close(1000, "unsubscribed");
    } catch {
      // already closed
    }
  }

  webSocketError(): void {
    // The runtime drops the socket from getWebSockets(); its subscriber sees the close.
  }

  async #publish(request: Request): Promise<Response> {
    let event: ReturnType<typeof asStreamEvent>;
    try {
      event = asStreamEvent(await request.json());
    } catch {
      event = undefined;
    }
    if (!event) return refusal(400, "The body is not a streamkit event");
    try {
      await this.#log.append(event);
    } catch (error) {
      // Nothing is sent before it is kept: the publisher's retry (Stream's) sends it once.
      return refusal(500, `Could not store ${event.id}: ${messageOf(error)}`);
    }
    const frame = stringifyStreamEvent(event);
    for (const socket of this.ctx.getWebSockets()) {
      try {
        socket.send(frame);
      } catch {
        // a socket that is closing: its subscriber reconnects and replays
      }
    }
    return new Response(null, { status: 204 });
  }

  #subscribe(request: Request): Response {
    if (request.headers.get("upgrade")?.toLowerCase() !== "websocket") {
      return refusal(426, "Subscribe with Upgrade: websocket");
    }
    const WebSocketPair =
      workersGlobal<new () => Record<0 | 1, ServerWebSocketLike>>("WebSocketPair");
    if (!WebSocketPair) return refusal(501, "StreamEventsObject runs on Cloudflare Workers only");
    const { 0: client, 1: server } = new WebSocketPair();
    this.ctx.acceptWebSocket(server);
    // `webSocket` is the Workers extension of ResponseInit that hands the client end over.
    const init = { status: 101, webSocket: client };
    return new Response(null, init as ResponseInit);
  }

  #replay(afterId: string | null): Response {
    if (!afterId) return refusal(400, "Replay needs ?after=<event id>");
    return Response.json({ events: this.#log.after(afterId) ?? null });
  }
}

function refusal(status: number, message: string): Response {
  return new Response(message, { status, headers: { "content-type": "text/plain" } });
}

/** A global only the Workers runtime has, without its type definitions. */
function workersGlobal<T>(name: string): T | undefined {
  return (globalThis as unknown as Record<string, T | undefined>)[name];
}
