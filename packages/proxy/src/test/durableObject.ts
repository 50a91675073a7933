import type {
  ClientWebSocketLike,
  DurableObjectNamespaceLike,
  DurableObjectStateLike,
  DurableObjectStorageLike,
  ServerWebSocketLike,
  StubRequestInit,
  StubResponse,
} from "../durableObject/types";
import type { VideoEvent } from "../events";

/** Node stand-ins for the Workers runtime parts the Durable Object bus uses. */

export function videoEvent(uid: string, creator = "alice", time = 1_800_000_000): VideoEvent {
  return { id: `${time}-${uid}`, video: { uid, creator } as VideoEvent["video"] };
}

/** `ctx.storage`'s key-value API over a Map, sorted by key as the real one lists. */
export class MemoryStorage implements DurableObjectStorageLike {
  readonly data = new Map<string, unknown>();
  failPuts = false;

  async list({ prefix }: { prefix: string }): Promise<Map<string, unknown>> {
    const keys = [...this.data.keys()].filter((key) => key.startsWith(prefix)).sort();
    return new Map(keys.map((key) => [key, this.data.get(key)]));
  }
  async put(key: string, value: string): Promise<void> {
    if (this.failPuts) throw new Error("storage is unavailable");
    this.data.set(key, value);
  }
  async delete(keys: string[]): Promise<number> {
    return keys.filter((key) => this.data.delete(key)).length;
  }
}

export class FakeServerSocket implements ServerWebSocketLike {
  readonly sent: string[] = [];
  send(message: string): void {
    this.sent.push(message);
  }
  close(): void {}
}

export function fakeState(storage = new MemoryStorage()) {
  const sockets: ServerWebSocketLike[] = [];
  let loading: Promise<unknown> = Promise.resolve();
  const state: DurableObjectStateLike = {
    storage,
    blockConcurrencyWhile<T>(callback: () => Promise<T>): Promise<T> {
      const result = callback();
      loading = result;
      return result;
    },
    acceptWebSocket: (socket) => sockets.push(socket),
    getWebSockets: () => [...sockets],
  };
  return { state, storage, sockets, loaded: () => loading };
}

type Listener = (event: never) => void;

/** The Worker's end of a subscription: the test plays the object's side through it. */
export class FakeClientSocket implements ClientWebSocketLike {
  readonly sent: string[] = [];
  accepted = false;
  closedWith: [number | undefined, string | undefined] | undefined;
  /** Answer pings as the runtime's auto-response would. */
  autoPong = true;
  readonly #listeners = new Map<string, Listener[]>();

  accept(): void {
    this.accepted = true;
  }
  send(message: string): void {
    this.sent.push(message);
    if (message === "ping" && this.autoPong)
      queueMicrotask(() => this.emit("message", { data: "pong" }));
  }
  close(code?: number, reason?: string): void {
    this.closedWith = [code, reason];
  }
  addEventListener(type: string, listener: Listener): void {
    this.#listeners.set(type, [...(this.#listeners.get(type) ?? []), listener]);
  }
  emit(type: "message", event: { data: unknown }): void;
  emit(type: "close", event: { code: number; reason: string }): void;
  emit(type: "error", event: unknown): void;
  emit(type: string, event: unknown): void {
    for (const listener of this.#listeners.get(type) ?? [])
      (listener as (e: unknown) => void)(event);
  }
}

export interface StubCall {
  url: string;
  init: StubRequestInit | undefined;
}

/** A namespace whose one stub answers with `answer`; every call is recorded. */
export function fakeNamespace(
  answer: (url: string, init?: StubRequestInit) => Promise<StubResponse>,
) {
  const calls: StubCall[] = [];
  const names: string[] = [];
  const namespace: DurableObjectNamespaceLike = {
    idFromName: (name) => {
      names.push(name);
      return { toString: () => `id:${name}` };
    },
    get: () => ({
      fetch: (url, init) => {
        calls.push({ url, init });
        return answer(url, init);
      },
    }),
  };
  return { namespace, calls, names };
}

/** Routes the stub to a real StreamEventsObject's fetch (Node's Request/Response on both ends). */
export function toObject(object: { fetch(request: Request): Promise<Response> }) {
  return (url: string, init?: StubRequestInit): Promise<StubResponse> =>
    object.fetch(new Request(url, init));
}

export function upgraded(socket: FakeClientSocket, status = 101): StubResponse {
  return {
    status,
    ok: false,
    webSocket: socket,
    text: async () => "",
    json: async () => null,
  };
}
