import { type EventBus, eventCreator, type StreamEvent, type Unsubscribe } from "./events";
import { scrub } from "./headers";

/**
 * `GET {basePath}/events`: a server-sent-events stream of verified webhook videos and live
 * input notifications. Each event is `id:` + `event: video` + `data: <video json>`, or
 * `event: live_input` + `data: <LiveInputEvent json>`; comments keep idle connections
 * open through proxies; everything is released when the client goes away (request abort or
 * stream cancel), whichever the runtime reports.
 *
 * A browser's EventSource reconnects with `Last-Event-ID`; when the bus can `replay`, the
 * events it missed come first. The stream subscribes before it asks for them and holds live
 * events until they are sent, so nothing published in between is lost or sent twice. When the
 * bus no longer has that id, a `: replay unavailable` comment says so and the hooks' polling
 * catches up.
 */

export interface SseConfig {
  bus: EventBus;
  /** Only this creator's videos and live inputs are sent; `undefined` sends all. */
  creator: string | undefined;
  /** The `Last-Event-ID` a reconnecting client sent, if any. */
  lastEventId: string | undefined;
  heartbeatMs: number;
  retryMs: number;
  secrets: readonly string[];
  signal: AbortSignal;
  onError: (error: unknown) => void;
}

const encoder = new TextEncoder();

// One event goes to every stream of a process as the same object: its text is made once, not
// once per subscriber (1,000 streams would stringify and scrub it 1,000 times).
const formatted = new WeakMap<StreamEvent, { secrets: readonly string[]; text: string }>();

export function formatEvent(event: StreamEvent, secrets: readonly string[]): string {
  const known = formatted.get(event);
  if (known?.secrets === secrets) return known.text;
  const text = writeEvent(event, secrets);
  formatted.set(event, { secrets, text });
  return text;
}

function writeEvent(event: StreamEvent, secrets: readonly string[]): string {
  // JSON.stringify never emits raw newlines, so one data line carries the whole video.
  const id = event.id.replace(/[\r\n]/g, "");
  const [type, data] = "video" in event ? ["video", event.video] : ["live_input", event.liveInput];
  return `id: ${id}\nevent: ${type}\ndata: ${scrub(JSON.stringify(data), secrets)}\n\n`;
}

export function sseResponse(config: SseConfig): Response {
  let cleanup: () => void = () => undefined;
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      let closed = false;
      let unsubscribe: Unsubscribe | undefined;
      const send = (text: string) => {
        if (closed) return;
        try {
          controller.enqueue(encoder.encode(text));
        } catch {
          cleanup();
        }
      };
      const heartbeat = setInterval(() => send(": heartbeat\n\n"), config.heartbeatMs);
      cleanup = () => {
        if (closed) return;
        closed = true;
        clearInterval(heartbeat);
        config.signal.removeEventListener("abort", onAbort);
        unsubscribe?.();
        try {
          controller.close();
        } catch {
          // already closed or cancelled
        }
      };
      const onAbort = () => cleanup();
      config.signal.addEventListener("abort", onAbort, { once: true });

      // `: connected` waits for the bus: once a client reads it, nothing published is missed.
      send(`retry: ${config.retryMs}\n\n`);
      const mine = (event: StreamEvent) =>
        config.creator === undefined || eventCreator(event) === config.creator;
      // Until the replay is written, live events wait here (null once it is).
      let held: StreamEvent[] | null = config.lastEventId && config.bus.replay ? [] : null;
      const listener = (event: StreamEvent) => {
        if (!mine(event)) return;
        if (held) held.push(event);
        else send(formatEvent(event, config.secrets));
      };
      const replay = async (afterId: string) => {
        const missed = await config.bus.replay?.(afterId);
        if (closed) return;
        if (!missed) send(": replay unavailable\n\n");
        const sent = new Set<string>();
        for (const event of missed ?? []) {
          if (!mine(event) || sent.has(event.id)) continue;
          sent.add(event.id);
          send(formatEvent(event, config.secrets));
        }
        const waiting = held ?? [];
        held = null;
        for (const event of waiting) {
          if (!sent.has(event.id)) send(formatEvent(event, config.secrets));
        }
      };
      Promise.resolve()
        .then(() =>
          // A subscription that drops ends the stream: the browser reconnects and replays.
          config.bus.subscribe(listener, (error) => {
            config.onError(error);
            cleanup();
          }),
        )
        .then(
          async (off) => {
            // The client may have left while an async bus was subscribing.
            if (closed) return off();
            unsubscribe = off;
            send(": connected\n\n");
            if (held && config.lastEventId) await replay(config.lastEventId);
          },
          (error: unknown) => {
            config.onError(error);
            cleanup();
          },
        )
        .catch((error: unknown) => {
          // A replay that failed: report it, then go on live with what was held.
          config.onError(error);
          const waiting = held ?? [];
          held = null;
          for (const event of waiting) send(formatEvent(event, config.secrets));
        });
      if (config.signal.aborted) cleanup();
    },
    cancel() {
      cleanup();
    },
  });
  return new Response(stream, {
    status: 200,
    headers: {
      "content-type": "text/event-stream; charset=utf-8",
      "cache-control": "no-store, no-transform",
      "x-accel-buffering": "no",
      "x-content-type-options": "nosniff",
    },
  });
}
