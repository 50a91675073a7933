import { errorResponse, ProxyError, ProxyErrorCode } from "./errors";
import { EXPOSED_RESPONSE_HEADERS, FORWARDED_REQUEST_HEADERS } from "./headers";
import type { CorsOptions } from "./options";

/**
 * Optional CORS for browser apps on another origin. Same-origin apps need none of this. The
 * answer echoes the allowed origin (never `*` with credentials) and exposes the tus headers.
 */

export interface CorsPolicy {
  allows(origin: string | null): boolean;
  /** The answer to a preflight, or `undefined` when the request is not one. */
  preflight(request: Request): Response | undefined;
  /** The response with CORS headers added when the request's origin is allowed. */
  decorate(request: Request, response: Response): Response;
}

export function createCors(options: CorsOptions | undefined): CorsPolicy | undefined {
  if (options === undefined) return undefined;
  const { origin, credentials = false, allowHeaders = [], maxAgeSeconds = 600 } = options;
  if (origin === "*" && credentials) {
    throw new TypeError(
      'createStreamProxy: cors.origin "*" cannot be combined with credentials; list the origins',
    );
  }
  const allows = (value: string | null): boolean => {
    if (value === null) return false;
    if (typeof origin === "function") return origin(value);
    if (origin === "*") return true;
    return typeof origin === "string" ? origin === value : origin.includes(value);
  };
  const allowOrigin = (value: string) => (origin === "*" ? "*" : value);
  // `last-event-id`: a reconnecting EventSource sends it to `/events` (read, never forwarded).
  const requestHeaders = [...FORWARDED_REQUEST_HEADERS, "last-event-id", ...allowHeaders].join(
    ", ",
  );

  return {
    allows,
    preflight(request) {
      if (request.method !== "OPTIONS" || !request.headers.has("access-control-request-method"))
        return undefined;
      const requestOrigin = request.headers.get("origin");
      if (!allows(requestOrigin) || requestOrigin === null) {
        return errorResponse(
          new ProxyError(
            403,
            ProxyErrorCode.forbidden,
            `CORS: origin ${requestOrigin ?? "(none)"} is not in cors.origin`,
          ),
        );
      }
      const headers: Record<string, string> = {
        "access-control-allow-origin": allowOrigin(requestOrigin),
        "access-control-allow-methods": "GET, POST, PUT, PATCH, DELETE",
        "access-control-allow-headers": requestHeaders,
        "access-control-max-age": String(maxAgeSeconds),
        vary: "Origin",
      };
      if (credentials) headers["access-control-allow-credentials"] = "true";
      return new Response(null, { status: 204, headers });
    },
    decorate(request, response) {
      const requestOrigin = request.headers.get("origin");
      if (requestOrigin === null || !allows(requestOrigin)) return response;
      // Responses from fetch (or from `authorize`) may have immutable headers: copy first.
      const copy = new Response(response.body, response);
      copy.headers.set("access-control-allow-origin", allowOrigin(requestOrigin));
      copy.headers.set("access-control-expose-headers", EXPOSED_RESPONSE_HEADERS);
      copy.headers.append("vary", "Origin");
      if (credentials) copy.headers.set("access-control-allow-credentials", "true");
      return copy;
    },
  };
}
