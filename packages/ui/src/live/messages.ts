import type { LiveInputPhase } from "@streamkit/core/live-inputs";

/** Texts of `LiveStatusBadge` (`messages.live.status`); the panel and player show its phases too. */
export interface LiveStatusMessages {
  phase: Record<LiveInputPhase, string>;
  /** Accessible name of the badge, e.g. "Broadcast status: Live". */
  statusLabel: (phase: string) => string;
}

/** Texts of a Copy button (shared by the panel's credentials and its ffmpeg command). */
export interface CopyMessages {
  copy: string;
  /** Accessible name of a Copy button, e.g. "Copy Stream key". */
  copyLabel: (name: string) => string;
  /** Shown beside the button once the text is on the clipboard. */
  copied: string;
  /** The browser refused the clipboard (no permission, an insecure page, no clipboard at all). */
  copyFailed: string;
}

/** Texts of a masked secret and its Reveal toggle. */
export interface SecretMessages {
  /** The toggle's visible text; it stays the same, `aria-pressed` says whether it is shown. */
  reveal: string;
  revealLabel: (name: string) => string;
  /** Read out in place of a masked secret. */
  hidden: string;
}

/** Texts of `LiveInputPanel` (`messages.live.panel`). */
export interface LiveInputPanelMessages extends CopyMessages, SecretMessages {
  heading: string;
  /** The heading over the ingest URLs and keys. */
  credentials: string;
  rtmpsUrl: string;
  streamKey: string;
  srtUrl: string;
  srtStreamId: string;
  srtPassphrase: string;
  webRtcUrl: string;
  enabled: string;
  enabledHelp: string;
  nowEnabled: string;
  nowDisabled: string;
  rotate: string;
  confirmRotate: string;
  confirmRotateLabel: string;
  cancel: string;
  rotated: string;
  recordingLegend: string;
  mode: string;
  modeAutomatic: string;
  modeOff: string;
  timeout: string;
  timeoutHelp: string;
  invalidTimeout: (max: number) => string;
  requireSignedURLs: string;
  deleteAfter: string;
  deleteAfterHelp: (min: number, max: number) => string;
  invalidDeleteAfter: (min: number, max: number) => string;
  save: string;
  saving: string;
  saved: string;
  unchanged: string;
  /** A refused save: the input's settings went back to what they were. */
  saveFailed: (detail: string) => string;
  ffmpegHeading: string;
  ffmpegHelp: string;
  ffmpegCommand: string;
  notFound: string;
}

/** Texts of `LiveOutputsEditor` (`messages.live.outputs`). */
export interface LiveOutputsMessages extends SecretMessages {
  heading: string;
  list: string;
  empty: string;
  streamKey: string;
  /** Names an output's key for its Reveal toggle: "Reveal stream key of rtmps://…". */
  keyOf: (url: string) => string;
  enabled: string;
  enabledLabel: (url: string) => string;
  nowEnabled: (url: string) => string;
  nowDisabled: (url: string) => string;
  delete: string;
  deleteOutput: (url: string) => string;
  confirmDelete: (url: string) => string;
  confirm: string;
  cancel: string;
  deleted: (url: string) => string;
  addLegend: string;
  urlLabel: string;
  urlHelp: string;
  streamKeyLabel: string;
  invalidUrl: string;
  noStreamKey: string;
  add: string;
  adding: string;
  added: (url: string) => string;
  notFound: string;
}

/** Texts of `LivePlayer` (`messages.live.player`). */
export interface LivePlayerMessages {
  /** Accessible name of the live iframe when no `title` is given. */
  title: string;
  /** The on-air mark over the player (drawn in capitals). */
  onAir: string;
  waiting: string;
  waitingHelp: string;
  disabled: string;
  connecting: string;
  /** Announced when the broadcast comes on (the on-air mark shows it). */
  started: string;
  reconnecting: string;
  ended: string;
  watchRecording: string;
  findingRecording: string;
  noRecording: string;
  errored: string;
  erroredHelp: string;
  notFound: string;
}

/**
 * Every text of `@streamkit/ui/live`, one group per component. Replace any of them with
 * `<StreamMessagesProvider messages={{ live: { player: { waiting: "…" } } }}>` or a component's
 * `messages` prop. The defaults live on this subpath, not in `defaultMessages`, so the main
 * entry does not carry them.
 */
export interface LiveMessages {
  status: LiveStatusMessages;
  panel: LiveInputPanelMessages;
  outputs: LiveOutputsMessages;
  player: LivePlayerMessages;
}

const secretTexts: SecretMessages = {
  reveal: "Reveal",
  revealLabel: (name) => `Reveal ${name}`,
  hidden: "hidden",
};

