import {
  assertDeliveryId,
  type DeliveryConfig,
  type IframeParams,
  iframeUrl,
  LEGACY_DELIVERY_ORIGIN,
  legacyIframeUrl,
  thumbnailUrl,
} from "@streamkit/core/urls";

export interface PlayerTarget {
  url?: string;
  poster?: string;
  /** Why there is no URL: the src or token is not a delivery id, or a param is invalid. */
  error?: string;
}

/** The iframe URL and poster of a uid or signed token; a full iframe URL `src` is used as is. */
export function playerTarget(
  src: string,
  token: string | undefined,
  delivery: DeliveryConfig | undefined,
  params: IframeParams,
  /** The poster's frame (`thumbnailTimestampPct` as a time), so a new choice is a new URL. */
  posterTime?: string,
): PlayerTarget {
  try {
    if (/^https?:\/\//i.test(src) && !token) return { url: src };
    const id = token ?? src;
    assertDeliveryId(id, token ? "token" : "src");
    const url = delivery ? iframeUrl(id, delivery, params) : legacyIframeUrl(id, params);
    const poster = thumbnailUrl(id, delivery ?? { deliveryOrigin: LEGACY_DELIVERY_ORIGIN }, {
      time: posterTime,
    });
    return { url, poster };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}
