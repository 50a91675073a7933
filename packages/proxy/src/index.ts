export { ProxyError, ProxyErrorCode, refuse } from "./errors";
export {
  createMemoryEventBus,
  DEFAULT_REPLAY_LIMIT,
  type EventBus,
  eventCreator,
  eventsAfter,
  type LiveInputStreamEvent,
  type MemoryEventBus,
  type MemoryEventBusOptions,
  type StreamEvent,
  type Unsubscribe,
  type VideoEvent,
} from "./events";
export {
  EXPOSED_RESPONSE_HEADERS,
  FORWARDED_REQUEST_HEADERS,
  PASSED_RESPONSE_HEADERS,
} from "./headers";
export type {
  AuthorizeResult,
  CorsOptions,
  ProxyLimits,
  SigningKeyOption,
  SseOptions,
  StreamProxyOptions,
} from "./options";
export { DEFAULT_LIMITS } from "./options";
export { createStreamProxy, type FetchHandler, type StreamProxy } from "./proxy";
export {
  DEFAULT_ADMIN_ONLY,
  OPERATIONS,
  type OperationName,
  type OperationPattern,
} from "./routes";
export {
  importSigningKey,
  type SignStreamTokenOptions,
  type StreamSigningKey,
  signStreamToken,
} from "./signing";
export { type AccessRule, MAX_TOKEN_TTL_SECONDS, type StreamTokenClaims } from "./tokenClaims";
