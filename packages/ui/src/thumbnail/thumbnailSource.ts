import { type Video, videoPhase } from "@streamkit/core";
import {
  animatedThumbnailUrl,
  type DeliveryConfig,
  type ThumbnailFit,
  thumbnailUrl,
} from "@streamkit/core/urls";
import { aspectRatioOf } from "../player/aspect";
import { defaultThumbnailTime } from "./defaultTime";

/** Why a thumbnail shows a placeholder instead of an image. */
export type ThumbnailBlock =
  /** No `StreamProvider` delivery config (`customerCode` or `deliveryOrigin`). */
  | "no-delivery"
  /** Neither a uid, a video nor a token. */
  | "no-id"
  /** The video needs signed URLs and no token was given: a uid URL would be refused. */
  | "signed"
  /**
   * The video has no frames yet (waiting, downloading, queued, processing with no duration
   * known) or never will (error).
   */
  | "no-frames"
  /** The id or a parameter is not valid; the URL builder said so. */
  | "invalid";

export interface ThumbnailInput {
  id: string | undefined;
  video: Video | undefined;
  token: string | undefined;
  delivery: DeliveryConfig | undefined;
  time: number | string | undefined;
  width: number;
  height: number;
  fit: ThumbnailFit | undefined;
}

export type ThumbnailSources =
  | { still: string; stillSet: string; animated: string; animatedSet: string; block?: undefined }
  | { block: ThumbnailBlock };

const MAX_PIXELS = 4096;
const NO_FRAMES = new Set(["awaiting-upload", "downloading", "queued", "error"]);

/**
 * The CSS size of a thumbnail: both sides as given; one side, the other from the video's aspect
 * ratio (16/9 when unknown); neither, 320 pixels wide.
 */
export function thumbnailSize(
  width: number | undefined,
  height: number | undefined,
  video: Video | undefined,
): { width: number; height: number } {
  const aspect = aspectRatioOf(undefined, video);
  if (width && height) return { width, height };
  if (height) return { width: Math.round(height * aspect), height };
  const w = width || 320;
  return { width: w, height: Math.round(w / aspect) };
}

/** URLs of the still and animated thumbnail at 1x and 2x, or why there is nothing to load. */
export function thumbnailSources(input: ThumbnailInput): ThumbnailSources {
  const { id, video, token, delivery } = input;
  if (!delivery) return { block: "no-delivery" };
  if (!id) return { block: "no-id" };
  if (video?.requireSignedURLs && !token) return { block: "signed" };
  // Still encoding with no duration yet (Stream says -1): no frame is cut, the thumbnail is a 404.
  if (
    video &&
    (NO_FRAMES.has(videoPhase(video)) ||
      (videoPhase(video) === "processing" && !((video.duration ?? 0) > 0)))
  )
    return { block: "no-frames" };
  const at = (scale: number) => ({
    time: input.time ?? defaultThumbnailTime(video),
    fit: input.fit,
    width: Math.min(MAX_PIXELS, Math.round(input.width * scale)),
    height: Math.min(MAX_PIXELS, Math.round(input.height * scale)),
  });
  try {
    const still = thumbnailUrl(id, delivery, at(1));
    const animated = animatedThumbnailUrl(id, delivery, at(1));
    return {
      still,
      stillSet: `${still} 1x, ${thumbnailUrl(id, delivery, at(2))} 2x`,
      animated,
      animatedSet: `${animated} 1x, ${animatedThumbnailUrl(id, delivery, at(2))} 2x`,
    };
  } catch {
    // A StreamValidationError (bad id, time or size): show the placeholder, never crash a list.
    return { block: "invalid" };
  }
}
