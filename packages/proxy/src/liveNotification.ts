import type { LiveInputEvent } from "@streamkit/core/live";
import type { LiveInputStatus } from "@streamkit/core/live-inputs";
import { type LiveInputNotification, verifyLiveNotification } from "@streamkit/core/webhooks";
import { readText } from "./body";
import type { ProxyRuntime } from "./context";
import { errorResponse, ProxyError, ProxyErrorCode, successResponse } from "./errors";
import { upstreamHeaders } from "./headers";
import { LIVE_INPUT_OWNER } from "./operations/liveInputs";
import { callUpstream, isOk, parseEnvelope } from "./upstream";

/**
 * The receiver Cloudflare Notifications posts live input events to. It is authenticated by the
 * destination's secret in `cf-webhook-auth` (Notifications does not sign), not by the app's
 * session. Each event is published to `/events` for the input's owner only: the owner is read
 * from the input itself (the proxy's own stamp in `meta`), with its current status, so nothing
 * in the notification decides who sees it, and no credential of the input travels on.
 */

export interface LiveNotificationConfig {
  secret: string | undefined;
  runtime: ProxyRuntime;
  onLiveNotification:
    | ((notification: LiveInputNotification, request: Request) => void | Promise<void>)
    | undefined;
}

const REFUSED = {
  missing: "Live notification refused: the cf-webhook-auth header is missing",
  mismatch:
    "Live notification refused: cf-webhook-auth does not match liveNotificationSecret (the secret of the Notifications destination)",
} as const;

export function createLiveNotificationHandler(
  config: LiveNotificationConfig,
): (request: Request) => Promise<Response> {
  const { runtime } = config;
  return async function handleLiveNotification(request) {
    try {
      if (request.method !== "POST") {
        throw new ProxyError(
          405,
          ProxyErrorCode.methodNotAllowed,
          `Method ${request.method} not allowed: live notifications are POSTed`,
          { headers: { allow: "POST" } },
        );
      }
      if (config.secret === undefined) {
        throw new ProxyError(
          500,
          ProxyErrorCode.internal,
          "Proxy misconfigured: set liveNotificationSecret to receive live notifications",
        );
      }
      const raw = await readText(
        request,
        runtime.limits.webhookBytes,
        "a live notification",
        "webhookBytes",
      );
      const verdict = verifyLiveNotification(
        config.secret,
        raw,
        request.headers.get("cf-webhook-auth"),
      );
      if (!verdict.ok) {
        if (verdict.reason === "not-live-input") return successResponse({ ignored: true });
        if (verdict.reason === "malformed")
          throw new ProxyError(
            400,
            ProxyErrorCode.badRequest,
            `Live notification refused: ${verdict.message}`,
          );
        throw new ProxyError(401, ProxyErrorCode.unauthorized, REFUSED[verdict.reason]);
      }
      const { notification } = verdict;
      await config.onLiveNotification?.(notification, request);
      const { input_id: uid, event_type, updated_at, live_input_errored } = notification.data;
      const { status, creator } = await readInput(runtime, uid, request);
      const liveInput: LiveInputEvent = {
        uid,
        event_type,
        status,
        updated_at,
        ...(live_input_errored ? { live_input_errored } : {}),
      };
      const id = `${notification.ts ?? Math.floor(Date.parse(updated_at) / 1000)}-${uid}-${event_type}`;
      await runtime.bus.publish({ id, liveInput, creator });
      return successResponse({ id });
    } catch (error) {
      if (error instanceof ProxyError) return errorResponse(error);
      runtime.report(error, request);
      return errorResponse(
        new ProxyError(
          500,
          ProxyErrorCode.internal,
          "Internal error while handling the live notification",
        ),
      );
    }
  };
}

/**
 * The input's status and owner, as the API has them now. An input that cannot be read (deleted
 * since, or the API is down) has no known owner: its event goes to unscoped subscribers only.
 */
async function readInput(
  runtime: ProxyRuntime,
  uid: string,
  request: Request,
): Promise<{ status: LiveInputStatus; creator: string | null }> {
  try {
    const answer = await callUpstream(runtime.upstream, {
      method: "GET",
      path: `/live_inputs/${uid}`,
      headers: upstreamHeaders(new Headers(), runtime.apiToken, []),
      signal: request.signal,
    });
    const input = isOk(answer)
      ? (parseEnvelope(answer)?.result as
          | { status?: LiveInputStatus; meta?: Record<string, unknown> }
          | undefined)
      : undefined;
    const owner = input?.meta?.[LIVE_INPUT_OWNER];
    return {
      status: input?.status ?? null,
      creator: typeof owner === "string" ? owner : null,
    };
  } catch (error) {
    runtime.report(error, request);
    return { status: null, creator: null };
  }
}
