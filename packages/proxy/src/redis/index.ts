// `@streamkit/proxy/redis`: live updates across instances on Redis pub/sub (ioredis, an
// optional peer dependency: install it to use this entry).
export {
  createRedisEventBus,
  DEFAULT_REDIS_CHANNEL,
  type RedisEventBus,
  type RedisEventBusOptions,
} from "./bus";
export { RedisEventBusError } from "./errors";
