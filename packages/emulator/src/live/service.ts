import type { LiveInputStatus } from "@streamkit/core/live-inputs";
import type { ResolvedOptions } from "../options";
import type { LiveInputRecord } from "./records";
import { RtmpIngest, type RtmpPublisher } from "./rtmpIngest";
import type { LiveInputStore } from "./store";
import type { IngestUrls } from "./view";

type Options = Pick<ResolvedOptions, "host" | "live" | "log">;

/**
 * The emulator's live service: the inputs, the RTMP ingest that broadcasters push to, and the
 * status each input shows as a broadcast connects, drops, comes back and ends. Changing an input
 * under a broadcast (disable, delete, rotate keys) cuts the broadcaster off.
 */
export class LiveService {
  private readonly ingest: RtmpIngest;
  /** Which input each connected stream key belongs to (keys change on rotation). */
  private readonly onAir = new Map<string, string>();
  private rtmpPort = 0;

  constructor(
    readonly inputs: LiveInputStore,
    private readonly options: Options,
    private readonly origin: () => string,
  ) {
    this.ingest = new RtmpIngest({
      accept: (key, app) => this.accept(key, app),
      graceMs: (key) => this.graceMs(key),
      connected: (publisher) => void this.connected(publisher),
      dropped: (publisher) => void this.setStatus(publisher, "reconnecting"),
      ended: (publisher) => void this.ended(publisher),
    });
  }

  async start(): Promise<void> {
    this.rtmpPort = await this.ingest.start(this.options.host, this.options.live.rtmpPort);
  }

  stop(): Promise<void> {
    return this.ingest.stop();
  }

  urls(): IngestUrls {
    const host = this.options.host.includes(":") ? `[${this.options.host}]` : this.options.host;
    return {
      rtmp: `rtmp://${host}:${this.rtmpPort}/live/`,
      srt: `srt://${host}:${this.options.live.srtPort}`,
      origin: this.origin(),
    };
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
    if (why) this.options.log(`RTMP publish refused: ${why}`);
    return why === undefined;
  }

  private graceMs(key: string): number {
    const seconds = this.inputs.byIngestKey(key)?.recording.timeoutSeconds ?? 0;
    return seconds > 0 ? seconds * 1000 : this.options.live.reconnectWindowMs;
  }

  private async connected(publisher: RtmpPublisher): Promise<void> {
    const record = this.inputs.byIngestKey(publisher.key);
    if (!record) return;
    this.onAir.set(publisher.key, record.uid);
    const next = record.status === "reconnecting" ? "reconnected" : "connected";
    await this.setStatus(publisher, next);
    this.options.log(`live input ${record.uid}: broadcast ${next}`);
  }

  private async ended(publisher: RtmpPublisher): Promise<void> {
    await this.setStatus(publisher, "client_disconnect");
    const uid = this.onAir.get(publisher.key);
    this.onAir.delete(publisher.key);
    if (uid) this.options.log(`live input ${uid}: broadcast ended`);
  }

  private async setStatus(publisher: RtmpPublisher, status: LiveInputStatus): Promise<void> {
    const uid = this.onAir.get(publisher.key);
    if (!uid) return;
    await this.inputs
      .update(
        uid,
        (r: LiveInputRecord) => {
          r.status = status;
        },
        { touch: false },
      )
      .catch((error: unknown) => this.options.log(`live input ${uid}: ${String(error)}`));
  }

  /** Cuts off the broadcast on an input, if one is coming in (disabled, deleted, rotated). */
  async disconnect(uid: string): Promise<void> {
    for (const [key, owner] of this.onAir) if (owner === uid) this.ingest.drop(key);
  }
}
