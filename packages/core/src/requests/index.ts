/**
 * `@streamkit/core/requests`: the accepted fields and value checks of each Stream operation,
 * defined once for the client, the proxy, the upload engine and the emulator's limits. The main
 * entry re-exports the checks the client runs; the field lists live here, off every page's bundle.
 */
export { UpstreamErrorCode } from "../errors";
export {
  AUDIO_COPY_FIELDS,
  AUDIO_EDIT_FIELDS,
  CLIP_FIELDS,
  COPY_FIELDS,
  DIRECT_UPLOAD_FIELDS,
  onlyFields,
  UPDATE_FIELDS,
  UPLOAD_SETTINGS_FIELDS,
  WATERMARK_FIELDS,
} from "./fields";
export {
  MAX_CREATOR_LENGTH,
  MAX_DURATION_SECONDS,
  MAX_LIST_LIMIT,
  PUBLIC_DETAILS_FIELDS,
  VIDEO_STATES,
  VIDEO_TYPES,
} from "./limits";
export { listQuery } from "./list";
export {
  checkLiveInputRequest,
  checkLiveOutputRequest,
  checkLiveOutputUpdate,
  LIVE_INPUT_FIELDS,
  LIVE_OUTPUT_FIELDS,
  LIVE_RECORDING_FIELDS,
  LIVE_RECORDING_MODES,
  MAX_RECORDING_DAYS,
  MAX_RECORDING_TIMEOUT_SECONDS,
  MIN_RECORDING_DAYS,
} from "./liveInputs";
export {
  checkAudioCopyRequest,
  checkAudioEditRequest,
  checkAudioLabel,
  checkClipRequest,
  checkWatermarkRequest,
  MAX_AUDIO_LABEL_LENGTH,
  MAX_AUDIO_TRACK_BYTES,
  MAX_WATERMARK_BYTES,
  MAX_WATERMARK_NAME_LENGTH,
  WATERMARK_POSITIONS,
  type WatermarkPosition,
} from "./media";
export {
  checkCopyRequest,
  checkDirectUploadRequest,
  checkSignedTokenRequest,
  checkUpdateRequest,
} from "./operations";
export { checkUploadSettings, type UploadSettings } from "./uploadSettings";
