import type { VideoPhase } from "@streamkit/core";
import { formatBytes } from "@streamkit/core/upload";
import { createContext, type ReactNode, useContext, useMemo } from "react";
import {
  type CaptionsMessages,
  captionsMessages,
  type DownloadsMessages,
  downloadsMessages,
} from "./media/messages";

/**
 * Every text the components show or announce, in one object an app can replace in part
 * (`<StreamMessagesProvider messages={{ phase: { ready: "Prêt" } }}>`). English by default.
 */
export interface StreamMessages {
  phase: Record<VideoPhase, string>;
  /** Accessible name of a status badge, e.g. "Video status: processing, 40%". */
  statusLabel: (phase: string, percent: number | undefined) => string;
  percent: (value: number) => string;
  loading: string;
  retry: string;
  /** Shown when a request failed; `detail` is the error's message. */
  requestFailed: (detail: string) => string;
  player: {
    /** Accessible name of the iframe when no `title` is given. */
    title: string;
    /** Label of the button that loads the player with `loading="click"`. */
    play: (name: string | undefined) => string;
    processing: string;
    failed: (reason: string) => string;
    /** Why a private video does not play when fresh signed tokens keep being refused. */
    tokenRefused: string;
  };
  upload: {
    urlLabel: string;
    urlPlaceholder: string;
    nameLabel: string;
    submit: string;
    submitting: string;
    invalidUrl: string;
    started: (name: string) => string;
    ready: (name: string) => string;
    /** Accessible name of the list of this form's uploads. */
    uploads: string;
  };
  /** `UploadDropzone`: file uploads from the user's disk. */
  dropzone: {
    /** Accessible name of the drop area. */
    area: string;
    prompt: string;
    /** Label of the file button (a real `<input type=file>`). */
    choose: (multiple: boolean) => string;
    /** Shown while files are dragged over the area. */
    dropHere: string;
    /** The limits, e.g. "Up to 2 GB and 10:00 each." Parts are undefined when there is no limit. */
    limits: (maxSize: string | undefined, maxDuration: string | undefined) => string;
    /** Accessible name of the list of uploads. */
    uploads: string;
    state: {
      queued: string;
      validating: string;
      uploading: string;
      paused: string;
      processing: string;
      ready: string;
      error: string;
      cancelled: string;
    };
    /** Accessible name of a row's progress bar. */
    progress: (name: string) => string;
    /** Visible button texts; their accessible names below add the file's name. */
    buttons: { pause: string; resume: string; cancel: string; retry: string; remove: string };
    pause: (name: string) => string;
    resume: (name: string) => string;
    cancel: (name: string) => string;
    retry: (name: string) => string;
    /** Takes a finished, failed or refused file off the list (nothing is deleted). */
    remove: (name: string) => string;
    refusedType: string;
    refusedEmpty: string;
    refusedSize: (limit: string) => string;
    refusedDuration: (limit: string) => string;
    /** The detail of an upload or processing failure. */
    failed: (detail: string) => string;
    /** Polite announcements. */
    announceStarted: (name: string) => string;
    announceUploaded: (name: string) => string;
    announceReady: (name: string) => string;
    announceFailed: (name: string, reason: string) => string;
    announceRefused: (name: string, reason: string) => string;
    announceCancelled: (name: string) => string;
    /** A byte count, e.g. "3.2 MB". */
    formatSize: (bytes: number) => string;
  };
  table: {
    caption: string;
    searchLabel: string;
    statusFilterLabel: string;
    allStatuses: string;
    columnName: string;
    columnStatus: string;
    columnDuration: string;
    columnCreated: string;
    columnActions: string;
    selectRow: (name: string) => string;
    selectAll: string;
    delete: string;
    deleteSelected: (count: number) => string;
    confirmDelete: (name: string) => string;
    confirm: string;
    cancel: string;
    loadMore: string;
    empty: string;
    noMatches: string;
    untitled: string;
    /** Accessible name of a row's delete button, e.g. "Delete Cat video". */
    deleteVideo: (name: string) => string;
    confirmDeleteSelected: (count: number) => string;
    /** Announced after a delete request went out. */
    deleted: (count: number) => string;
    /** Shown where a duration or date is not known yet. */
    unknown: string;
    formatDuration: (seconds: number) => string;
    /** `created` of a video (an ISO date-time). Deterministic by default, so server and client agree. */
    formatCreated: (iso: string) => string;
  };
  details: {
    heading: string;
    nameLabel: string;
    metaLabel: string;
    addMeta: string;
    removeMeta: (key: string) => string;
    metaKey: string;
    metaValue: string;
    requireSignedURLs: string;
    allowedOrigins: string;
    allowedOriginsHelp: string;
    scheduledDeletion: string;
    save: string;
    saving: string;
    saved: string;
    delete: string;
    confirmDelete: string;
    confirm: string;
    cancel: string;
    deleting: string;
    notFound: string;
    unchanged: string;
    scheduledDeletionHelp: string;
    /** The lines of allowed origins that are not host names. */
    invalidOrigins: (lines: string[]) => string;
    metaKeyMissing: string;
    metaKeyDuplicate: (key: string) => string;
  };
  thumbnails: {
    heading: string;
    frame: (seconds: number) => string;
    save: string;
    saved: string;
    saving: string;
    /** Accessible name of the group of frames. */
    choose: string;
    /** Alternative text of the large preview of the chosen frame. */
    preview: (seconds: number) => string;
    notReady: string;
    failed: string;
  };
  captions: CaptionsMessages;
  downloads: DownloadsMessages;
}

