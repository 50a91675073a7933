export {
  DEFAULT_ACCOUNT_ID,
  DEFAULT_CUSTOMER_CODE,
  DEFAULT_TOKEN,
  type EmulatorOptions,
  type LimitOptions,
  type ProcessingOptions,
  type WebhookOptions,
} from "./options";
export type { VideoJson } from "./records";
export { type RunningEmulator, startEmulator } from "./server";
export { signatureHeader } from "./webhooks";
