/**
 * Server-side entry, `@streamkit/core/webhooks`: verifying (and, for emulators, signing) Stream
 * webhooks. Kept out of the main entry because browsers never need it.
 */

export {
  type LiveInputErrored,
  type LiveInputEventType,
  type LiveInputNotification,
  type LiveNotificationVerdict,
  verifyLiveNotification,
} from "./liveNotification";
export {
  constantTimeEqual,
  parseWebhookSignature,
  signWebhook,
  type VerifyWebhookOptions,
  verifyWebhook,
  type WebhookSignature,
  type WebhookVerdict,
} from "./webhook";
