// Node only: the real emulator and proxy on loopback ports, and the files and networks tests
// feed them. Never imported by jsdom-free browser code (stories).
export { fileFromDisk, makeVideoFile, sampleVideo, sha256File, tinyVideo } from "./files";
export { type ProxyInstance, startProxyInstance } from "./instance";
export { multipartFile } from "./multipart";
export { type RunningRedis, startRedis } from "./redis";
export { type Relay, startRelay } from "./relay";
export {
  processedVideo,
  type SeededLibrary,
  type SeedLibraryOptions,
  seedLibrary,
} from "./seed";
export {
  MEDIA_STACK,
  STACK_LIVE_NOTIFICATION_SECRET,
  type Stack,
  type StackOptions,
  startStack,
  UPLOAD_STACK,
} from "./stack";
