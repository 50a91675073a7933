// The in-memory Stream model and its browser-safe adapters (msw handlers, a fetch function, the
// stories' backend). Node-only helpers live at `/stack` and `/upstream`, test-runner ones at `/vitest`.
export { fail, notFound, ok } from "./envelope";
export type { Failure, Recorded } from "./failures";
export { makeUid, mockUid } from "./ids";
export { inState, type MockVideo, snapshot } from "./lifecycle";
export { captionLabel, languageLabel } from "./media";
export { StreamModel } from "./model";
export { type Answering, mswHandlers } from "./msw";
export { audioNow, startAudioTrack } from "./routes/audio";
export {
  LIVE_RTMPS_URL,
  LIVE_SRT_URL,
  liveCredentials,
  liveInputSummary,
  makeLiveInput,
} from "./routes/live";
export { makeWatermark } from "./routes/watermarks";
export type { ModelOptions, TusRecord, UploadFailure, UploadLink } from "./state";
export {
  MOCK_BASE,
  MOCK_DELIVERY,
  MOCK_UPLOAD,
  type MockBackendOptions,
  type MockCaptionSeed,
  type MockLiveInputSeed,
  type MockMediaSeed,
  mockBackend,
  SAMPLE_WATERMARKS,
  SEEDED_LIVE_INPUT,
  StoryModel,
  storyBase,
} from "./storybook";
export { thumbnailSvg } from "./thumbnails";
export { BASE, DELIVERY, makeVideo } from "./video";
