import type { CaptionStatus } from "@streamkit/core/captions";

/** Texts of `CaptionsPanel` (`messages.captions`). */
export interface CaptionsMessages {
  heading: string;
  /** Accessible name of the list of captions. */
  list: string;
  empty: string;
  status: Record<CaptionStatus, string>;
  /** The name of a language the API can generate, for the generate `<select>`. */
  languageName: (code: string) => string;
  uploadLegend: string;
  languageLabel: string;
  languageHelp: string;
  fileLabel: string;
  upload: string;
  uploading: string;
  invalidLanguage: string;
  noFile: string;
  /** The file is not usable WebVTT; `detail` says why (English, from core's check). */
  invalidFile: (detail: string) => string;
  uploaded: (label: string) => string;
  generateLegend: string;
  generateLanguage: string;
  /** Beside a language that already has captions (it cannot be generated again). */
  exists: (name: string) => string;
  generate: string;
  generating: string;
  notReady: string;
  /** In place of the forms when the video failed to process: nothing can be added to it. */
  unavailable: string;
  started: (label: string) => string;
  ready: (label: string) => string;
  failed: (label: string) => string;
  delete: string;
  deleteCaption: (label: string) => string;
  confirmDelete: (label: string) => string;
  confirm: string;
  cancel: string;
  deleted: (label: string) => string;
  /** The button that opens a ready caption's text. */
  preview: string;
  previewCaption: (label: string) => string;
  /** Name of the preview region. */
  previewHeading: (label: string) => string;
  previewClose: string;
  previewEmpty: string;
  /** Under the first cues: how many more the file has. */
  previewMore: (count: number) => string;
}

/** Texts of `DownloadsPanel` (`messages.downloads`). */
export interface DownloadsMessages {
  heading: string;
  none: string;
  create: string;
  creating: string;
  notReady: string;
  /** In place of the actions when the video failed to process. */
  unavailable: string;
  /** Label of the progress bar while the MP4 is being made. */
  preparing: string;
  started: string;
  ready: string;
  failed: string;
  retry: string;
  download: string;
  /** A private video without a `token` that allows downloads. */
  needsToken: string;
  delete: string;
  confirmDelete: string;
  confirm: string;
  cancel: string;
  deleted: string;
  /** The M4A (audio only) download, beside the MP4. */
  audio: {
    heading: string;
    none: string;
    notReady: string;
    create: string;
    creating: string;
    preparing: string;
    started: string;
    ready: string;
    failed: string;
    retry: string;
    download: string;
    delete: string;
    confirmDelete: string;
    deleted: string;
  };
}

let names: Intl.DisplayNames | undefined;

export const captionsMessages: CaptionsMessages = {
  heading: "Captions",
  list: "Caption tracks",
  empty: "No captions yet.",
  status: { ready: "Ready", inprogress: "Generating…", error: "Failed" },
  // English names whatever the runtime's locale, so server and browser render the same text.
  languageName: (code) => {
    names ??= new Intl.DisplayNames(["en"], { type: "language" });
    return names.of(code) ?? code;
  },
  uploadLegend: "Upload a WebVTT file",
  languageLabel: "Language",
  languageHelp: "A language tag such as en, de or pt-BR. An upload replaces that language.",
  fileLabel: "Caption file (.vtt)",
  upload: "Upload captions",
  uploading: "Uploading…",
  invalidLanguage: "Enter a language tag such as en, de or pt-BR.",
  noFile: "Choose a WebVTT (.vtt) file.",
  invalidFile: (detail) => `This file cannot be used: ${detail}.`,
  uploaded: (label) => `${label} captions uploaded.`,
  generateLegend: "Generate captions from speech",
  generateLanguage: "Spoken language",
  exists: (name) => `${name} (has captions)`,
  generate: "Generate captions",
  generating: "Starting…",
  notReady: "Captions can be generated once the video is ready.",
  unavailable: "This video could not be processed.",
  started: (label) => `Generating ${label} captions.`,
  ready: (label) => `${label} captions are ready.`,
  failed: (label) => `${label} captions could not be generated.`,
  delete: "Delete",
  deleteCaption: (label) => `Delete ${label} captions`,
  confirmDelete: (label) => `Delete the ${label} captions?`,
  confirm: "Delete",
  cancel: "Cancel",
  deleted: (label) => `${label} captions deleted.`,
  preview: "Preview",
  previewCaption: (label) => `Preview ${label} captions`,
  previewHeading: (label) => `${label} captions, first lines`,
  previewClose: "Close preview",
  previewEmpty: "This caption file has no cues yet.",
  previewMore: (count) => `…and ${count} more ${count === 1 ? "cue" : "cues"}.`,
};

export const downloadsMessages: DownloadsMessages = {
  heading: "Download",
  none: "No MP4 file has been made for this video yet.",
  create: "Make an MP4 download",
  creating: "Starting…",
  notReady: "A download can be made once the video is ready.",
  unavailable: "This video could not be processed.",
  preparing: "Making the MP4",
  started: "Making the MP4 download.",
  ready: "The MP4 download is ready.",
  failed: "The MP4 could not be made.",
  retry: "Try again",
  download: "Download MP4",
  needsToken:
    "This video is private: its download link needs a signed token that allows downloads.",
  delete: "Delete download",
  confirmDelete: "Delete the MP4 download?",
  confirm: "Delete",
  cancel: "Cancel",
  deleted: "The MP4 download was deleted.",
  audio: {
    heading: "Audio only (M4A)",
    none: "No M4A file has been made for this video yet.",
    notReady: "An M4A can be made once the video is ready.",
    create: "Make an M4A download",
    creating: "Starting…",
    preparing: "Making the M4A",
    started: "Making the M4A download.",
    ready: "The M4A download is ready.",
    failed: "The M4A could not be made.",
    retry: "Try the M4A again",
    download: "Download M4A",
    delete: "Delete audio download",
    confirmDelete: "Delete the M4A download?",
    deleted: "The M4A download was deleted.",
  },
};
