import type { StreamEnvelope, StreamMessage } from "@streamkit/core";
import { UpstreamErrorCode } from "@streamkit/core/requests";

/**
 * Codes of the refusals the proxy answers itself. Cloudflare's own codes pass through untouched;
 * ours mirror the HTTP status (9400 = 400) so a developer can tell at a glance who refused.
 */
export const ProxyErrorCode = {
  /** `authorize` refused (Cloudflare's own "Authentication error" code). */
  unauthorized: 10000,
  /** No such route on this proxy (Cloudflare's "No route for the URI"). */
  noRoute: 7003,
  methodNotAllowed: 7001,
  badRequest: 9400,
  forbidden: 9403,
  notFound: 9404,
  preconditionFailed: 9412,
  tooLarge: 9413,
  unsupportedMediaType: 9415,
  internal: 9500,
  /** No connection to the Stream API: the request was not carried out, so retrying is safe. */
  upstreamUnreachable: 9502,
  /** Sent, but no answer in time: the API may have carried it out (core's `outcomeUnknown`). */
  upstreamTimeout: UpstreamErrorCode.timeout,
  /** Sent, and the connection broke before the whole answer arrived: it may have been carried out. */
  upstreamAnswerLost: UpstreamErrorCode.answerLost,
} as const;

/** A refusal with its HTTP status, envelope code and developer-facing message. */
export class ProxyError extends Error {
  override name = "ProxyError";
  readonly status: number;
  readonly code: number;
  /** JSON pointer of the offending field (`/maxDurationSeconds`), when there is one. */
  readonly pointer: string | undefined;
  readonly headers: Record<string, string> | undefined;

  constructor(
    status: number,
    code: number,
    message: string,
    options: { pointer?: string; headers?: Record<string, string> } = {},
  ) {
    super(message);
    this.status = status;
    this.code = code;
    this.pointer = options.pointer;
    this.headers = options.headers;
  }
}

export function errorEnvelope(
  code: number,
  message: string,
  pointer?: string,
): StreamEnvelope<null> {
  const error: StreamMessage = { code, message };
  if (pointer !== undefined) error.source = { pointer };
  return { result: null, success: false, errors: [error], messages: [] };
}

/** Every answer of the proxy's own is JSON, never cached, never sniffed. */
export function jsonResponse(
  body: unknown,
  status = 200,
  headers: Record<string, string> = {},
): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: {
      "content-type": "application/json; charset=utf-8",
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
      ...headers,
    },
  });
}

export function successResponse<T>(result: T, status = 200): Response {
  const envelope: StreamEnvelope<T> = { result, success: true, errors: [], messages: [] };
  return jsonResponse(envelope, status);
}

export function errorResponse(error: ProxyError): Response {
  return jsonResponse(
    errorEnvelope(error.code, error.message, error.pointer),
    error.status,
    error.headers,
  );
}

/**
 * An envelope-shaped refusal for `authorize` to return, e.g. `return refuse(403, "admins only")`.
 * 401 means "who are you?", 403 "I know you, and no".
 */
export function refuse(status: 401 | 403 = 401, message?: string): Response {
  const text =
    message ??
    (status === 401
      ? "Authentication required: sign in first"
      : "Forbidden: this session may not do that");
  return errorResponse(new ProxyError(status, ProxyErrorCode.unauthorized, text));
}
