import { isUid } from "./validate";
import { constantTimeEqual } from "./webhook";

/** What Cloudflare Notifications reports about a live input. */
export type LiveInputEventType =
  | "live_input.connected"
  | "live_input.disconnected"
  | "live_input.errored";

/** Why a broadcast errored (`data.live_input_errored`): Stream's code and the codecs it saw. */
export interface LiveInputErrored {
  error: { code: string; message: string };
  video_codec?: string;
  audio_codec?: string;
}

/**
 * A live input notification as Notifications POSTs it (a different system from the video
 * webhook: no signature, a shared secret in `cf-webhook-auth`).
 */
export interface LiveInputNotification {
  name?: string;
  text?: string;
  /** Unix seconds of the dispatch. */
  ts?: number;
  data: {
    notification_name: "Stream Live Input";
    input_id: string;
    event_type: LiveInputEventType;
    updated_at: string;
    live_input_errored?: LiveInputErrored;
  };
}

export type LiveNotificationVerdict =
  | { ok: true; notification: LiveInputNotification }
  /** Authentic but about something else: Notifications' test message when a destination is made. */
  | { ok: false; reason: "not-live-input" }
  | { ok: false; reason: "missing" | "mismatch" | "malformed"; message: string };

const EVENT_TYPES: ReadonlySet<string> = new Set([
  "live_input.connected",
  "live_input.disconnected",
  "live_input.errored",
]);

/**
 * Checks a live notification: the `cf-webhook-auth` header against the destination's secret
 * (compared in constant time), then its body. A body without `data.notification_name` "Stream
 * Live Input" is authentic but not for Stream (`not-live-input`): answer it 200 and drop it.
 */
export function verifyLiveNotification(
  secret: string,
  raw: string,
  header: string | null | undefined,
): LiveNotificationVerdict {
  if (!header) return { ok: false, reason: "missing", message: "cf-webhook-auth is missing" };
  if (!constantTimeEqual(header, secret))
    return { ok: false, reason: "mismatch", message: "cf-webhook-auth does not match the secret" };
  let body: unknown;
  try {
    body = JSON.parse(raw);
  } catch {
    return { ok: false, reason: "malformed", message: "the body is not JSON" };
  }
  const data = (body as { data?: Record<string, unknown> } | null)?.data;
  if (typeof data !== "object" || data === null || data.notification_name !== "Stream Live Input")
    return { ok: false, reason: "not-live-input" };
  if (!isUid(data.input_id))
    return { ok: false, reason: "malformed", message: "data.input_id is not a live input uid" };
  if (typeof data.event_type !== "string" || !EVENT_TYPES.has(data.event_type))
    return {
      ok: false,
      reason: "malformed",
      message: `data.event_type ${JSON.stringify(data.event_type)} is not a live input event`,
    };
  return { ok: true, notification: body as LiveInputNotification };
}
