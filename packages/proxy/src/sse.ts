import { type EventBus, eventCreator, type StreamEvent, type Unsubscribe } from "./events";
import { scrub } from "./headers";

/**
 * `GET {basePath}/events`: a server-sent-events stream of verified webhook videos and live
 * input notifications. Each event is `id:` + `event: video` + `data: <video json>`, or
 * `event: live_input` + `data: <LiveInputEvent json>`; comments keep idle connections
 * open through proxies; everything is released when the client goes away (request abort or
 * stream cancel), whichever the runtime reports.
 */

export interface SseConfig {
  bus: EventBus;
  /** Only this creator's videos and live inputs are sent; `undefined` sends all. */
  creator: string | undefined;
  heartbeatMs: number;
  retryMs: number;
  secrets: readonly string[];
  signal: AbortSignal;
  onError: (error: unknown) => void;
}

const encoder = new TextEncoder();

export function formatEvent(event: StreamEvent, secrets: readonly string[]): string {
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

      send(`retry: ${config.retryMs}\n: connected\n\n`);
      const listener = (event: StreamEvent) => {
        if (config.creator !== undefined && eventCreator(event) !== config.creator) return;
        send(formatEvent(event, config.secrets));
      };
      Promise.resolve()
        .then(() => config.bus.subscribe(listener))
        .then(
          (off) => {
            // The client may have left while an async bus was subscribing.
            if (closed) off();
            else unsubscribe = off;
          },
          (error: unknown) => {
            config.onError(error);
            cleanup();
          },
        );
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
