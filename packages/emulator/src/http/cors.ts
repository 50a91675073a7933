import type { MiddlewareHandler } from "hono";

/** Response headers browsers may read: tus needs Location and its Upload-* headers, players Content-Range. */
const EXPOSED = [
  "Location",
  "stream-media-id",
  "Stream-Media-ID",
  "Tus-Resumable",
  "Tus-Version",
  "Tus-Max-Size",
  "Tus-Extension",
  "Upload-Offset",
  "Upload-Length",
  "Upload-Metadata",
  "Upload-Expires",
  "Content-Range",
  "Content-Length",
  "Accept-Ranges",
  "Retry-After",
].join(", ");

const METHODS = "GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS";

/**
 * Permissive CORS for every route: browsers call the API, tus and delivery directly. Only real
 * preflights (with Access-Control-Request-Method) are answered here, so tus discovery
 * (a plain OPTIONS) still reaches its route.
 */
export function permissiveCors(): MiddlewareHandler {
  return async (c, next) => {
    const preflight =
      c.req.method === "OPTIONS" && c.req.header("access-control-request-method") !== undefined;
    if (preflight) {
      return new Response(null, {
        status: 204,
        headers: {
          "Access-Control-Allow-Origin": "*",
          "Access-Control-Allow-Methods": METHODS,
          "Access-Control-Allow-Headers": c.req.header("access-control-request-headers") ?? "*",
          "Access-Control-Max-Age": "86400",
          "Access-Control-Expose-Headers": EXPOSED,
        },
      });
    }
    await next();
    c.res.headers.set("Access-Control-Allow-Origin", "*");
    c.res.headers.set("Access-Control-Expose-Headers", EXPOSED);
  };
}
