import {
  assertDeliveryId,
  type DeliveryConfig,
  LEGACY_DELIVERY_ORIGIN,
  thumbnailUrl,
} from "@streamkit/core/urls";

export interface PlayerTarget {
  url?: string;
  poster?: string;
  /** Why there is no URL: the src or token is not a delivery id, or a param is invalid. */
  error?: string;
}

/**
 * The playback URL (`url` builds it: the iframe's, the HLS manifest's) and poster of a uid or
 * signed token; a full URL `src` is used as is.
 */
export function playerTarget(
  src: string,
  token: string | undefined,
  delivery: DeliveryConfig | undefined,
  url: (id: string, delivery: DeliveryConfig | undefined) => string,
  /** The poster's frame (`thumbnailTimestampPct` as a time), so a new choice is a new URL. */
  posterTime?: string,
): PlayerTarget {
  try {
    if (/^https?:\/\//i.test(src) && !token) return { url: src };
    const id = token ?? src;
    assertDeliveryId(id, token ? "token" : "src");
    const poster = thumbnailUrl(id, delivery ?? { deliveryOrigin: LEGACY_DELIVERY_ORIGIN }, {
      time: posterTime,
    });
    return { url: url(id, delivery), poster };
  } catch (error) {
    // Only core's validators throw here, always a StreamValidationError.
    return { error: (error as Error).message };
  }
}
