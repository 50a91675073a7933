import type { MiddlewareHandler } from "hono";
import {
  gatewayPage,
  INTERNAL_ERROR_CODE,
  injectedFailure,
  RATE_LIMITED_CODE,
  replaceAnswer,
  withRetryAfter,
} from "./answers";
import { cutAnswer, dropConnection, truncatedBody } from "./connection";
import type { FaultController } from "./controller";
import { ADMIN_PREFIX, FAULTS_PATH, type TruncateUploadFault } from "./types";
import { hasBody, takePartOfBody } from "./upload";

/**
 * What the middleware hands on to the routes. A tus PATCH picked for `truncate-upload` must be
 * checked (auth, offset, lock) and then partly stored, which only the tus route can do, so the
 * middleware passes the fault to it in the request's own context.
 */
export interface FaultVariables {
  uploadFault?: TruncateUploadFault;
}
export type FaultEnv = { Variables: FaultVariables };

export interface FaultInjectionDeps {
  faults: Pick<FaultController, "decide">;
  /** Injected latency ends early when the emulator stops. */
  shutdown: AbortSignal;
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

/** Decides per request and applies the fault around the real handler. */
export function faultInjection({
  faults,
  shutdown,
}: FaultInjectionDeps): MiddlewareHandler<FaultEnv> {
  return async (c, next) => {
    const path = c.req.path;
    const preflight =
      c.req.method === "OPTIONS" && c.req.header("access-control-request-method") !== undefined;
    // Every other request is counted and logged, rules or not, so tests can see what went out.
    if (path.startsWith(ADMIN_PREFIX) || preflight) return next();
    const decision = faults.decide(c.req.method, path, hasBody(c));
    if (decision.latencyMs > 0) await sleep(decision.latencyMs, shutdown);
    const fault = decision.fault;
    if (!fault) return next();
    switch (fault.type) {
      case "error": {
        const status = fault.status ?? 500;
        const message = fault.message ?? `Injected fault: HTTP ${status} (see ${FAULTS_PATH})`;
        return withRetryAfter(
          injectedFailure(c, status, fault.code ?? INTERNAL_ERROR_CODE, message),
          fault.retryAfter,
        );
      }
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
        return c.html(gatewayPage(fault.status ?? 502), (fault.status ?? 502) as 502);
      case "reset":
        if (fault.stage === "before") return dropConnection(c);
        await next();
        return replaceAnswer(c, await cutAnswer(c, fault.afterBytes));
      case "malformed": {
        await next();
        const cut =
          c.req.method === "HEAD" ? undefined : await truncatedBody(c.res, fault.keepBytes);
        if (!cut) {
          decision.undo();
          return;
        }
        return replaceAnswer(c, cut);
      }
      case "truncate-upload":
        if (c.req.method === "PATCH" && path.startsWith("/tus/")) {
          c.set("uploadFault", fault);
          return next();
        }
        return takePartOfBody(c, fault);
    }
  };
}
