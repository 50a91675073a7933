export {
  type ErrorFault,
  FAULTS_PATH,
  type Fault,
  type FaultConfig,
  type FaultLogEntry,
  type FaultRule,
  type FaultRuleState,
  type FaultScope,
  type FaultState,
  type FaultType,
  type HtmlFault,
  type LatencyFault,
  type MalformedFault,
  type RateLimitFault,
  type ResetFault,
  type TruncateUploadFault,
} from "./faults";
export type { LiveEventType, LiveInputErrored } from "./live/notifications";
export {
  DEFAULT_ACCOUNT_ID,
  DEFAULT_CUSTOMER_CODE,
  DEFAULT_TOKEN,
  type EmulatorOptions,
  type LimitOptions,
  type LiveNotificationTarget,
  type LiveOptions,
  type ProcessingOptions,
  type WebhookOptions,
} from "./options";
export type { VideoJson } from "./records";
export { type EmulatorFaults, type RunningEmulator, startEmulator } from "./server";
export { signatureHeader } from "./webhooks";
