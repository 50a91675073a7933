import { formatBytes } from "@streamkit/core/upload";

/**
 * Texts of `UploadDropzone` (`messages.dropzone`). They live beside the component, on the
 * `@streamkit/ui/upload` side, so pages without the dropzone do not carry them.
 */
export interface DropzoneMessages {
  /** Accessible name of the drop area. */
  area: string;
  /** Before the file button, where files can be dragged (a mouse or trackpad). */
  prompt: string;
  /** Before the file button on a touch screen (`pointer: coarse`), where nothing is dragged. */
  promptTouch: string;
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
}

export const dropzoneMessages: DropzoneMessages = {
  area: "Upload videos",
  prompt: "Drag and drop videos here, or",
  promptTouch: "Add videos from this device:",
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
};
