import type { Video, VideoState } from "@streamkit/core";
import { uidCount } from "./ids";

/** Where the jsdom tests mount the proxy contract (msw answers it). */
export const BASE = "http://app.test/api/stream";
/** The delivery origin the dashboard tests give the provider. */
export const DELIVERY = "https://delivery.app.test";

/**
 * A video as the API returns it. A ready one lasts 10 s: a test that shows or computes with the
 * duration passes its own in `extra`.
 */
export function makeVideo(
  uid: string,
  state: VideoState = "inprogress",
  pct = "10.000000",
  extra: Partial<Video> = {},
): Video {
  const at = new Date(Date.UTC(2026, 0, 1, 0, 0, uidCount())).toISOString();
  return {
    uid,
    created: at,
    modified: at,
    meta: { name: `Video ${uid.slice(-4)}` },
    status: {
      state,
      pctComplete: pct,
      errorReasonCode: state === "error" ? "ERR_NON_VIDEO" : "",
      errorReasonText: "",
    },
    readyToStream: state === "ready",
    duration: state === "ready" ? 10 : -1,
    input: { width: 1280, height: 720 },
    requireSignedURLs: false,
    allowedOrigins: [],
    scheduledDeletion: null,
    thumbnailTimestampPct: 0,
    ...extra,
  };
}

/** The status of a video that has a record but no bytes yet (a direct upload or tus target). */
export const PENDING_UPLOAD = {
  state: "pendingupload",
  pctComplete: "0",
  errorReasonCode: "",
  errorReasonText: "",
} as const;
