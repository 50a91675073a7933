import type { RequestOptions, StreamClient } from "../client";
import type { components } from "../generated/stream-api";
import { checkClipRequest } from "../requests/media";
import type { Video } from "../types";

/**
 * `POST /stream/clip` (§3.12): a new video cut from a ready one, in whole seconds. The source's
 * `scheduledDeletion` is not inherited; the clip starts `queued` and follows the usual lifecycle.
 */
export type ClipRequest = Omit<
  components["schemas"]["stream_videoClipStandard"],
  "meta" | "input" | "url" | "watermark"
> & {
  meta?: Record<string, unknown>;
  watermark?: { uid: string };
};

export async function createClip(
  client: StreamClient,
  body: ClipRequest,
  options: RequestOptions = {},
): Promise<Video> {
  checkClipRequest(body);
  return (await client.request<Video>("/clip", { ...options, method: "POST", body })).result;
}
