/**
 * `@streamkit/core/live-inputs`: Stream Live's inputs, outputs (simulcast) and recordings
 * (§3.16) over the proxy contract, each request checked before it is sent, and the connection
 * status as a phase. A subpath of its own: only apps with live video load it.
 */
export {
  LIVE_RECORDING_MODES,
  MAX_RECORDING_DAYS,
  MIN_RECORDING_DAYS,
} from "../requests/liveInputs";
export {
  createLiveInput,
  createLiveOutput,
  deleteLiveInput,
  deleteLiveOutput,
  disableLiveInput,
  enableLiveInput,
  getLiveInput,
  listLiveInputs,
  listLiveOutputs,
  listLiveRecordings,
  rotateLiveInputKeys,
  updateLiveInput,
  updateLiveOutput,
} from "./api";
export { isOnAir, type LiveInputPhase, liveInputPhase } from "./phase";
export type {
  CreateLiveOutputRequest,
  LiveInput,
  LiveInputList,
  LiveInputRecording,
  LiveInputRequest,
  LiveInputRtmps,
  LiveInputSrt,
  LiveInputStatus,
  LiveInputSummary,
  LiveInputWebRtc,
  LiveOutput,
} from "./types";
