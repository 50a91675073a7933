"use client";

/**
 * `@streamkit/ui/captions`: the captions and downloads panels, with their texts. A subpath of
 * its own, like `@streamkit/hooks/captions` underneath it, so apps that do not manage captions
 * or MP4 downloads do not carry them.
 */
export { CaptionsPanel, type CaptionsPanelProps } from "./CaptionsPanel";
export { DownloadsPanel, type DownloadsPanelProps } from "./DownloadsPanel";
export type { CaptionsMessages, DownloadsMessages } from "./media/messages";
