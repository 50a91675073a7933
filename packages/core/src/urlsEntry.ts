/**
 * `@streamkit/core/urls`: delivery URLs (iframe, HLS, DASH, thumbnails, downloads) and the hosts
 * they live on. Pure functions with no client behind them, so a server component or an email
 * template can build a thumbnail URL without carrying the API client.
 */
export {
  customerOrigin,
  DEFAULT_API_ORIGIN,
  DEFAULT_SDK_URL,
  LEGACY_DELIVERY_ORIGIN,
  LEGACY_IFRAME_ORIGIN,
} from "./defaults";
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
  playerPoster,
  type ThumbnailFit,
  type ThumbnailParams,
  thumbnailUrl,
  watchUrl,
} from "./urls";
