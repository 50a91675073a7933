import type { IncomingMessage, ServerResponse } from "node:http";
import { RESPONSE_ALREADY_SENT } from "@hono/node-server/utils/response";
import type { Context, Hono, MiddlewareHandler } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { EmulatorContext } from "./context";
import { ApiError, badRequest, ErrorCode, failure, ok } from "./envelope";
import { checkApiAuth } from "./http/auth";

/**
 * Fault injection: the emulator misbehaves on purpose, the way networks, gateways and a loaded
 * Stream API do, so that clients can be tested against it. Rules are matched per request (method
 * and path), fire at a rate drawn from a seeded generator or for the next N matching requests,
 * and every injection is counted. `/__emulator/*` is never touched.
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
const ADMIN_PREFIX = "/__emulator/";
const RECENT = 200;
const API_PREFIX = /^\/client\/v4\/accounts\/[^/]+(?=\/stream(\/|$))/;

/** Cloudflare's API-wide "Please wait and consider throttling your request speed" (obs). */
export const RATE_LIMITED_CODE = 971;

/* --------------------------------- validation --------------------------------- */

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

/* ---------------------------------- matching ---------------------------------- */

function globToRegExp(glob: string): RegExp {
  let source = "";
  for (let i = 0; i < glob.length; i++) {
    const char = glob[i] as string;
    if (char === "*" && glob[i + 1] === "*") {
      source += ".*";
      i += 1;
    } else if (char === "*") source += "[^/]*";
    else source += char.replace(/[.+?^${}()|[\]\\]/g, "\\$&");
  }
  return new RegExp(`^${source}$`);
}

interface CompiledRule {
  state: FaultRuleState;
  methods: Set<string> | undefined;
  path: RegExp | undefined;
  apiRelative: boolean;
}

