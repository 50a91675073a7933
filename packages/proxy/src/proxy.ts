import { StreamValidationError } from "@streamkit/core";
import { type OperationContext, respond, UpstreamRefusal } from "./context";
import { createCors } from "./cors";
import { errorResponse, ProxyError, ProxyErrorCode } from "./errors";
import type { EventBus } from "./events";
import { createLiveNotificationHandler } from "./liveNotification";
import { HANDLERS } from "./operations";
import type { StreamProxyOptions } from "./options";
import { pathSegments, pathUnderBase } from "./paths";
import { matchRoute, resolveAdminOnly, resolveAllowed } from "./routes";
import { createRuntime } from "./runtime";
import { checkScopeValue } from "./scope";
import { createWebhookHandler } from "./webhook";

/**
 * `createStreamProxy(options)`: a web-standard `(Request) => Promise<Response>` handler that
 * turns `{basePath}{path}` into the Stream API request `/accounts/{accountId}/stream{path}`,
 * after routing, checks, `authorize` and creator scoping. It runs unchanged in Workers, Deno,
 * Bun, Next.js and Hono; `@streamkit/proxy/node` adapts it to Node's http and Express.
 */

export type FetchHandler = (request: Request) => Promise<Response>;

export interface StreamProxy extends FetchHandler {
  /** The same handler, for `export default { fetch: proxy.fetch }` and `Bun.serve({ fetch })`. */
  readonly fetch: FetchHandler;
  /** The webhook receiver: mount it where Cloudflare posts (not behind your session check). */
  readonly handleWebhook: FetchHandler;
  /** The receiver for live input notifications (Cloudflare Notifications), publishing to `/events`. */
  readonly handleLiveNotification: FetchHandler;
  /** The bus verified webhooks go to and `/events` listens on. */
  readonly events: EventBus;
  /** The normalised mount path (`/api/stream`), used by the Express adapter to pass other paths on. */
  readonly basePath: string;
}

export function createStreamProxy(options: StreamProxyOptions): StreamProxy {
  const runtime = createRuntime(options);
  const allowed = resolveAllowed(options.allow);
  const adminOnly = resolveAdminOnly(options.adminOnly);
  const cors = createCors(options.cors);
  const { authorize, creatorScope, isAdmin } = options;
  if (isAdmin !== undefined && typeof isAdmin !== "function") {
    throw new TypeError("createStreamProxy: isAdmin must be a function (request) => boolean");
  }

  async function route(request: Request): Promise<Response> {
    const url = new URL(request.url);
    const rest = pathUnderBase(url.pathname, runtime.basePath);
    if (rest === undefined) {
      throw new ProxyError(
        404,
        ProxyErrorCode.noRoute,
        `No route for ${url.pathname}: outside the proxy's basePath ${runtime.basePath || "/"}`,
      );
    }
    const segments = pathSegments(rest);
    const preflight = cors?.preflight(request);
    if (preflight) return preflight;

    const routed = matchRoute(request.method, segments);
    if (routed.kind === "none") throw new ProxyError(404, ProxyErrorCode.noRoute, routed.message);
    if (routed.kind === "invalid") {
      throw new StreamValidationError(routed.field, routed.message);
    }
    if (routed.kind === "method") {
      throw new ProxyError(
        405,
        ProxyErrorCode.methodNotAllowed,
        `Method ${request.method} not allowed on ${runtime.basePath}${rest || ""}: use ${routed.allow.join(", ")}`,
        { headers: { allow: routed.allow.join(", ") } },
      );
    }
    const { match } = routed;
    if (!allowed.has(match.operation)) {
      throw new ProxyError(
        403,
        ProxyErrorCode.forbidden,
        `Forbidden: operation ${match.operation} is not in this proxy's allow list`,
      );
    }
    refuseCrossSite(request);

    if (authorize) {
      const verdict = await runHook(() => authorize(request), "authorize");
      if (verdict instanceof Response) return verdict;
      if (verdict !== true) {
        throw new ProxyError(
          401,
          ProxyErrorCode.unauthorized,
          "Authentication required: authorize() refused this request",
        );
      }
    }
    if (adminOnly.has(match.operation)) {
      const admin = isAdmin ? await runHook(() => isAdmin(request), "isAdmin") : false;
      if (admin !== true) {
        throw new ProxyError(
          403,
          ProxyErrorCode.forbidden,
          `Forbidden: ${match.operation} is an admin operation; see isAdmin in the proxy README`,
        );
      }
    }
    const scope = creatorScope
      ? checkScopeValue(await runHook(() => creatorScope(request), "creatorScope"))
      : undefined;
    const ctx: OperationContext = { runtime, request, url, route: match, scope };
    return HANDLERS[match.operation](ctx);
  }

  /**
   * Browsers mark cross-site requests with `Sec-Fetch-Site`; a state-changing one from a site
   * `cors` does not allow is refused, so a session cookie cannot be ridden by another site.
   */
  function refuseCrossSite(request: Request): void {
    if (request.method === "GET") return;
    if (request.headers.get("sec-fetch-site") !== "cross-site") return;
    if (cors?.allows(request.headers.get("origin"))) return;
    throw new ProxyError(
      403,
      ProxyErrorCode.forbidden,
      "Forbidden: cross-site request (allow its origin with the cors option)",
    );
  }

  const fetchHandler: FetchHandler = async (request) => {
    let response: Response;
    try {
      response = await route(request);
    } catch (error) {
      response = toResponse(error, request);
    }
    return cors ? cors.decorate(request, response) : response;
  };

  function toResponse(error: unknown, request: Request): Response {
    if (error instanceof Response) return error;
    if (error instanceof ProxyError) return errorResponse(error);
    if (error instanceof UpstreamRefusal) {
      try {
        return respond(runtime, error.answer);
      } catch (failure) {
        return toResponse(failure, request);
      }
    }
    if (error instanceof StreamValidationError) {
      return errorResponse(
        new ProxyError(400, ProxyErrorCode.badRequest, `Invalid request: ${error.message}`, {
          pointer: `/${error.field.replace(/\./g, "/").replace(/\[(\d+)\]/g, "/$1")}`,
        }),
      );
    }
    runtime.report(error, request);
    return errorResponse(
      new ProxyError(500, ProxyErrorCode.internal, "Internal proxy error (see the server log)"),
    );
  }

  const handleWebhook = createWebhookHandler({
    secret: options.webhookSecret,
    toleranceSeconds: options.webhookToleranceSeconds ?? 300,
    maxBytes: runtime.limits.webhookBytes,
    bus: runtime.bus,
    onWebhook: options.onWebhook,
    report: runtime.report,
  });

  const handleLiveNotification = createLiveNotificationHandler({
    secret: options.liveNotificationSecret,
    runtime,
    onLiveNotification: options.onLiveNotification,
  });

  return Object.assign(fetchHandler, {
    fetch: fetchHandler,
    handleWebhook,
    handleLiveNotification,
    events: runtime.bus,
    basePath: runtime.basePath,
  });
}

/** Runs an app hook; a thrown Response answers, anything else thrown is a logged 500. */
async function runHook<T>(hook: () => T | Promise<T>, name: string): Promise<T> {
  try {
    return await hook();
  } catch (error) {
    if (error instanceof Response) throw error;
    throw new HookError(name, error);
  }
}

class HookError extends Error {
  override name = "HookError";
  constructor(hook: string, cause: unknown) {
    super(`${hook}() threw`, { cause });
  }
}
