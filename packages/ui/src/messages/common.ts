import type { VideoPhase } from "@streamkit/core";

/** Texts several components share; top-level keys of `StreamMessages`. */
export interface CommonMessages {
  phase: Record<VideoPhase, string>;
  /** Accessible name of a status badge, e.g. "Video status: processing, 40%". */
  statusLabel: (phase: string, percent: number | undefined) => string;
  percent: (value: number) => string;
  loading: string;
  retry: string;
  /**
   * Shown when a request failed; `detail` is `describeError(error)` (exported here): the
   * reason in words, without statuses or codes (those stay on the error for developers).
   */
  requestFailed: (detail: string) => string;
}

export const commonMessages: CommonMessages = {
  phase: {
    "awaiting-upload": "Waiting for upload",
    downloading: "Downloading",
    queued: "Queued",
    processing: "Processing",
    ready: "Ready",
    error: "Failed",
    live: "Live",
  },
  statusLabel: (phase, percent) =>
    `Video status: ${phase}${percent === undefined ? "" : `, ${percent}%`}`,
  percent: (value) => `${value}%`,
  loading: "Loading…",
  retry: "Try again",
  requestFailed: (detail) => `Something went wrong. ${detail}`,
};
