/**
 * Fault injection: the emulator misbehaves on purpose, the way networks, gateways and a loaded
 * Stream API do, so that clients can be tested against it. Rules are matched per request (method
 * and path), fire at a rate drawn from a seeded generator or for the next N matching requests,
 * and every injection is counted. `/__emulator/*` is never touched.
 *
 * The rules' shapes and the state the admin endpoint answers; nothing here runs.
 */

export const FAULT_TYPES = [
  "latency",
  "error",
  "rate-limit",
  "reset",
  "malformed",
  "html",
  "truncate-upload",
] as const;
export type FaultType = (typeof FAULT_TYPES)[number];

/** Which requests a rule applies to, and how often it fires. */
export interface FaultScope {
  /** Shown in the counts; defaults to `#<index> <type>`. */
  name?: string;
  /** `GET`, `["PATCH", "HEAD"]`…; any method when absent. */
  method?: string | string[];
  /**
   * A path glob: `*` is one path segment, `**` anything (`/tus/**` is a prefix). Patterns starting
   * with `/stream` match API paths without their `/client/v4/accounts/{account_id}` prefix, so
   * `/stream` is the list and `/stream/*` one video; others match the full path (`/tus/*`,
   * `/upload/*`). Any path when absent. The query string is ignored.
   */
  path?: string;
  /** Chance (0..1) that a matching request is hit, from the seeded generator. Defaults to 1. */
  rate?: number;
  /** Let this many matching requests through first. */
  skip?: number;
  /** Hit at most this many requests, then the rule is spent. Unlimited when absent. */
  times?: number;
}

/** Wait before handling (the request then goes on, or meets another fault). Rules add up. */
export interface LatencyFault {
  type: "latency";
  /** Milliseconds, or `[min, max]` drawn from the seeded generator. */
  ms: number | [number, number];
}

/** A Cloudflare failure envelope with a 5xx status, without running the handler. */
export interface ErrorFault {
  type: "error";
  /** 500..599; defaults to 500. */
  status?: number;
  /** `errors[0].code`; defaults to 10002, the emulator's internal-error code. */
  code?: number;
  message?: string;
  /** Adds `retry-after` (seconds, or a string sent as is, e.g. an HTTP date). */
  retryAfter?: number | string;
}

/** 429 with `retry-after`, without running the handler. */
export interface RateLimitFault {
  type: "rate-limit";
  /** Seconds (default 1), or a string sent as is. */
  retryAfter?: number | string;
}

/**
 * The connection is closed mid-answer. `after` (default): the handler runs (its effects happen),
 * the status line, headers and `afterBytes` of the body (default half; at least 1, never all)
 * are written with the full Content-Length, then the socket is destroyed. An empty body: the
 * socket is destroyed before anything is written. `before`: the socket is destroyed without
 * running the handler and without an answer.
 */
export interface ResetFault {
  type: "reset";
  stage?: "before" | "after";
  afterBytes?: number;
}

/** The handler's answer with its body cut short (truncated JSON), status and headers kept. */
export interface MalformedFault {
  type: "malformed";
  /** Bytes of the body kept; defaults to half (at least 1, never all). Empty bodies are kept. */
  keepBytes?: number;
}

/** An HTML error page as a gateway sends it (`text/html`), without running the handler. */
export interface HtmlFault {
  type: "html";
  /** Defaults to 502. 200 imitates a captive portal. */
  status?: number;
}

/**
 * Only part of an upload body is taken. On a tus PATCH the kept bytes are stored and the offset
 * moves to them; then, by `outcome`, `error` answers `status` (HEAD reports the shorter offset),
 * `short-offset` answers 204 with the shorter `Upload-Offset`, `reset` destroys the connection.
 * On any other request with a body (basic and direct uploads) nothing is stored; `error` answers
 * `status` after reading the rest, `reset` destroys the connection. Requests without a body
 * never match.
 */
export interface TruncateUploadFault {
  type: "truncate-upload";
  /** Bytes of the body taken; wins over `keepFraction`. Always less than the body. */
  keepBytes?: number;
  /** Fraction (0..1) of the declared Content-Length taken; defaults to 0.5. */
  keepFraction?: number;
  /** What follows the kept bytes; defaults to `error`. */
  outcome?: "error" | "short-offset" | "reset";
  /** For `outcome: "error"`; defaults to 500. */
  status?: number;
}

export type Fault =
  | LatencyFault
  | ErrorFault
  | RateLimitFault
  | ResetFault
  | MalformedFault
  | HtmlFault
  | TruncateUploadFault;

export type FaultRule = FaultScope & Fault;

export interface FaultConfig {
  /** Seed of the generator behind `rate` and latency ranges; random (and reported) when absent. */
  seed?: number;
  rules: FaultRule[];
}

export interface FaultRuleState {
  name: string;
  rule: FaultRule;
  /** Requests in the rule's scope (method and path), hit or not. */
  matched: number;
  /** Requests the rule hit. */
  injected: number;
}

export interface FaultLogEntry {
  /** `Date.now()` when the request arrived. */
  at: number;
  method: string;
  path: string;
  /** Faults applied to it, in order (latency first). */
  faults: FaultType[];
}

/** What `GET /__emulator/faults` answers. */
export interface FaultState {
  seed: number;
  /**
   * Requests seen since the rules were last set or cleared, with or without rules (the admin
   * endpoint and CORS preflights excluded).
   */
  requests: number;
  /** Injections per type, and `total`. */
  injected: Record<FaultType | "total", number>;
  rules: FaultRuleState[];
  /** The last 200 requests seen, oldest first. */
  recent: FaultLogEntry[];
}

/** The admin endpoint's path. */
export const FAULTS_PATH = "/__emulator/faults";
/** Everything under it is the emulator's own: never faulted, never counted. */
export const ADMIN_PREFIX = "/__emulator/";
