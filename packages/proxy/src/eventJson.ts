import type { StreamEvent } from "./events";

// The one JSON form of a `StreamEvent` that shared buses carry between instances (Redis
// messages, Durable Object frames). What arrives from outside the process is checked here, so
// a foreign or truncated message never reaches a browser's stream.

/** Longest event id accepted: ids are ours (`<time>-<uid>`), so anything longer is not one. */
const MAX_ID_LENGTH = 256;

export function stringifyStreamEvent(event: StreamEvent): string {
  return JSON.stringify(event);
}

/** The event in `value`, or `undefined` when it is not one of ours. */
export function asStreamEvent(value: unknown): StreamEvent | undefined {
  if (!isObject(value) || typeof value.id !== "string") return undefined;
  if (value.id === "" || value.id.length > MAX_ID_LENGTH) return undefined;
  const shaped =
    (isObject(value.video) && typeof value.video.uid === "string") ||
    (isObject(value.liveInput) && (typeof value.creator === "string" || value.creator === null));
  return shaped ? (value as unknown as StreamEvent) : undefined;
}

export function parseStreamEvent(text: string): StreamEvent | undefined {
  try {
    return asStreamEvent(JSON.parse(text));
  } catch {
    return undefined;
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
