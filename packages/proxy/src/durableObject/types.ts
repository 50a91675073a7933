/**
 * The few parts of the Workers runtime the bus and the object use, typed structurally so that an
 * app compiles without `@cloudflare/workers-types` (and one that has them passes its own
 * `DurableObjectNamespace` and `DurableObjectState` as they are).
 */

/** A Durable Object id (`namespace.idFromName(name)`); only ever handed back to `get`. */
export interface DurableObjectIdLike {
  toString(): string;
}

/** The namespace binding, `env.STREAM_EVENTS` (a `DurableObjectNamespace`). */
export interface DurableObjectNamespaceLike {
  idFromName(name: string): DurableObjectIdLike;
  get(id: DurableObjectIdLike): DurableObjectStubLike;
}

export interface DurableObjectStubLike {
  fetch(url: string, init?: StubRequestInit): Promise<StubResponse>;
}

export interface StubRequestInit {
  method?: string;
  headers?: Record<string, string>;
  body?: string;
}

/** What the stub answers: a `Response`, with `webSocket` set on a 101. */
export interface StubResponse {
  readonly status: number;
  readonly ok: boolean;
  readonly webSocket?: ClientWebSocketLike | null;
  text(): Promise<string>;
  json(): Promise<unknown>;
}

/** A WebSocket the object holds: it only ever sends and closes. */
export interface ServerWebSocketLike {
  send(message: string): void;
  close(code?: number, reason?: string): void;
}

/** The Worker's end of a subscription: accepted, then listened to. */
export interface ClientWebSocketLike extends ServerWebSocketLike {
  accept(): void;
  addEventListener(type: "message", listener: (event: { data: unknown }) => void): void;
  addEventListener(
    type: "close",
    listener: (event: { code: number; reason: string }) => void,
  ): void;
  addEventListener(type: "error", listener: (event: unknown) => void): void;
}

/** The object's storage (`ctx.storage`): the key-value API, on either storage backend. */
export interface DurableObjectStorageLike {
  list(options: { prefix: string }): Promise<Map<string, unknown>>;
  put(key: string, value: string): Promise<void>;
  delete(keys: string[]): Promise<number>;
}

/** The object's state (`ctx`), with the WebSocket Hibernation API. */
export interface DurableObjectStateLike {
  readonly storage: DurableObjectStorageLike;
  blockConcurrencyWhile<T>(callback: () => Promise<T>): Promise<T>;
  acceptWebSocket(socket: ServerWebSocketLike): void;
  getWebSockets(): ServerWebSocketLike[];
  setWebSocketAutoResponse?(pair: unknown): void;
}
