import { parseStreamEvent, stringifyStreamEvent } from "../eventJson";
import { eventsAfter, type StreamEvent } from "../events";
import type { DurableObjectStorageLike } from "./types";

/**
 * The object's replay buffer: the last `limit` events, in memory for quick replays and in
 * `ctx.storage` so that they survive the object being evicted (a hibernated object keeps its
 * WebSockets but loses its memory) or restarted by a deploy.
 *
 * Each event is its own key, `event:<sequence>`: one value per event stays far below the storage
 * backends' per-value limit, and the zero-padded sequence makes `list()` (which sorts by key)
 * return them in publish order.
 */

const PREFIX = "event:";
/** Under the key-value backend's 128 KiB per value, with room for its own framing. */
const MAX_STORED_BYTES = 120 * 1024;
const encoder = new TextEncoder();

interface Entry {
  key: string;
  event: StreamEvent;
}

export class EventLog {
  #recent: Entry[] = [];
  #next = 0;

  constructor(
    private readonly storage: DurableObjectStorageLike,
    private readonly limit: number,
  ) {}

  /** Reads what an earlier instance of the object stored; run before any request is served. */
  async load(): Promise<void> {
    const stored = await this.storage.list({ prefix: PREFIX });
    const entries: Entry[] = [];
    const unreadable: string[] = [];
    for (const [key, value] of stored) {
      const event = typeof value === "string" ? parseStreamEvent(value) : undefined;
      if (event) entries.push({ key, event });
      else unreadable.push(key);
      this.#next = Math.max(this.#next, sequenceOf(key) + 1);
    }
    // More than the limit when it was lowered since they were stored.
    const excess = Math.max(0, entries.length - this.limit);
    const stale = entries.splice(0, excess).map((entry) => entry.key);
    this.#recent = entries;
    if (stale.length + unreadable.length > 0) await this.storage.delete([...stale, ...unreadable]);
  }

  /**
   * Keeps `event` for replays. It is stored before it counts as kept: when storage fails, the
   * publish fails (and Stream retries the webhook) rather than a replay missing it later.
   */
  async append(event: StreamEvent): Promise<void> {
    if (this.limit === 0) return;
    const key = `${PREFIX}${String(this.#next++).padStart(16, "0")}`;
    const text = stringifyStreamEvent(event);
    // An event too large for one value (a video JSON is a few KB; webhooks may be up to 1 MB) is
    // replayed from memory only, rather than refused: refusing would lose it for everyone.
    if (encoder.encode(text).byteLength <= MAX_STORED_BYTES) await this.storage.put(key, text);
    this.#recent.push({ key, event });
    const excess = this.#recent.length - this.limit;
    if (excess > 0) {
      await this.storage.delete(this.#recent.splice(0, excess).map((entry) => entry.key));
    }
  }

  /** `EventBus.replay`: what came after `afterId`, or `undefined` when it is no longer kept. */
  after(afterId: string): StreamEvent[] | undefined {
    return eventsAfter(
      this.#recent.map((entry) => entry.event),
      afterId,
    );
  }

  get size(): number {
    return this.#recent.length;
  }
}

function sequenceOf(key: string): number {
  const sequence = Number(key.slice(PREFIX.length));
  return Number.isSafeInteger(sequence) && sequence >= 0 ? sequence : -1;
}
