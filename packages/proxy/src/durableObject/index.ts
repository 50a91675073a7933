// `@streamkit/proxy/durable-object`: live updates shared by every isolate of a Workers
// deployment, through one Durable Object. No Node built-ins and no `cloudflare:*` imports; the
// runtime's types are structural, so `@cloudflare/workers-types` is optional.
export {
  createDurableObjectEventBus,
  DEFAULT_EVENTS_OBJECT_NAME,
  type DurableObjectEventBus,
  type DurableObjectEventBusOptions,
} from "./bus";
export { DurableObjectEventBusError } from "./errors";
export { StreamEventsObject } from "./object";
export type {
  ClientWebSocketLike,
  DurableObjectIdLike,
  DurableObjectNamespaceLike,
  DurableObjectStateLike,
  DurableObjectStorageLike,
  DurableObjectStubLike,
  ServerWebSocketLike,
  StubRequestInit,
  StubResponse,
} from "./types";
