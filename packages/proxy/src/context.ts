import { ProxyError, ProxyErrorCode } from "./errors";
import type { EventBus } from "./events";
import { clientHeaders, scrub, upstreamHeaders } from "./headers";
import type { ResolvedLimits } from "./options";
import type { RouteMatch } from "./routes";
import {
  callUpstream,
  type UpstreamAnswer,
  type UpstreamConfig,
  type UpstreamRequest,
} from "./upstream";

/** What every operation handler gets: the proxy's resolved configuration and this request. */

export interface ProxyRuntime {
  basePath: string;
  apiToken: string;
  /** Strings that must never appear in an answer (the API token). */
  secrets: readonly string[];
  upstream: UpstreamConfig;
  limits: ResolvedLimits;
  /** Lazily imported and then reused: importing a key is the slow part of signing. */
  signingKey: (() => Promise<{ id: string; key: CryptoKey }>) | undefined;
  bus: EventBus;
  sse: { heartbeatMs: number; retryMs: number };
  report: (error: unknown, request: Request) => void;
}

export interface OperationContext {
  runtime: ProxyRuntime;
  request: Request;
  url: URL;
  route: RouteMatch;
  /** The creator every effect is confined to; `undefined` when unscoped. */
  scope: string | undefined;
}

export type OperationHandler = (ctx: OperationContext) => Promise<Response>;

/** An upstream answer that ends the operation early (a 429 on the ownership check, say); passed back as is. */
export class UpstreamRefusal extends Error {
  override name = "UpstreamRefusal";
  readonly answer: UpstreamAnswer;
  constructor(answer: UpstreamAnswer) {
    super(`upstream answered ${answer.status}`);
    this.answer = answer;
  }
}

export interface ForwardInit {
  method: UpstreamRequest["method"];
  path: string;
  query?: URLSearchParams;
  /** Request headers to copy from the browser's request, beyond `accept`. */
  pick?: readonly string[];
  /** Headers the proxy sets itself (after the picked ones). */
  set?: Record<string, string>;
  body?: UpstreamRequest["body"];
  bodyTooLarge?: UpstreamRequest["bodyTooLarge"];
}

export function forward(ctx: OperationContext, init: ForwardInit): Promise<UpstreamAnswer> {
  const headers = upstreamHeaders(ctx.request.headers, ctx.runtime.apiToken, [
    "accept",
    ...(init.pick ?? []),
  ]);
  for (const [name, value] of Object.entries(init.set ?? {})) headers.set(name, value);
  const request: UpstreamRequest = {
    method: init.method,
    path: init.path,
    headers,
    signal: ctx.request.signal,
  };
  if (init.query !== undefined) request.query = init.query;
  if (init.body !== undefined) request.body = init.body;
  if (init.bodyTooLarge !== undefined) request.bodyTooLarge = init.bodyTooLarge;
  return callUpstream(ctx.runtime.upstream, request);
}

/** A JSON body the proxy checked and re-serialised. */
export function forwardJson(
  ctx: OperationContext,
  init: Omit<ForwardInit, "body" | "set"> & { json: unknown; set?: Record<string, string> },
): Promise<UpstreamAnswer> {
  return forward(ctx, {
    ...init,
    body: JSON.stringify(init.json),
    set: { ...init.set, "content-type": "application/json" },
  });
}

const NULL_BODY = new Set([101, 204, 205, 304]);

/** The upstream answer as the browser sees it: same status and envelope, filtered headers, no secrets. */
export function respond(
  runtime: ProxyRuntime,
  answer: UpstreamAnswer,
  body: string = answer.body,
): Response {
  if (answer.status < 200 || answer.status > 599) {
    throw new ProxyError(
      502,
      ProxyErrorCode.upstreamUnreachable,
      `Bad gateway: upstream answered HTTP ${answer.status}`,
    );
  }
  const headers = clientHeaders(answer.headers, runtime.secrets, answer.url);
  const text = scrub(body, runtime.secrets);
  return new Response(NULL_BODY.has(answer.status) || text === "" ? null : text, {
    status: answer.status,
    headers,
  });
}