export const defaultMessages: StreamMessages = {
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
  requestFailed: (detail) => `Something went wrong: ${detail}`,
  player: {
    title: "Video player",
    play: (name) => (name ? `Play ${name}` : "Play video"),
    processing: "This video is still being processed. It will play when it is ready.",
    failed: (reason) => `This video cannot play: ${reason}`,
    tokenRefused:
      "its signed link was refused. Check the signing key and the video's allowed origins.",
  },
  upload: {
    urlLabel: "Video URL",
    urlPlaceholder: "https://example.com/video.mp4",
    nameLabel: "Name (optional)",
    submit: "Upload from URL",
    submitting: "Starting…",
    invalidUrl: "Enter a full http:// or https:// address of a video file.",
    started: (name) => `Upload of ${name} started.`,
    ready: (name) => `${name} is ready.`,
    uploads: "Uploads",
  },
  dropzone: {
    area: "Upload videos",
    prompt: "Drag and drop videos here, or",
    choose: (multiple) => (multiple ? "Choose videos" : "Choose a video"),
    dropHere: "Drop to upload",
    limits: (maxSize, maxDuration) =>
      maxSize && maxDuration
        ? `Up to ${maxSize} and ${maxDuration} each.`
        : maxSize
          ? `Up to ${maxSize} each.`
          : maxDuration
            ? `Up to ${maxDuration} each.`
            : "",
    uploads: "Uploads",
    state: {
      queued: "Waiting",
      validating: "Checking",
      uploading: "Uploading",
      paused: "Paused",
      processing: "Processing",
      ready: "Ready",
      error: "Failed",
      cancelled: "Cancelled",
    },
    progress: (name) => `Upload of ${name}`,
    buttons: {
      pause: "Pause",
      resume: "Resume",
      cancel: "Cancel",
      retry: "Retry",
      remove: "Remove",
    },
    pause: (name) => `Pause ${name}`,
    resume: (name) => `Resume ${name}`,
    cancel: (name) => `Cancel ${name}`,
    retry: (name) => `Retry ${name}`,
    remove: (name) => `Remove ${name} from the list`,
    refusedType: "Not a video file this page accepts.",
    refusedEmpty: "The file is empty.",
    refusedSize: (limit) => `Larger than ${limit}.`,
    refusedDuration: (limit) => `Longer than ${limit}.`,
    failed: (detail) => `Failed: ${detail}`,
    announceStarted: (name) => `Uploading ${name}.`,
    announceUploaded: (name) => `${name} uploaded, now processing.`,
    announceReady: (name) => `${name} is ready.`,
    announceFailed: (name, reason) => `${name} failed. ${reason}`,
    announceRefused: (name, reason) => `${name} was refused. ${reason}`,
    announceCancelled: (name) => `Upload of ${name} cancelled.`,
    formatSize: formatBytes,
  },
  table: {
    caption: "Videos",
    searchLabel: "Search by name",
    statusFilterLabel: "Status",
    allStatuses: "All",
    columnName: "Name",
    columnStatus: "Status",
    columnDuration: "Duration",
    columnCreated: "Created",
    columnActions: "Actions",
    selectRow: (name) => `Select ${name}`,
    selectAll: "Select all",
    delete: "Delete",
    deleteSelected: (count) => `Delete ${count} selected`,
    confirmDelete: (name) => `Delete ${name}? This cannot be undone.`,
    confirm: "Delete",
    cancel: "Cancel",
    loadMore: "Load more",
    empty: "No videos yet.",
    noMatches: "No videos match these filters.",
    untitled: "Untitled video",
    deleteVideo: (name) => `Delete ${name}`,
    confirmDeleteSelected: (count) =>
      `Delete ${count} ${count === 1 ? "video" : "videos"}? This cannot be undone.`,
    deleted: (count) => `Deleted ${count} ${count === 1 ? "video" : "videos"}.`,
    unknown: "—",
    formatDuration: (seconds) => {
      const s = Math.round(seconds);
      const pad = (n: number) => String(n).padStart(2, "0");
      const h = Math.floor(s / 3600);
      const m = Math.floor(s / 60) % 60;
      return h ? `${h}:${pad(m)}:${pad(s % 60)}` : `${m}:${pad(s % 60)}`;
    },
    formatCreated: (iso) => iso.slice(0, 10),
  },
  details: {
    heading: "Details",
    nameLabel: "Name",
    metaLabel: "Metadata",
    addMeta: "Add field",
    removeMeta: (key) => `Remove ${key}`,
    metaKey: "Key",
    metaValue: "Value",
    requireSignedURLs: "Require signed URLs (private video)",
    allowedOrigins: "Allowed origins",
    allowedOriginsHelp: "Host names that may embed the video, one per line; empty allows any.",
    scheduledDeletion: "Delete automatically on",
    save: "Save",
    saving: "Saving…",
    saved: "Saved.",
    delete: "Delete video",
    confirmDelete: "Delete this video? This cannot be undone.",
    confirm: "Delete",
    cancel: "Cancel",
    deleting: "Deleting…",
    notFound: "This video does not exist (any more).",
    unchanged: "Nothing to save.",
    scheduledDeletionHelp:
      "Between 30 days and 3 years from now, at the end of that day (UTC). Empty keeps the video.",
    invalidOrigins: (lines) =>
      `Not a host name: ${lines.join(", ")}. Write example.com or *.example.com, one per line.`,
    metaKeyMissing: "Give this value a key.",
    metaKeyDuplicate: (key) => `The key "${key}" is used twice.`,
  },
  thumbnails: {
    heading: "Thumbnail",
    frame: (seconds) => `Frame at ${seconds.toFixed(1)} seconds`,
    save: "Use this frame",
    saved: "Thumbnail saved.",
    saving: "Saving…",
    choose: "Choose a frame",
    preview: (seconds) => `Chosen frame, at ${seconds.toFixed(1)} seconds`,
    notReady: "Frames can be chosen once the video is ready.",
    failed: "This video could not be processed, so it has no frames to choose from.",
  },
  captions: captionsMessages,
  downloads: downloadsMessages,
};

