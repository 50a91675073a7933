import { copyFile, rm, stat } from "node:fs/promises";
import path from "node:path";
import type { LiveInputStatus } from "@streamkit/core/live-inputs";
import type { ResolvedOptions } from "../options";
import type { FfmpegTools } from "../processing/ffmpeg";
import { type Pipeline, SOURCE_FILE } from "../processing/pipeline";
import { blankRecord } from "../records";
import type { VideoStore } from "../store";
import type { LiveNotifications } from "./notifications";
import { LivePackager, RECORDING_FILE } from "./packager";
import type { LiveInputRecord } from "./records";
import { RtmpIngest, type RtmpPublisher } from "./rtmpIngest";
import { Simulcast } from "./simulcast";
import type { LiveInputStore } from "./store";
import type { IngestUrls } from "./view";

export interface LiveDeps {
  inputs: LiveInputStore;
  store: VideoStore;
  pipeline: Pipeline;
  /** `undefined` in degraded mode: broadcasts connect, but nothing is packaged or recorded. */
  tools: FfmpegTools | undefined;
  options: Pick<ResolvedOptions, "host" | "live" | "log" | "dataDir">;
  notifications: LiveNotifications;
  origin(): string;
}

/** What Stream Live takes from a broadcaster: H.264 video, AAC audio (or none). */
const SUPPORTED = { video: ["h264"], audio: ["aac"] } as const;

/** A broadcast in progress on one input. */
interface OnAir {
  inputUid: string;
  packager: LivePackager | undefined;
  /** Forwards to the input's enabled outputs. */
  simulcast: Simulcast | undefined;
  /** The video recording it (`recording.mode: automatic`). */
  videoUid: string | undefined;
  /** Set when the broadcast was refused for what it sent: nothing of it is kept. */
  errored?: boolean;
}

const DAY_MS = 86_400_000;

/**
 * The emulator's live service: the inputs, the RTMP ingest that broadcasters push to, the live
 * HLS window players get, and the recording each broadcast leaves behind. Status follows the
 * broadcast (connected, reconnecting, reconnected, client_disconnect); changing an input under
 * a broadcast (disable, delete, rotate keys) cuts the broadcaster off.
 */
export class LiveService {
  readonly inputs: LiveInputStore;
  private readonly ingest: RtmpIngest;
  /** Broadcasts by the stream key they came in on (keys change on rotation). */
  private readonly onAir = new Map<string, OnAir>();
  private rtmpPort = 0;

  constructor(private readonly deps: LiveDeps) {
    this.inputs = deps.inputs;
    this.ingest = new RtmpIngest({
      accept: (key, app) => this.accept(key, app),
      graceMs: (key) => this.graceMs(key),
      connected: (publisher) => void this.connected(publisher).catch(this.failed),
      dropped: (publisher) => void this.setStatus(publisher.key, "reconnecting"),
      ended: (publisher) => void this.ended(publisher).catch(this.failed),
      codec: (publisher, kind, codec) => this.codec(publisher.key, kind, codec),
    });
  }

  private failed = (error: unknown) =>
    this.deps.options.log(`live: ${error instanceof Error ? error.message : String(error)}`);

  async start(): Promise<void> {
    const { host, live } = this.deps.options;
    this.rtmpPort = await this.ingest.start(host, live.rtmpPort);
  }

  async stop(): Promise<void> {
    this.deps.notifications.close();
    await this.ingest.stop();
    for (const air of this.onAir.values()) air.simulcast?.stop();
    await Promise.all([...this.onAir.values()].map((air) => air.packager?.stop(1_000)));
  }

  urls(): IngestUrls {
    const { host, live } = this.deps.options;
    const shown = host.includes(":") ? `[${host}]` : host;
    return {
      rtmp: `rtmp://${shown}:${this.rtmpPort}/live/`,
      srt: `srt://${shown}:${live.srtPort}`,
      origin: this.deps.origin(),
    };
  }

  /** The folder of an input's live window, while it is on air. */
  liveDir(inputUid: string): string | undefined {
    for (const air of this.onAir.values())
      if (air.inputUid === inputUid && air.packager) return air.packager.dir;
    return undefined;
  }

  private dirOf(inputUid: string): string {
    return path.join(this.deps.options.dataDir, "live", inputUid);
  }

  private accept(key: string, app: string): boolean {
    const record = this.inputs.byIngestKey(key);
    const why =
      app !== "live"
        ? `unknown application /${app} (expected /live)`
        : !record
          ? "unknown or rotated stream key"
          : !record.enabled
            ? `live input ${record.uid} is disabled`
            : undefined;
    if (why) this.deps.options.log(`RTMP publish refused: ${why}`);
    return why === undefined;
  }

  private graceMs(key: string): number {
    const seconds = this.inputs.byIngestKey(key)?.recording.timeoutSeconds ?? 0;
    return seconds > 0 ? seconds * 1000 : this.deps.options.live.reconnectWindowMs;
  }

  private async connected(publisher: RtmpPublisher): Promise<void> {
    const record = this.inputs.byIngestKey(publisher.key);
    if (!record) return;
    const resumed = this.onAir.has(publisher.key);
    if (!resumed) this.onAir.set(publisher.key, await this.goLive(record, publisher.key));
    const next = record.status === "reconnecting" && resumed ? "reconnected" : "connected";
    await this.setStatus(publisher.key, next);
    // After the status, so a receiver that reads the input on notice sees it connected.
    if (!resumed) this.deps.notifications.notify(record.uid, "live_input.connected");
    this.deps.options.log(`live input ${record.uid}: broadcast ${next}`);
  }

