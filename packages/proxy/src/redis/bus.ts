import type { Redis } from "ioredis";
import { parseStreamEvent, stringifyStreamEvent } from "../eventJson";
import {
  DEFAULT_REPLAY_LIMIT,
  type EventBus,
  eventsAfter,
  type StreamEvent,
  type Unsubscribe,
} from "../events";
import { RedisEventBusError } from "./errors";

export const DEFAULT_REDIS_CHANNEL = "streamkit:events";

export interface RedisEventBusOptions {
  /**
   * The app's ioredis client. Commands (PUBLISH, the replay list) go over it; the bus subscribes
   * on a `duplicate()` of it, because a subscribed Redis connection can send nothing else. Its
   * `maxRetriesPerRequest` bounds how long a publish waits while Redis is away.
   */
  redis: Redis;
  /** The pub/sub channel every instance shares; the replay list is `<channel>:recent`. */
  channel?: string;
  /** How many recent events Redis keeps for reconnecting browsers (default 100; 0 keeps none). */
  replayLimit?: number;
  /** Connection trouble and foreign messages on the channel; defaults to `console.error`. */
  onError?: (error: RedisEventBusError) => void;
}

export interface RedisEventBus extends EventBus {
  /** Closes the bus's subscriber connection; the app's own client stays open. */
  close(): Promise<void>;
}

/**
 * An `EventBus` on Redis pub/sub, so a webhook received by any instance reaches the `/events`
 * subscribers of every instance. Each published event is also pushed, in the same transaction,
 * onto a capped list that `replay` reads for browsers reconnecting with `Last-Event-ID`, and
 * that the bus itself reads after its own subscriber connection comes back, so that events
 * published while it was away still reach the streams it holds.
 */
export function createRedisEventBus(options: RedisEventBusOptions): RedisEventBus {
  const { redis } = options;
  const channel = options.channel ?? DEFAULT_REDIS_CHANNEL;
  const recentKey = `${channel}:recent`;
  const replayLimit = Math.max(0, Math.floor(options.replayLimit ?? DEFAULT_REPLAY_LIMIT));
  const report = options.onError ?? ((error: RedisEventBusError) => console.error(error));

  const listeners = new Set<(event: StreamEvent) => void>();
  // Ids already handed to listeners: the catch-up after a reconnect overlaps live messages.
  const delivered = new Set<string>();
  const rememberLimit = Math.max(replayLimit, 100);
  let lastDelivered: string | undefined;
  let subscriber: Redis | undefined;
  let subscribed: Promise<void> | undefined;
  let closed = false;

  const deliver = (event: StreamEvent) => {
    if (delivered.has(event.id)) return;
    delivered.add(event.id);
    if (delivered.size > rememberLimit) delivered.delete(delivered.values().next().value ?? "");
    lastDelivered = event.id;
    // A failing listener must not keep the event from the others.
    for (const listener of [...listeners]) {
      try {
        listener(event);
      } catch {
        // ignored: the SSE writer cleans itself up on failure
      }
    }
  };

  const readRecent = async (): Promise<StreamEvent[]> => {
    let raw: string[];
    try {
      raw = await redis.lrange(recentKey, 0, replayLimit - 1);
    } catch (error) {
      throw new RedisEventBusError("replay", `Could not read ${recentKey}: ${messageOf(error)}`, {
        cause: error,
      });
    }
    // LPUSH keeps the newest first; replay wants the oldest first.
    return raw.reverse().flatMap((message) => parseStreamEvent(message) ?? []);
  };

  const catchUp = async () => {
    if (lastDelivered === undefined || replayLimit === 0) return;
    const missed = eventsAfter(await readRecent(), lastDelivered);
    if (missed === undefined) {
      report(
        new RedisEventBusError(
          "subscribe",
          `The subscriber was away longer than ${recentKey} reaches back; streams catch up by polling`,
        ),
      );
      return;
    }
    for (const event of missed) deliver(event);
  };

  const connect = (): Promise<void> => {
    if (subscribed) return subscribed;
    const connection = redis.duplicate();
    let lost = false;
    connection.on("message", (from: string, message: string) => {
      if (from !== channel) return;
      const event = parseStreamEvent(message);
      if (event) deliver(event);
      else
        report(
          new RedisEventBusError(
            "message",
            `Dropped a message on ${channel} that is not a streamkit event`,
          ),
        );
    });
    connection.on("error", (error: Error) => {
      report(
        new RedisEventBusError(
          "subscribe",
          `Subscriber connection: ${error.message} (it reconnects by itself)`,
          {
            cause: error,
          },
        ),
      );
    });
    connection.on("close", () => {
      lost = true;
    });
    connection.on("ready", () => {
      // ioredis resubscribes by itself on reconnect; what was published meanwhile is in the list.
      if (!lost) return;
      lost = false;
      catchUp().catch((error: unknown) => report(asBusError("replay", error)));
    });
    subscriber = connection;
    subscribed = connection.subscribe(channel).then(
      () => undefined,
      (error: unknown) => {
        subscribed = undefined;
        subscriber = undefined;
        connection.disconnect();
        throw new RedisEventBusError(
          "subscribe",
          `Could not subscribe to ${channel}: ${messageOf(error)}`,
          {
            cause: error,
          },
        );
      },
    );
    return subscribed;
  };

  return {
    async publish(event) {
      const message = stringifyStreamEvent(event);
      const transaction = redis.multi().publish(channel, message);
      if (replayLimit > 0) {
        transaction.lpush(recentKey, message).ltrim(recentKey, 0, replayLimit - 1);
      }
      let results: [Error | null, unknown][] | null;
      try {
        results = await transaction.exec();
      } catch (error) {
        throw new RedisEventBusError(
          "publish",
          `Could not publish ${event.id}: ${messageOf(error)}`,
          {
            cause: error,
          },
        );
      }
      const failure =
        results === null ? new Error("transaction aborted") : results.find(([e]) => e)?.[0];
      if (failure) {
        throw new RedisEventBusError(
          "publish",
          `Could not publish ${event.id}: ${failure.message}`,
          {
            cause: failure,
          },
        );
      }
    },

    async subscribe(listener): Promise<Unsubscribe> {
      if (closed) throw new RedisEventBusError("subscribe", "The Redis event bus is closed");
      const entry = (event: StreamEvent) => listener(event);
      listeners.add(entry);
      try {
        await connect();
      } catch (error) {
        listeners.delete(entry);
        throw error;
      }
      return () => {
        listeners.delete(entry);
      };
    },

    async replay(afterId) {
      if (replayLimit === 0) return undefined;
      return eventsAfter(await readRecent(), afterId);
    },

    async close() {
      closed = true;
      listeners.clear();
      const connection = subscriber;
      subscriber = undefined;
      subscribed = undefined;
      if (!connection) return;
      try {
        await connection.quit();
      } catch {
        connection.disconnect();
      }
    },
  };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function asBusError(
  operation: RedisEventBusError["operation"],
  error: unknown,
): RedisEventBusError {
  return error instanceof RedisEventBusError
    ? error
    : new RedisEventBusError(operation, messageOf(error), { cause: error });
}