export const defaultLiveMessages: LiveMessages = {
  status: {
    phase: {
      idle: "Waiting",
      connecting: "Connecting",
      live: "Live",
      reconnecting: "Reconnecting",
      ended: "Ended",
      errored: "Failed to connect",
    },
    statusLabel: (phase) => `Broadcast status: ${phase}`,
  },
  panel: {
    ...secretTexts,
    heading: "Live input",
    credentials: "Where to send the broadcast",
    rtmpsUrl: "RTMPS URL",
    streamKey: "Stream key",
    srtUrl: "SRT URL",
    srtStreamId: "SRT stream ID",
    srtPassphrase: "SRT passphrase",
    webRtcUrl: "WebRTC (WHIP) URL",
    copy: "Copy",
    copyLabel: (name) => `Copy ${name}`,
    copied: "Copied",
    copyFailed: "The browser did not allow copying. Select the text and copy it yourself.",
    enabled: "Accept broadcasts",
    enabledHelp: "When off, Stream refuses broadcasts to this input and ends the one under way.",
    nowEnabled: "The input accepts broadcasts.",
    nowDisabled: "The input refuses broadcasts.",
    rotate: "Rotate keys",
    confirmRotate:
      "Replace the keys? A broadcast on the current ones is cut off, and your encoder needs the new ones.",
    confirmRotateLabel: "Rotate",
    cancel: "Cancel",
    rotated: "New keys are in place. Give them to your encoder.",
    recordingLegend: "Recording",
    mode: "Record broadcasts",
    modeAutomatic: "Automatically, as a video",
    modeOff: "Off",
    timeout: "Wait for a dropped broadcaster (seconds)",
    timeoutHelp: "How long a recording waits for the broadcaster to come back; 0 uses Stream's.",
    invalidTimeout: (max) => `Enter whole seconds from 0 to ${max}.`,
    requireSignedURLs: "Recordings need signed URLs (private)",
    deleteAfter: "Delete recordings after (days)",
    deleteAfterHelp: (min, max) => `From ${min} to ${max} days. Empty keeps them.`,
    invalidDeleteAfter: (min, max) =>
      `Enter whole days from ${min} to ${max}, or leave it empty to keep recordings.`,
    save: "Save recording settings",
    saving: "Saving…",
    saved: "Recording settings saved.",
    unchanged: "Nothing to save.",
    saveFailed: (detail) => `Not saved: ${detail} The input keeps its previous settings.`,
    ffmpegHeading: "Test with ffmpeg",
    ffmpegHelp: "Sends a test picture and tone to this input over RTMPS.",
    ffmpegCommand: "ffmpeg command",
    notFound: "This live input does not exist (any more).",
  },
  outputs: {
    ...secretTexts,
    heading: "Simulcast outputs",
    list: "Simulcast outputs",
    empty: "No outputs yet. Add one to restream this input to another service.",
    streamKey: "Stream key",
    keyOf: (url) => `stream key of ${url}`,
    enabled: "Forward",
    enabledLabel: (url) => `Forward to ${url}`,
    nowEnabled: (url) => `Forwarding to ${url}.`,
    nowDisabled: (url) => `No longer forwarding to ${url}.`,
    delete: "Delete",
    deleteOutput: (url) => `Delete output ${url}`,
    confirmDelete: (url) => `Stop restreaming to ${url} and delete it?`,
    confirm: "Delete",
    cancel: "Cancel",
    deleted: (url) => `Output ${url} deleted.`,
    addLegend: "Add an output",
    urlLabel: "URL",
    urlHelp: "The rtmp://, rtmps:// or srt:// address the service gives you.",
    streamKeyLabel: "Stream key",
    invalidUrl: "Enter an rtmp://, rtmps:// or srt:// URL.",
    noStreamKey: "Enter the stream key the service gives you.",
    add: "Add output",
    adding: "Adding…",
    added: (url) => `Output ${url} added.`,
    notFound: "This live input does not exist (any more).",
  },
  player: {
    title: "Live broadcast",
    onAir: "Live",
    waiting: "Waiting for the broadcast",
    waitingHelp: "It plays here as soon as it starts.",
    disabled: "This input does not accept broadcasts at the moment.",
    connecting: "The broadcast is starting…",
    started: "The broadcast is live.",
    reconnecting: "The broadcaster lost its connection. Reconnecting…",
    ended: "The broadcast has ended.",
    watchRecording: "Watch the recording",
    findingRecording: "Looking for its recording…",
    noRecording: "No recording of it is available.",
    errored: "The broadcast could not connect.",
    erroredHelp: "It plays here once the broadcaster connects again.",
    notFound: "This live input does not exist (any more).",
  },
};
