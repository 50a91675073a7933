/**
 * Fault injection (`faults` option, `--faults`, `/__emulator/faults`). Modules: `types` (rule and
 * state shapes), `validate` (config checks), `match` (method + path glob), `random` (seeded
 * generator), `controller` (rules, counts), `middleware` (applies a decision), `connection` and
 * `answers` (what an injected fault sends), `upload` (truncated bodies), `admin` (the endpoint).
 */
export { registerFaultRoutes } from "./admin";
export { RATE_LIMITED_CODE } from "./answers";
export { dropConnection } from "./connection";
export { FaultController, type FaultDecision } from "./controller";
export { type FaultEnv, type FaultVariables, faultInjection } from "./middleware";
export * from "./types";
export { declaredLength, keptBytes } from "./upload";
export { FaultConfigError, parseFaultConfig } from "./validate";
