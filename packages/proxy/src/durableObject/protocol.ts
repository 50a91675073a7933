/**
 * How the bus talks to its object: plain HTTP on the stub (no RPC, so the object needs neither a
 * `cloudflare:workers` import nor a compatibility date that has it). The stub ignores the host;
 * a fixed one makes logs readable.
 */
export const OBJECT_URL = "https://streamkit-events.internal";

export const ROUTES = {
  /** `POST`, body: the event's JSON. 204 once it is stored and sent to every subscriber. */
  publish: "/publish",
  /** `GET` with `Upgrade: websocket`: a subscription; each text frame is one event's JSON. */
  subscribe: "/subscribe",
  /** `GET ?after=<id>`: `{ events: StreamEvent[] | null }`, as `EventBus.replay`. */
  replay: "/replay",
} as const;

/**
 * Liveness frames. The object answers `ping` with `pong` through the runtime's auto-response,
 * which does not wake a hibernated object, so an idle subscription costs it nothing.
 */
export const PING = "ping";
export const PONG = "pong";

/** The start of a refusal's body, for an error message. */
export async function bodyOf(response: { text(): Promise<string> }): Promise<string> {
  try {
    return (await response.text()).slice(0, 200);
  } catch {
    return "";
  }
}