  /** A new broadcast: its live window and, when the input records, its video. */
  private async goLive(record: LiveInputRecord, key: string): Promise<OnAir> {
    const { tools, store } = this.deps;
    const air: OnAir = {
      inputUid: record.uid,
      packager: undefined,
      simulcast: undefined,
      videoUid: undefined,
    };
    if (!tools) return air;
    if (record.recording.mode === "automatic") {
      const video = await store.create({
        ...blankRecord("live", "live-inprogress"),
        creator: record.defaultCreator,
        meta: { ...record.meta },
        liveInput: record.uid,
        requireSignedURLs: record.recording.requireSignedURLs,
        allowedOrigins: record.recording.allowedOrigins ?? [],
        uploaded: new Date().toISOString(),
      });
      air.videoUid = video.uid;
    }
    const packager = new LivePackager(tools.ffmpeg, this.dirOf(record.uid), this.deps.options.log);
    await packager.start(this.playbackUrl(key), this.graceMs(key));
    air.packager = packager;
    air.simulcast = new Simulcast(tools.ffmpeg, this.playbackUrl(key), this.deps.options.log);
    air.simulcast.sync(record.outputs);
    return air;
  }

  /** The broadcast played back from the emulator's own ingest (for the packager and outputs). */
  private playbackUrl(key: string): string {
    const host = /^(0\.0\.0\.0|::)$/.test(this.deps.options.host)
      ? "127.0.0.1"
      : this.deps.options.host;
    const shown = host.includes(":") ? `[${host}]` : host;
    return `rtmp://${shown}:${this.rtmpPort}/live/${key}`;
  }

  /** An input's outputs changed: a broadcast on it starts or stops forwarding at once. */
  outputsChanged(uid: string): void {
    const record = this.inputs.get(uid);
    for (const air of this.onAir.values())
      if (air.inputUid === uid) air.simulcast?.sync(record?.outputs ?? []);
  }

  private async ended(publisher: RtmpPublisher): Promise<void> {
    const air = this.onAir.get(publisher.key);
    await this.setStatus(publisher.key, air?.errored ? "failed_to_connect" : "client_disconnect");
    this.onAir.delete(publisher.key);
    if (!air) return;
    this.deps.options.log(`live input ${air.inputUid}: broadcast ended`);
    this.deps.notifications.notify(air.inputUid, "live_input.disconnected");
    air.simulcast?.stop();
    await air.packager?.stop();
    if (!air.videoUid) return;
    if (air.errored) await this.deps.store.delete(air.videoUid);
    else await this.keepRecording(air, air.videoUid);
  }

  /**
   * A codec Stream Live does not take errors the input (`live_input.errored`, with Stream's
   * error code and the codecs seen) and cuts the broadcaster off: nothing plays or is recorded.
   */
  private codec(key: string, kind: "audio" | "video", codec: string): void {
    const air = this.onAir.get(key);
    if (!air || (SUPPORTED[kind] as readonly string[]).includes(codec)) return;
    air.errored = true;
    const code = kind === "video" ? "ERR_UNSUPPORTED_VIDEO_CODEC" : "ERR_UNSUPPORTED_AUDIO_CODEC";
    const message = `Stream Live takes ${SUPPORTED[kind].join(", ")} ${kind}; the broadcast sent ${codec}.`;
    this.deps.options.log(`live input ${air.inputUid}: ${message}`);
    this.deps.notifications.notify(air.inputUid, "live_input.errored", {
      error: { code, message },
      ...(kind === "video" ? { video_codec: codec } : { audio_codec: codec }),
    });
    this.ingest.drop(key);
  }

  /** The recording becomes an ordinary video: processed to `ready`, played as VOD. */
  private async keepRecording(air: OnAir, videoUid: string): Promise<void> {
    const { store, pipeline } = this.deps;
    const recording = path.join(this.dirOf(air.inputUid), RECORDING_FILE);
    const size = await stat(recording).then(
      (s) => s.size,
      () => 0,
    );
    if (size === 0) {
      await pipeline.fail(videoUid, "ERR_NON_VIDEO", "The broadcast sent no media to record.");
      return;
    }
    await copyFile(recording, store.file(videoUid, SOURCE_FILE));
    const days = this.inputs.get(air.inputUid)?.deleteRecordingAfterDays;
    await store.update(videoUid, (r) => {
      r.sourceFile = SOURCE_FILE;
      r.size = size;
      if (days) r.scheduledDeletion = new Date(Date.now() + days * DAY_MS).toISOString();
    });
    await pipeline.enqueue(videoUid);
  }

  private async setStatus(key: string, status: LiveInputStatus): Promise<void> {
    const uid = this.onAir.get(key)?.inputUid ?? this.inputs.byIngestKey(key)?.uid;
    if (!uid) return;
    await this.inputs
      .update(
        uid,
        (r) => {
          r.status = status;
        },
        { touch: false },
      )
      .catch(this.failed);
  }

  /** A deleted input: its broadcast cut off and its last live window removed. */
  async forget(uid: string): Promise<void> {
    await this.disconnect(uid);
    await rm(this.dirOf(uid), { recursive: true, force: true });
  }

  /** Cuts off the broadcast on an input, if one is coming in (disabled, deleted, rotated). */
  async disconnect(uid: string): Promise<void> {
    for (const [key, air] of this.onAir) if (air.inputUid === uid) this.ingest.drop(key);
  }
}
