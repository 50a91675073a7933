export { createStatusBatcher, type StatusBatcher, type StatusBatcherOptions } from "./batcher";
export {
  createStreamClient,
  type RawRequest,
  type RequestOptions,
  type StreamClient,
  type StreamClientOptions,
} from "./client";
export {
  customerOrigin,
  DEFAULT_API_ORIGIN,
  DEFAULT_SDK_URL,
  LEGACY_DELIVERY_ORIGIN,
  LEGACY_IFRAME_ORIGIN,
} from "./defaults";
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
  connectLiveUpdates,
  type EventSourceConstructor,
  type EventSourceLike,
  type LiveUpdatesOptions,
  type LiveUpdatesStatus,
} from "./liveUpdates";
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
} from "./requestChecks";
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
export {
  type AnimatedThumbnailParams,
  animatedThumbnailUrl,
  assertDeliveryId,
  type DeliveryConfig,
  type DownloadParams,
  dashUrl,
  deliveryOrigin,
  downloadUrl,
  hlsUrl,
  type IframeParams,
  iframeParams,
  iframeUrl,
  legacyIframeUrl,
  type ThumbnailFit,
  type ThumbnailParams,
  thumbnailUrl,
  watchUrl,
} from "./urls";
export { assertHttpUrl, assertUid, isUid } from "./validate";
