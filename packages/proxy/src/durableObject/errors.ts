/** Why the Durable Object bus could not do what it was asked: `cause` holds the runtime's error. */
export class DurableObjectEventBusError extends Error {
  override name = "DurableObjectEventBusError";
  /** The object's HTTP status when it answered with a refusal; `undefined` when it never answered. */
  readonly status: number | undefined;

  constructor(
    readonly operation: "publish" | "subscribe" | "replay" | "message",
    message: string,
    options?: { cause?: unknown; status?: number },
  ) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.status = options?.status;
  }
}

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