type DeepPartial<T> = {
  [K in keyof T]?: T[K] extends (...args: never[]) => unknown
    ? T[K]
    : T[K] extends object
      ? DeepPartial<T[K]>
      : T[K];
};
export type StreamMessagesOverrides = DeepPartial<StreamMessages>;

const MessagesContext = createContext<StreamMessages>(defaultMessages);

function merge<T>(base: T, overrides: DeepPartial<T> | undefined): T {
  if (!overrides) return base;
  const out = { ...base } as Record<string, unknown>;
  for (const [key, value] of Object.entries(overrides)) {
    const current = out[key];
    out[key] =
      value && typeof value === "object" && current && typeof current === "object"
        ? merge(current, value as DeepPartial<typeof current>)
        : (value ?? current);
  }
  return out as T;
}

/** Replaces some or all texts for the components below it. */
export function StreamMessagesProvider({
  messages,
  children,
}: {
  messages: StreamMessagesOverrides;
  children?: ReactNode;
}): ReactNode {
  const parent = useContext(MessagesContext);
  const merged = useMemo(() => merge(parent, messages), [parent, messages]);
  return <MessagesContext.Provider value={merged}>{children}</MessagesContext.Provider>;
}

export function useStreamMessages(): StreamMessages {
  return useContext(MessagesContext);
}
