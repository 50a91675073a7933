import type { LiveInputStatus } from "@streamkit/core/live-inputs";

/** What a live input keeps on disk: its settings, its secrets and its simulcast targets. */
export interface LiveInputRecord {
  uid: string;
  created: string;
  modified: string;
  meta: Record<string, unknown>;
  /** Not echoed by the API; stamped on the input's recordings as their `creator`. */
  defaultCreator: string | null;
  enabled: boolean;
  deleteRecordingAfterDays: number | null;
  preferLowLatency: boolean;
  recording: RecordingSettings;
  status: LiveInputStatus;
  /** Omitted from answers until the first rotation, as on Stream. */
  keysRotatedAt?: string;
  secrets: LiveSecrets;
  outputs: LiveOutputRecord[];
}

export interface RecordingSettings {
  mode: "off" | "automatic";
  timeoutSeconds: number;
  requireSignedURLs: boolean;
  allowedOrigins: string[] | null;
  hideLiveViewerCount: boolean;
}

/** Everything `rotate_keys` replaces. */
export interface LiveSecrets {
  /** The RTMP(S) key a broadcaster pushes with. */
  streamKey: string;
  /** The key to pull the broadcast back over RTMP(S). */
  playbackKey: string;
  srtStreamId: string;
  srtPassphrase: string;
  srtPlaybackStreamId: string;
  srtPlaybackPassphrase: string;
  /** The path segment of the WebRTC (WHIP) publish URL. */
  webRtcKey: string;
}

export interface LiveOutputRecord {
  uid: string;
  url: string;
  streamKey: string;
  enabled: boolean;
}
