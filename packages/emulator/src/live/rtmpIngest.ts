import { createServer, type Server, type Socket } from "node:net";
import Context from "node-media-server/src/core/context.js";
import logger from "node-media-server/src/core/logger.js";
import RtmpSession from "node-media-server/src/session/rtmp_session.js";

// The RTMP protocol (handshake, chunking, AMF, publish and play) is node-media-server's; this
// module owns the listening socket, so a free port, errors and shutdown stay the emulator's
// (the library's own server exits the process when its port is taken).

// Its logger writes every session to the console at debug level; the emulator logs what counts.
logger.log = () => {};

/** One broadcaster, from publish until it is gone for good. */
export interface RtmpPublisher {
  /** The stream key: the last path segment (`rtmp://host/live/<key>`). */
  readonly key: string;
  readonly session: RtmpSession;
  /** Cut off on purpose (`drop`): no grace window, no "dropped". */
  cut?: boolean;
}

export interface RtmpHandlers {
  /** Whether a publisher may go on with this key; a refused one is disconnected. */
  accept(key: string, app: string): boolean;
  /** Milliseconds a dropped publisher may take to come back, for this key. */
  graceMs(key: string): number;
  /** Publishing started, or resumed within the grace window. */
  connected(publisher: RtmpPublisher): void;
  /** The publisher's connection broke; it may still come back. */
  dropped(publisher: RtmpPublisher): void;
  /** The publish is over: the grace window passed, or the publisher was cut off. */
  ended(publisher: RtmpPublisher): void;
  /** The first audio or video packet of a publish told its codec. */
  codec(publisher: RtmpPublisher, kind: "audio" | "video", codec: string): void;
}

const FLV_AUDIO = 8;
const FLV_VIDEO = 9;
const VIDEO_CODECS: Record<number, string> = {
  2: "h263",
  3: "screen",
  4: "vp6",
  5: "vp6a",
  7: "h264",
  12: "hevc",
};
const AUDIO_CODECS: Record<number, string> = {
  0: "pcm",
  1: "adpcm",
  2: "mp3",
  3: "pcm",
  4: "nellymoser",
  5: "nellymoser",
  6: "nellymoser",
  7: "g711a",
  8: "g711u",
  10: "aac",
  11: "speex",
  14: "mp3",
};

/** A codec's name from an FLV codec id, or from an enhanced-RTMP FourCC (`hvc1`, `av01`, `vp09`). */
function codecName(table: Record<number, string>, id: number): string {
  if (table[id]) return table[id];
  if (id > 0xffffff) {
    const fourCC = Buffer.alloc(4);
    fourCC.writeUInt32BE(id);
    return (
      (
        { hvc1: "hevc", av01: "av1", vp09: "vp9", Opus: "opus", fLaC: "flac" } as Record<
          string,
          string
        >
      )[fourCC.toString("latin1")] ?? fourCC.toString("latin1")
    );
  }
  return `flv codec ${id}`;
}

/** An RTMP ingest on one port: publishers on `rtmp://host:port/<app>/<key>`. */
export class RtmpIngest {
  private server: Server | undefined;
  private readonly sockets = new Set<Socket>();
  private readonly publishers = new Map<string, RtmpPublisher>();
  private readonly refused = new WeakSet<RtmpSession>();
  /** The sessions of this server: every emulator in the process shares the library's events. */
  private readonly own = new WeakSet<RtmpSession>();
  /** The sessions still connected. */
  private readonly open = new Set<RtmpSession>();

  constructor(private readonly handlers: RtmpHandlers) {}

  /** Listens on `port` (0 picks a free one) and answers with the port it got. */
  async start(host: string, port: number): Promise<number> {
    const server = createServer((socket) => {
      this.sockets.add(socket);
      socket.once("close", () => this.sockets.delete(socket));
      const session = new RtmpSession(socket);
      this.own.add(session);
      this.open.add(session);
      socket.once("close", () => this.open.delete(session));
      session.run();
      Context.sessions.set(session.id, session);
      socket.once("close", () => {
        const publisher = this.publishers.get(session.streamName);
        if (publisher?.session === session && !publisher.cut) this.handlers.dropped(publisher);
      });
    });
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(port, host, () => {
        server.off("error", reject);
        resolve();
      });
    });
    this.server = server;
    Context.eventEmitter.on("prePublish", this.onPrePublish);
    Context.eventEmitter.on("postPublish", this.onPostPublish);
    Context.eventEmitter.on("donePublish", this.onDonePublish);
    return (server.address() as { port: number }).port;
  }

  private mine(session: RtmpSession): boolean {
    return this.own.has(session);
  }

  private onPrePublish = (session: RtmpSession) => {
    if (!this.mine(session)) return;
    if (this.handlers.accept(session.streamName, session.streamApp)) return;
    this.refused.add(session);
    session.close();
  };

  private onPostPublish = (session: RtmpSession) => {
    if (!this.mine(session) || this.refused.has(session)) return;
    session.broadcast.publishGraceMs = this.handlers.graceMs(session.streamName);
    const publisher = { key: session.streamName, session };
    this.publishers.set(publisher.key, publisher);
    this.watchCodecs(publisher);
    this.handlers.connected(publisher);
  };

  private onDonePublish = (session: RtmpSession) => {
    if (!this.mine(session) || this.refused.has(session)) return;
    const publisher = this.publishers.get(session.streamName);
    if (publisher?.session !== session) return;
    this.publishers.delete(publisher.key);
    // The library keeps players waiting for a next publisher; here a broadcast's end is the end
    // of their stream, so a player (the packager) reads to the end and closes its files.
    for (const player of this.open)
      if (!player.isPublisher && player.streamName === publisher.key) player.close();
    this.handlers.ended(publisher);
  };

  /** Reports each kind's codec once, from the first packet of that kind. */
  private watchCodecs(publisher: RtmpPublisher): void {
    const { rtmp } = publisher.session;
    const forward = rtmp.onPacketCallback;
    const seen = new Set<number>();
    rtmp.onPacketCallback = (packet) => {
      forward(packet);
      const kind = packet.codec_type;
      if ((kind !== FLV_AUDIO && kind !== FLV_VIDEO) || seen.has(kind)) return;
      seen.add(kind);
      const video = kind === FLV_VIDEO;
      const name = codecName(video ? VIDEO_CODECS : AUDIO_CODECS, packet.codec_id);
      this.handlers.codec(publisher, video ? "video" : "audio", name);
    };
  }

  /** Cuts a publisher off now, with no grace window: its input was disabled, deleted or rotated. */
  drop(key: string): void {
    const publisher = this.publishers.get(key);
    if (!publisher) return;
    publisher.cut = true;
    publisher.session.broadcast.publishGraceMs = 0;
    publisher.session.socket.destroy();
  }

  async stop(): Promise<void> {
    Context.eventEmitter.off("prePublish", this.onPrePublish);
    Context.eventEmitter.off("postPublish", this.onPostPublish);
    Context.eventEmitter.off("donePublish", this.onDonePublish);
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) =>
      this.server ? this.server.close(() => resolve()) : resolve(),
    );
  }
}
