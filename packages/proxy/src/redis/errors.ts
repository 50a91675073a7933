/** Why the Redis bus could not do what it was asked: `cause` holds the client's error. */
export class RedisEventBusError extends Error {
  override name = "RedisEventBusError";
  constructor(
    readonly operation: "publish" | "subscribe" | "replay" | "message",
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
