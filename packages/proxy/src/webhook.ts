import { isUid, type Video } from "@streamkit/core";
import { verifyWebhook, type WebhookVerdict } from "@streamkit/core/webhooks";
import { readText } from "./body";
import { errorResponse, ProxyError, ProxyErrorCode, successResponse } from "./errors";
import type { EventBus } from "./events";

/**
 * The receiver Cloudflare posts to. It is authenticated by the `Webhook-Signature` HMAC, not by
 * the app's session, so `authorize` does not run here. The raw text is verified before anything
 * is parsed: re-serialised JSON would not match the signature.
 */

export interface WebhookConfig {
  secret: string | undefined;
  toleranceSeconds: number;
  maxBytes: number;
  bus: EventBus;
  onWebhook: ((video: Video, request: Request) => void | Promise<void>) | undefined;
  report: (error: unknown, request: Request) => void;
}

const REASONS: Record<
  Exclude<WebhookVerdict, { ok: true }>["reason"],
  (tolerance: number) => string
> = {
  missing: () => "Webhook refused: the Webhook-Signature header is missing",
  malformed: () =>
    "Webhook refused: the Webhook-Signature header is malformed (expected time=<unix s>,sig1=<hex>)",
  stale: (tolerance) =>
    `Webhook refused: the Webhook-Signature time is more than ${tolerance} s away from now (replayed, or clocks out of sync)`,
  mismatch: () =>
    "Webhook refused: the signature does not match the body (check webhookSecret, and that the body reaches the proxy unparsed)",
};

export function createWebhookHandler(
  config: WebhookConfig,
): (request: Request) => Promise<Response> {
  return async function handleWebhook(request) {
    try {
      if (request.method !== "POST") {
        throw new ProxyError(
          405,
          ProxyErrorCode.methodNotAllowed,
          `Method ${request.method} not allowed: webhooks are POSTed`,
          {
            headers: { allow: "POST" },
          },
        );
      }
      if (config.secret === undefined) {
        throw new ProxyError(
          500,
          ProxyErrorCode.internal,
          "Proxy misconfigured: set webhookSecret to receive webhooks",
        );
      }
      const raw = await readText(request, config.maxBytes, "a webhook body", "webhookBytes");
      const verdict = await verifyWebhook(
        config.secret,
        raw,
        request.headers.get("webhook-signature"),
        {
          toleranceSeconds: config.toleranceSeconds,
        },
      );
      if (!verdict.ok) {
        throw new ProxyError(
          401,
          ProxyErrorCode.unauthorized,
          REASONS[verdict.reason](config.toleranceSeconds),
        );
      }
      const video = parseVideo(raw);
      await config.onWebhook?.(video, request);
      const id = `${verdict.time}-${video.uid}`;
      await config.bus.publish({ id, video });
      return successResponse({ id });
    } catch (error) {
      if (error instanceof ProxyError) return errorResponse(error);
      config.report(error, request);
      return errorResponse(
        new ProxyError(500, ProxyErrorCode.internal, "Internal error while handling the webhook"),
      );
    }
  };
}

function parseVideo(raw: string): Video & { uid: string } {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    throw new ProxyError(400, ProxyErrorCode.badRequest, "Webhook body is not JSON");
  }
  if (
    typeof value !== "object" ||
    value === null ||
    Array.isArray(value) ||
    !isUid((value as Video).uid)
  ) {
    throw new ProxyError(
      400,
      ProxyErrorCode.badRequest,
      "Webhook body is not a video (expected an object with a uid)",
    );
  }
  return value as Video & { uid: string };
}
