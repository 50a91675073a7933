/**
 * Checks fault configurations from untrusted places (the `--faults` flag, the `faults` option, a
 * PUT on the admin endpoint), naming the exact field that is wrong, so a typo in a test's rules
 * fails loudly instead of silently never firing.
 */
import { FAULT_TYPES, type FaultConfig, type FaultRule, type FaultType } from "./types";

export class FaultConfigError extends TypeError {
  override name = "FaultConfigError";
}

const fail = (where: string, message: string): never => {
  throw new FaultConfigError(`faults${where}: ${message}`);
};

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function count(value: unknown, where: string): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== "number" || !Number.isInteger(value) || value < 0)
    fail(where, `expected a whole number ≥ 0, got ${JSON.stringify(value)}`);
  return value as number;
}

function between(value: unknown, where: string, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== "number" || !Number.isFinite(value) || value < min || value > max)
    fail(where, `expected a number ${min}..${max}, got ${JSON.stringify(value)}`);
  return value as number;
}

function retryAfter(value: unknown, where: string): number | string | undefined {
  if (value === undefined || typeof value === "string") return value;
  return count(value, where);
}

const KNOWN: Record<FaultType, string[]> = {
  latency: ["ms"],
  error: ["status", "code", "message", "retryAfter"],
  "rate-limit": ["retryAfter"],
  reset: ["stage", "afterBytes"],
  malformed: ["keepBytes"],
  html: ["status"],
  "truncate-upload": ["keepBytes", "keepFraction", "outcome", "status"],
};
const SCOPE_KEYS = ["type", "name", "method", "path", "rate", "skip", "times"];

function parseRule(value: unknown, where: string): FaultRule {
  if (!isObject(value)) return fail(where, "expected an object");
  const type = value.type as FaultType;
  if (!FAULT_TYPES.includes(type))
    fail(`${where}.type`, `expected one of ${FAULT_TYPES.join(", ")}, got ${JSON.stringify(type)}`);
  for (const key of Object.keys(value)) {
    if (!SCOPE_KEYS.includes(key) && !KNOWN[type].includes(key))
      fail(`${where}.${key}`, `unknown for a ${type} fault`);
  }
  if (value.name !== undefined && typeof value.name !== "string")
    fail(`${where}.name`, "expected a string");
  const methods = value.method === undefined ? [] : [value.method].flat();
  if (!methods.every((m) => typeof m === "string" && /^[A-Za-z]+$/.test(m)))
    fail(`${where}.method`, "expected a method name or a list of them");
  if (value.path !== undefined && (typeof value.path !== "string" || !value.path.startsWith("/")))
    fail(`${where}.path`, "expected a path glob starting with /");
  between(value.rate, `${where}.rate`, 0, 1);
  count(value.skip, `${where}.skip`);
  count(value.times, `${where}.times`);
  switch (type) {
    case "latency": {
      const ms = value.ms;
      const range = Array.isArray(ms) ? ms : [ms, ms];
      if (
        range.length !== 2 ||
        !range.every((n) => typeof n === "number" && Number.isFinite(n) && n >= 0) ||
        (range[0] as number) > (range[1] as number)
      )
        fail(`${where}.ms`, "expected milliseconds ≥ 0, or [min, max]");
      break;
    }
    case "error":
      between(value.status, `${where}.status`, 500, 599);
      count(value.code, `${where}.code`);
      if (value.message !== undefined && typeof value.message !== "string")
        fail(`${where}.message`, "expected a string");
      retryAfter(value.retryAfter, `${where}.retryAfter`);
      break;
    case "rate-limit":
      retryAfter(value.retryAfter, `${where}.retryAfter`);
      break;
    case "reset":
      if (value.stage !== undefined && value.stage !== "before" && value.stage !== "after")
        fail(`${where}.stage`, 'expected "before" or "after"');
      count(value.afterBytes, `${where}.afterBytes`);
      break;
    case "malformed":
      count(value.keepBytes, `${where}.keepBytes`);
      break;
    case "html":
      between(value.status, `${where}.status`, 200, 599);
      break;
    case "truncate-upload":
      count(value.keepBytes, `${where}.keepBytes`);
      between(value.keepFraction, `${where}.keepFraction`, 0, 1);
      if (
        value.outcome !== undefined &&
        value.outcome !== "error" &&
        value.outcome !== "short-offset" &&
        value.outcome !== "reset"
      )
        fail(`${where}.outcome`, 'expected "error", "short-offset" or "reset"');
      between(value.status, `${where}.status`, 400, 599);
      break;
  }
  return { ...value } as unknown as FaultRule;
}

/** Checks a fault configuration (an object with `rules`, or just the list of rules). */
export function parseFaultConfig(value: unknown): FaultConfig {
  const config = Array.isArray(value) ? { rules: value } : value;
  if (!isObject(config)) return fail("", "expected { seed?, rules: [...] } or a list of rules");
  for (const key of Object.keys(config)) {
    if (key !== "seed" && key !== "rules") fail(`.${key}`, "unknown (expected seed and rules)");
  }
  if (
    config.seed !== undefined &&
    (typeof config.seed !== "number" || !Number.isInteger(config.seed))
  )
    fail(".seed", "expected a whole number");
  if (!Array.isArray(config.rules)) return fail(".rules", "expected a list of rules");
  return {
    ...(config.seed === undefined ? {} : { seed: config.seed as number }),
    rules: config.rules.map((rule, i) => parseRule(rule, `.rules[${i}]`)),
  };
}
