import type {
  ClientWebSocketLike,
  DurableObjectNamespaceLike,
  DurableObjectStateLike,
} from "@streamkit/proxy/durable-object";

/**
 * Type-checked with the Workers' own types (`tsc -p examples/worker`), never run: the runtime's
 * objects fit the proxy's structural types as they are, so apps with
 * `@cloudflare/workers-types` pass them without a cast.
 */
export const namespaceFits = (namespace: DurableObjectNamespace): DurableObjectNamespaceLike =>
  namespace;
export const stateFits = (state: DurableObjectState): DurableObjectStateLike => state;
export const socketFits = (socket: WebSocket): ClientWebSocketLike => socket;
