// node-media-server ships JavaScript without types; these are the few parts the ingest uses.
declare module "node-media-server/src/session/rtmp_session.js" {
  import type { Socket } from "node:net";

  interface BroadcastServer {
    /** How long a dropped publisher may come back before the publish ends. */
    publishGraceMs: number;
  }

  /** An FLV tag as the library parsed it. */
  interface AVPacket {
    /** 8 audio, 9 video, 18 script data (FLV tag types). */
    codec_type: number;
    /** FLV's codec id (7 H.264, 10 AAC, …) or, for enhanced RTMP, the FourCC as a number. */
    codec_id: number;
  }

  interface RtmpProtocol {
    onPacketCallback(packet: AVPacket): void;
  }

  export default class RtmpSession {
    rtmp: RtmpProtocol;
    constructor(socket: Socket);
    readonly id: string;
    readonly socket: Socket;
    streamApp: string;
    streamName: string;
    isPublisher: boolean;
    broadcast: BroadcastServer;
    run(): void;
    close(): void;
  }
}

declare module "node-media-server/src/core/context.js" {
  import type { EventEmitter } from "node:events";

  const Context: { eventEmitter: EventEmitter; sessions: Map<string, unknown> };
  export default Context;
}

declare module "node-media-server/src/core/logger.js" {
  const logger: { log(message: string, level?: string): void };
  export default logger;
}
