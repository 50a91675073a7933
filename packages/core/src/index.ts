export { createStatusBatcher, type StatusBatcher, type StatusBatcherOptions } from "./batcher";
export {
  createStreamClient,
  type RawRequest,
  type RequestOptions,
  type StreamClient,
  type StreamClientOptions,
} from "./client";
export { type ParsedEnvelope, parseRetryAfter, readEnvelope, toCount } from "./envelope";
export {
  isAbortError,
  isStreamError,
  type NetworkErrorKind,
  StreamApiError,
  StreamError,
  StreamNetworkError,
  StreamValidationError,
} from "./errors";
export type {
  components as StreamApiSchemas,
  paths as StreamApiPaths,
} from "./generated/stream-api";
export {
  createStatusPoller,
  type PollerState,
  type StatusPoller,
  type StatusPollerOptions,
} from "./poller";
export {
  DEFAULT_POLLING_POLICY,
  nextPollDelay,
  type PollingPolicy,
  type PollState,
} from "./polling";
export {
  checkCopyRequest,
  checkDirectUploadRequest,
  checkUpdateRequest,
  listQuery,
  MAX_DURATION_SECONDS,
  MAX_LIST_LIMIT,
  VIDEO_STATES,
} from "./requests";
export {
  backoffDelay,
  DEFAULT_RETRY_POLICY,
  isRetryable,
  isRetryableStatus,
  jittered,
  type RetryPolicy,
  retryAfterMs,
  retryWait,
} from "./retryPolicy";
export {
  ERROR_REASON_TEXT,
  type ErrorReason,
  type ErrorReasonCode,
  errorReason,
  isTerminal,
  type VideoPhase,
  videoPhase,
  videoProgress,
} from "./status";
export { tokenExpiry } from "./token";
export type {
  CopyVideoRequest,
  DirectUploadRequest,
  DirectUploadResult,
  ListVideosParams,
  SignedTokenRequest,
  StreamEnvelope,
  StreamMessage,
  UpdateVideoRequest,
  Video,
  VideoInput,
  VideoList,
  VideoPlayback,
  VideoState,
  VideoStatus,
  Watermark,
} from "./types";
export { assertHttpUrl, assertUid, isUid } from "./validate";