/** mulberry32: small, fast, and the same sequence for the same seed everywhere. */
function generator(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface FaultDecision {
  latencyMs: number;
  /** The first non-latency rule that fired, if any. */
  fault: Exclude<Fault, LatencyFault> | undefined;
  /** Takes the fault back when it turned out not to apply (a `malformed` on an empty body). */
  undo(): void;
}

/** Holds the rules and the counts; one per emulator. */
export class FaultController {
  #rules: CompiledRule[] = [];
  #seed = 0;
  #random: () => number = Math.random;
  #requests = 0;
  #injected = FaultController.#zero();
  #recent: FaultLogEntry[] = [];

  constructor(
    config: FaultConfig | undefined,
    private readonly log: (line: string) => void = () => {},
  ) {
    this.set(config ?? { rules: [] }, true);
  }

  static #zero(): Record<FaultType | "total", number> {
    return Object.fromEntries([...FAULT_TYPES, "total"].map((t) => [t, 0])) as Record<
      FaultType | "total",
      number
    >;
  }

  /** Replaces the rules (checked first) and starts the counts and the generator afresh. */
  set(config: unknown, quiet = false): FaultState {
    const parsed = parseFaultConfig(config);
    this.#seed = parsed.seed ?? Math.floor(Math.random() * 2 ** 31);
    this.#random = generator(this.#seed);
    this.#rules = parsed.rules.map((rule, index) => {
      const methods =
        rule.method === undefined
          ? undefined
          : new Set([rule.method].flat().map((m) => m.toUpperCase()));
      return {
        state: { name: rule.name ?? `#${index} ${rule.type}`, rule, matched: 0, injected: 0 },
        methods,
        path: rule.path === undefined ? undefined : globToRegExp(rule.path),
        apiRelative: rule.path?.startsWith("/stream") ?? false,
      };
    });
    this.#requests = 0;
    this.#injected = FaultController.#zero();
    this.#recent = [];
    if (!quiet || parsed.rules.length > 0) {
      this.log(
        parsed.rules.length === 0
          ? "fault injection off"
          : `fault injection on: ${parsed.rules.length} rule(s), seed ${this.#seed} (GET ${FAULTS_PATH} for counts)`,
      );
    }
    return this.state();
  }

  /** Removes every rule; returns the state as it was just before. */
  clear(): FaultState {
    const before = this.state();
    this.set({ rules: [] }, before.rules.length === 0);
    return before;
  }

  state(): FaultState {
    return {
      seed: this.#seed,
      requests: this.#requests,
      injected: { ...this.#injected },
      rules: this.#rules.map((r) => ({ ...r.state, rule: { ...r.state.rule } })),
      recent: this.#recent.map((entry) => ({ ...entry, faults: [...entry.faults] })),
    };
  }

  /** Decides what happens to one request, and counts it. */
  decide(method: string, path: string, hasBody: boolean): FaultDecision {
    this.#requests += 1;
    const entry: FaultLogEntry = { at: Date.now(), method, path, faults: [] };
    this.#recent.push(entry);
    if (this.#recent.length > RECENT) this.#recent.shift();
    const apiPath = path.replace(API_PREFIX, "");
    let latencyMs = 0;
    let fired: CompiledRule | undefined;
    for (const compiled of this.#rules) {
      const { state } = compiled;
      const rule = state.rule;
      if (compiled.methods && !compiled.methods.has(method.toUpperCase())) continue;
      if (compiled.path && !compiled.path.test(compiled.apiRelative ? apiPath : path)) continue;
      if (rule.type === "truncate-upload" && !hasBody) continue;
      state.matched += 1;
      if (rule.type !== "latency" && fired) continue;
      if (rule.skip !== undefined && state.matched <= rule.skip) continue;
      if (rule.times !== undefined && state.injected >= rule.times) continue;
      if (rule.rate !== undefined && rule.rate < 1 && !(this.#random() < rule.rate)) continue;
      state.injected += 1;
      this.#injected[rule.type] += 1;
      this.#injected.total += 1;
      entry.faults.push(rule.type);
      if (rule.type === "latency") {
        const [min, max] = Array.isArray(rule.ms) ? rule.ms : [rule.ms, rule.ms];
        latencyMs += Math.round(min + (max - min) * this.#random());
      } else fired = compiled;
    }
    const fault = fired?.state.rule as Exclude<Fault, LatencyFault> | undefined;
    return {
      latencyMs,
      fault,
      undo: () => {
        if (!fired || !fault) return;
        fired.state.injected -= 1;
        this.#injected[fault.type] -= 1;
        this.#injected.total -= 1;
        entry.faults.splice(entry.faults.lastIndexOf(fault.type), 1);
      },
    };
  }
}

/* ---------------------------------- applying ---------------------------------- */

interface NodeBindings {
  incoming?: IncomingMessage;
  outgoing?: ServerResponse;
}

/** Bytes kept of `total`: `wanted` (default half), at least 1 and never all of it. */
function cutPoint(total: number, wanted: number | undefined): number {
  return Math.max(1, Math.min(wanted ?? Math.floor(total / 2), total - 1));
}

/**
 * Destroys the connection of this request, now, without an answer. The returned Response tells
 * the Node adapter that nothing is left to write.
 */
export function dropConnection(c: Context): Response {
  const env = c.env as NodeBindings | undefined;
  if (env?.outgoing) {
    env.outgoing.destroy();
    return RESPONSE_ALREADY_SENT;
  }
  // Not on Node's http server (app.request in a test): a body that fails is the nearest thing.
  return new Response(
    new ReadableStream({
      start: (controller) => controller.error(new Error("connection dropped (fault injection)")),
    }),
  );
}

/** Writes the status, headers and `afterBytes` of the body, then destroys the socket. */
async function cutAnswer(c: Context, afterBytes: number | undefined): Promise<Response> {
  // HEAD answers never carry a body (Hono strips the GET handler's after this middleware).
  if (c.req.method === "HEAD") return dropConnection(c);
  const answer = c.res;
  const body = new Uint8Array(await answer.arrayBuffer());
  const outgoing = (c.env as NodeBindings | undefined)?.outgoing;
  if (body.byteLength < 2) return dropConnection(c);
  const cut = cutPoint(body.byteLength, afterBytes);
  if (!outgoing) {
    const headers = new Headers(answer.headers);
    headers.set("content-length", String(body.byteLength));
    return new Response(
      new ReadableStream({
        start(controller) {
          controller.enqueue(body.subarray(0, cut));
          controller.error(new Error("connection dropped (fault injection)"));
        },
      }),
      { status: answer.status, headers },
    );
  }
  const headers: Record<string, string> = {};
  answer.headers.forEach((value, key) => {
    headers[key] = value;
  });
  headers["content-length"] = String(body.byteLength);
  outgoing.writeHead(answer.status, headers);
  // Destroyed once the partial body is handed to the kernel: the client reads the headers and
  // those bytes, then the connection ends short of Content-Length.
  outgoing.write(body.subarray(0, cut), () => outgoing.destroy());
  return RESPONSE_ALREADY_SENT;
}

async function truncatedBody(answer: Response, keepBytes: number | undefined) {
  const body = new Uint8Array(await answer.arrayBuffer());
  if (body.byteLength < 2) return undefined;
  const headers = new Headers(answer.headers);
  headers.delete("content-length");
  return new Response(body.subarray(0, cutPoint(body.byteLength, keepBytes)), {
    status: answer.status,
    headers,
  });
}

const GATEWAY_PAGE = (status: number) => `<html>
<head><title>${status} Bad Gateway</title></head>
<body>
<center><h1>${status} Bad Gateway</h1></center>
<hr><center>cloudflare</center>
</body>
</html>
`;

function withTusHeader(c: Context, response: Response): Response {
  if (c.req.path.startsWith("/tus/")) response.headers.set("Tus-Resumable", "1.0.0");
  return response;
}

function injectedFailure(c: Context, status: number, code: number, message: string): Response {
  return withTusHeader(c, failure(c, status as ContentfulStatusCode, code, message));
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener("abort", done);
      resolve();
    }
    signal.addEventListener("abort", done, { once: true });
  });
}

/** How much of a `truncate-upload` body is taken. */
export function keptBytes(fault: TruncateUploadFault, declared: number | undefined): number {
  const size = declared ?? 0;
  const wanted = fault.keepBytes ?? Math.floor(size * (fault.keepFraction ?? 0.5));
  return Math.max(0, declared === undefined ? wanted : Math.min(wanted, size - 1));
}

/** `truncate-upload` faults for tus PATCH requests, which the tus route applies itself. */
const uploadFaults = new WeakMap<Request, TruncateUploadFault>();

/** The `truncate-upload` fault this tus PATCH was picked for, if any. */
export function uploadFaultFor(c: Context): TruncateUploadFault | undefined {
  return uploadFaults.get(c.req.raw);
}

/** Reads `keep` bytes of the body; then `reset` drops the connection, else the rest is drained. */
async function takePartOfBody(c: Context, fault: TruncateUploadFault): Promise<Response> {
  const declaredText = c.req.header("content-length");
  const declared = declaredText === undefined ? undefined : Number(declaredText);
  const keep = keptBytes(fault, declared);
  const reader = c.req.raw.body?.getReader();
  let taken = 0;
  while (reader && taken < keep) {
    const { done, value } = await reader.read();
    if (done) break;
    taken += value.byteLength;
  }
  if (fault.outcome === "reset") return dropConnection(c);
  while (reader) {
    const { done } = await reader.read();
    if (done) break;
  }
  return injectedFailure(
    c,
    fault.status ?? 500,
    10002,
    `Injected fault: the upload broke off after ${Math.min(taken, keep)} bytes (see ${FAULTS_PATH})`,
  );
}

function hasBody(c: Context): boolean {
  const length = c.req.header("content-length");
  if (length !== undefined) return length !== "0";
  return c.req.header("transfer-encoding") !== undefined;
}

/** The middleware: decides per request and applies the fault around the real handler. */
export function faultInjection(ctx: EmulatorContext): MiddlewareHandler {
  return async (c, next) => {
    const faults = ctx.faults;
    const path = c.req.path;
    const preflight =
      c.req.method === "OPTIONS" && c.req.header("access-control-request-method") !== undefined;
    // Every other request is counted and logged, rules or not, so tests can see what went out.
    if (path.startsWith(ADMIN_PREFIX) || preflight) return next();
    const decision = faults.decide(c.req.method, path, hasBody(c));
    if (decision.latencyMs > 0) await sleep(decision.latencyMs, ctx.shutdown);
    const fault = decision.fault;
    if (!fault) return next();
    switch (fault.type) {
      case "error":
        return withRetryAfter(
          injectedFailure(
            c,
            fault.status ?? 500,
            fault.code ?? 10002,
            fault.message ?? `Injected fault: HTTP ${fault.status ?? 500} (see ${FAULTS_PATH})`,
          ),
          fault.retryAfter,
        );
      case "rate-limit":
        return withRetryAfter(
          injectedFailure(
            c,
            429,
            RATE_LIMITED_CODE,
            "Please wait and consider throttling your request speed",
          ),
          fault.retryAfter ?? 1,
        );
      case "html":
        return c.html(GATEWAY_PAGE(fault.status ?? 502), (fault.status ?? 502) as 502);
      case "reset":
        if (fault.stage === "before") return dropConnection(c);
        await next();
        return replace(c, await cutAnswer(c, fault.afterBytes));
      case "malformed": {
        await next();
        const cut =
          c.req.method === "HEAD" ? undefined : await truncatedBody(c.res, fault.keepBytes);
        if (!cut) {
          decision.undo();
          return;
        }
        return replace(c, cut);
      }
      case "truncate-upload":
        if (c.req.method === "PATCH" && path.startsWith("/tus/")) {
          uploadFaults.set(c.req.raw, fault);
          return next();
        }
        return takePartOfBody(c, fault);
    }
  };
}

function withRetryAfter(response: Response, value: number | string | undefined): Response {
  if (value !== undefined) response.headers.set("retry-after", String(value));
  return response;
}

/** Replaces the answer outright (Hono would otherwise copy the old headers onto the new one). */
function replace(c: Context, response: Response): Response {
  c.res = undefined as unknown as Response;
  c.res = response;
  return response;
}

/**
 * `GET` (state and counts), `PUT` (replace the rules; counts restart) and `DELETE` (remove every
 * rule; answers the state just before) on `/__emulator/faults`, with the API token.
 */
export function registerFaultRoutes(app: Hono, ctx: EmulatorContext): void {
  app.use(FAULTS_PATH, async (c, next) => {
    checkApiAuth(c, ctx);
    await next();
  });
  app.get(FAULTS_PATH, (c) => ok(c, ctx.faults.state()));
  app.put(FAULTS_PATH, async (c) => {
    const body = await readJsonBody(c);
    try {
      return ok(c, ctx.faults.set(body));
    } catch (error) {
      if (error instanceof FaultConfigError)
        throw new ApiError(400, ErrorCode.BadRequest, error.message);
      throw error;
    }
  });
  app.delete(FAULTS_PATH, (c) => ok(c, ctx.faults.clear()));
}

/** PUT takes `{ seed?, rules }` or a bare list of rules. */
async function readJsonBody(c: Context): Promise<unknown> {
  try {
    return JSON.parse(await c.req.text());
  } catch {
    throw badRequest("The request body is not valid JSON.");
  }
}
