import type { ResolvedOptions } from "../options";
import type { LiveInputStore } from "./store";
import type { IngestUrls } from "./view";

/**
 * The emulator's live service: the inputs, where broadcasters reach it, and what happens to a
 * broadcast when its input changes under it (disabled, deleted, keys rotated).
 */
export class LiveService {
  constructor(
    readonly inputs: LiveInputStore,
    private readonly options: Pick<ResolvedOptions, "host">,
    private readonly origin: () => string,
    private readonly ports: () => { rtmp: number; srt: number },
  ) {}

  urls(): IngestUrls {
    const host = this.options.host.includes(":") ? `[${this.options.host}]` : this.options.host;
    const { rtmp, srt } = this.ports();
    return {
      rtmp: `rtmp://${host}:${rtmp}/live/`,
      srt: `srt://${host}:${srt}`,
      origin: this.origin(),
    };
  }

  /** Ends the broadcast on an input, if one is coming in; its status says the client left. */
  async disconnect(uid: string): Promise<void> {
    const record = this.inputs.get(uid);
    if (!record || !isOnAirStatus(record.status)) return;
    await this.inputs.update(
      uid,
      (r) => {
        r.status = "client_disconnect";
      },
      { touch: false },
    );
  }
}

const isOnAirStatus = (status: unknown) =>
  status === "connected" || status === "reconnected" || status === "reconnecting";
