import type { LiveInput, LiveInputSummary, LiveOutput } from "@streamkit/core/live-inputs";
import type { LiveInputRecord, LiveOutputRecord } from "./records";

/** Where broadcasters and players reach the emulator's live service. */
export interface IngestUrls {
  /** `rtmp://host:port/live/` (RTMP stands in for RTMPS locally: no certificate to trust). */
  rtmp: string;
  /** `srt://host:port`. */
  srt: string;
  /** The emulator's HTTP origin, for the WebRTC URLs. */
  origin: string;
}

/** An input as `GET /live_inputs/{uid}` answers it: settings, status, credentials. */
export function liveInputView(record: LiveInputRecord, urls: IngestUrls): LiveInput {
  const { secrets } = record;
  const view: LiveInput = {
    uid: record.uid,
    created: record.created,
    modified: record.modified,
    meta: record.meta,
    enabled: record.enabled,
    deleteRecordingAfterDays: record.deleteRecordingAfterDays,
    preferLowLatency: record.preferLowLatency,
    recording: { ...record.recording, allowedOrigins: record.recording.allowedOrigins ?? [] },
    status: record.status,
    rtmps: { url: urls.rtmp, streamKey: secrets.streamKey },
    rtmpsPlayback: { url: urls.rtmp, streamKey: secrets.playbackKey },
    srt: { url: urls.srt, streamId: secrets.srtStreamId, passphrase: secrets.srtPassphrase },
    srtPlayback: {
      url: urls.srt,
      streamId: secrets.srtPlaybackStreamId,
      passphrase: secrets.srtPlaybackPassphrase,
    },
    webRTC: { url: `${urls.origin}/${secrets.webRtcKey}/webRTC/publish` },
    webRTCPlayback: { url: `${urls.origin}/${record.uid}/webRTC/play` },
  };
  if (record.keysRotatedAt) view.keysRotatedAt = record.keysRotatedAt;
  return view;
}

/** A list entry: no credentials, no status (Stream's list has neither). */
export function liveInputSummary(record: LiveInputRecord): LiveInputSummary {
  return {
    uid: record.uid,
    created: record.created,
    modified: record.modified,
    meta: record.meta,
    enabled: record.enabled,
    deleteRecordingAfterDays: record.deleteRecordingAfterDays,
  };
}

export const liveOutputView = (output: LiveOutputRecord): LiveOutput => ({ ...output });
