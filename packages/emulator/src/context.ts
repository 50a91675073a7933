import type { AccountStore } from "./account";
import type { FaultController } from "./faults";
import type { LiveService } from "./live/service";
import type { ResolvedOptions } from "./options";
import type { FfmpegTools } from "./processing/ffmpeg";
import type { Pipeline } from "./processing/pipeline";
import type { JobQueue } from "./processing/queue";
import type { Thumbnails } from "./processing/thumbnails";
import type { Samples } from "./samples";
import type { VideoStore } from "./store";
import type { WatermarkStore } from "./watermarks/store";
import type { Webhooks } from "./webhooks";

/** The emulator's services, shared by the routes; built once by `startEmulator`. */
export interface EmulatorContext {
  options: ResolvedOptions;
  store: VideoStore;
  account: AccountStore;
  watermarks: WatermarkStore;
  /** Live inputs and the live service around them. */
  live: LiveService;
  /** `undefined` in degraded mode (no ffmpeg). */
  tools: FfmpegTools | undefined;
  queue: JobQueue;
  pipeline: Pipeline;
  thumbnails: Thumbnails;
  webhooks: Webhooks;
  samples: Samples;
  /** Fault injection rules and counts (`/__emulator/faults`). */
  faults: FaultController;
  /** The public origin, e.g. `http://127.0.0.1:8787`; known once the server listens. */
  origin(): string;
  /** Aborted by `stop()`: long work (downloads, ffmpeg, retries) winds down on it. */
  shutdown: AbortSignal;
  log(line: string): void;
}
