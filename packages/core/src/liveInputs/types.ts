import type { components } from "../generated/stream-api";

type Schemas = components["schemas"];

/** Cloudflare's connection status of a live input; `null` before any broadcast. */
export type LiveInputStatus = Schemas["stream_live_input_status"];
/** What happens to a broadcast: `mode` `off` keeps nothing, `automatic` records it as a video. */
export type LiveInputRecording = Schemas["stream_live_input_recording_settings"];

/** Where a broadcaster sends the stream, and with what secret. */
export type LiveInputRtmps = Schemas["stream_input_rtmps"];
export type LiveInputSrt = Schemas["stream_input_srt"];
export type LiveInputWebRtc = Schemas["stream_input_webrtc"];

/**
 * A live input as `GET /stream/live_inputs/{uid}` answers it, credentials included: treat
 * `rtmps.streamKey`, `srt.passphrase` and the playback keys as secrets (the proxy hands them only
 * to the input's owner). `uid` is always there.
 */
export type LiveInput = Omit<Schemas["stream_live_input"], "uid" | "deleteRecordingAfterDays"> & {
  uid: string;
  /** `null` when recordings are kept. */
  deleteRecordingAfterDays?: number | null;
};

/** An entry of `GET /stream/live_inputs`: no credentials and no status (get the input for those). */
export type LiveInputSummary = Omit<
  Schemas["stream_live_input_object_without_url"],
  "uid" | "deleteRecordingAfterDays"
> & { uid: string; deleteRecordingAfterDays?: number | null };

/** The list's `result`: one window of the account's inputs. */
export interface LiveInputList {
  liveInputs: LiveInputSummary[];
  /** Inputs left after this window. */
  range: number;
  /** Inputs matching; present with `include_counts`. */
  total?: number;
}

/** `POST` and `PUT /stream/live_inputs[/{uid}]`: every field optional. */
export interface LiveInputRequest {
  meta?: Record<string, unknown>;
  /** The `creator` its recordings get. Behind a scoped proxy, the caller's, always. */
  defaultCreator?: string;
  /** Default true; a disabled input refuses broadcasts. */
  enabled?: boolean;
  /** 30..1096, or `null` to keep recordings. */
  deleteRecordingAfterDays?: number | null;
  /** Low-latency HLS (beta); needs `recording.mode` `automatic`. */
  preferLowLatency?: boolean;
  recording?: LiveInputRecording;
}

/** A simulcast target: the broadcast is forwarded to `url` with `streamKey` while `enabled`. */
export type LiveOutput = Omit<Schemas["stream_output"], "uid"> & { uid: string };

export interface CreateLiveOutputRequest {
  /** `rtmp://`, `rtmps://` or `srt://`. */
  url: string;
  streamKey: string;
  /** Default true. */
  enabled?: boolean;
}
