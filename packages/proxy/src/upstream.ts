import { ProxyError, ProxyErrorCode } from "./errors";
import { scrub } from "./headers";

/**
 * Calls to the Stream API. The answer is read whole (API answers are small JSON or a caption
 * file) so the token can be scrubbed from it and the timeout covers the body too. Network
 * failures become 502, timeouts 504, both as envelopes.
 */

export interface UpstreamConfig {
  /** `{upstream}/accounts/{accountId}/stream`, without a trailing slash. */
  streamUrl: string;
  fetch: typeof fetch;
  timeoutMs: number;
  secrets: readonly string[];
}

export interface UpstreamRequest {
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  /** After `/stream`: `""`, `/copy`, `/<uid>/captions/en`… built only from checked segments. */
  path: string;
  query?: URLSearchParams;
  headers: Headers;
  body?: string | ReadableStream<Uint8Array>;
  /** The client's signal: a browser that goes away cancels the upstream call. */
  signal?: AbortSignal;
  /**
   * Set when a streamed body was cut off (too large, or a multipart field failed its check), so
   * the failure reads as that refusal (413, 400) rather than a broken connection.
   */
  bodyTooLarge?: () => Error | undefined;
}

export interface UpstreamAnswer {
  status: number;
  headers: Headers;
  body: string;
  /** The URL called, for resolving a relative `Location`. */
  url: string;
}

/** `fetch` in Node needs `duplex: "half"` to send a stream; other runtimes ignore it. */
type StreamingInit = RequestInit & { duplex?: "half" };

export async function callUpstream(
  config: UpstreamConfig,
  request: UpstreamRequest,
): Promise<UpstreamAnswer> {
  const query = request.query?.toString();
  const url = `${config.streamUrl}${request.path}${query ? `?${query}` : ""}`;
  const timeout = new AbortController();
  const timer = setTimeout(() => timeout.abort(), config.timeoutMs);
  const signal = request.signal ? anySignal([request.signal, timeout.signal]) : timeout.signal;
  const init: StreamingInit = {
    method: request.method,
    headers: request.headers,
    signal,
    redirect: "manual",
  };
  if (request.body !== undefined) {
    init.body = request.body;
    if (typeof request.body !== "string") init.duplex = "half";
  }
  let sent = false;
  try {
    const response = await config.fetch(url, init);
    sent = true;
    const body = await response.text();
    return { status: response.status, headers: response.headers, body, url };
  } catch (cause) {
    const large = request.bodyTooLarge?.();
    if (large) throw large;
    if (timeout.signal.aborted) {
      throw new ProxyError(
        504,
        ProxyErrorCode.upstreamTimeout,
        `Upstream timeout: the Stream API did not answer within ${config.timeoutMs} ms (limits.upstreamTimeoutMs)`,
      );
    }
    // Clients retry a creation only when it surely did not happen, so the two must not blur.
    if (!sent && neverConnected(cause)) {
      throw new ProxyError(
        502,
        ProxyErrorCode.upstreamUnreachable,
        scrub(
          `Bad gateway: the Stream API could not be reached (${describe(cause)})`,
          config.secrets,
        ),
      );
    }
    throw new ProxyError(
      502,
      ProxyErrorCode.upstreamAnswerLost,
      scrub(
        `Bad gateway: the connection to the Stream API broke before its answer arrived, so the request may have been carried out (${describe(cause)})`,
        config.secrets,
      ),
    );
  } finally {
    clearTimeout(timer);
  }
}

/** Errors raised while connecting, before a byte of the request could reach the API. */
const CONNECT_ERRORS = new Set([
  "ECONNREFUSED",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "UND_ERR_CONNECT_TIMEOUT",
  "CERT_HAS_EXPIRED",
  "UNABLE_TO_VERIFY_LEAF_SIGNATURE",
  "DEPTH_ZERO_SELF_SIGNED_CERT",
  "ERR_TLS_CERT_ALTNAME_INVALID",
]);

/** True only when the runtime says the connection was never made; unknown causes count as sent. */
function neverConnected(cause: unknown): boolean {
  const inner = cause instanceof Error ? cause.cause : undefined;
  if (!(inner instanceof Error)) return false;
  // fetch refuses ports it blocks (the spec's "bad port" list) before opening any connection.
  if (inner.message === "bad port") return true;
  return "code" in inner && CONNECT_ERRORS.has(String(inner.code));
}

export function isOk(answer: UpstreamAnswer): boolean {
  return answer.status >= 200 && answer.status < 300;
}

/** Reads an upstream envelope; `undefined` when the body is not one. */
export function parseEnvelope(answer: UpstreamAnswer): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(answer.body);
    return typeof value === "object" && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

function anySignal(signals: AbortSignal[]): AbortSignal {
  if (typeof AbortSignal.any === "function") return AbortSignal.any(signals);
  const controller = new AbortController();
  for (const signal of signals) {
    if (signal.aborted) controller.abort();
    else signal.addEventListener("abort", () => controller.abort(), { once: true });
  }
  return controller.signal;
}

function describe(cause: unknown): string {
  if (!(cause instanceof Error)) return String(cause);
  const inner = cause.cause;
  const code =
    typeof inner === "object" && inner !== null && "code" in inner && typeof inner.code === "string"
      ? ` ${inner.code}`
      : "";
  return `${cause.message}${code}`;
}
