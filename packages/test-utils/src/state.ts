import type { Video } from "@streamkit/core";
import type { Caption, Downloads } from "@streamkit/core/captions";
import type { LiveInput, LiveInputStatus, LiveOutput } from "@streamkit/core/live-inputs";
import type { AudioTrack, WatermarkProfile } from "@streamkit/core/media";
import { type ClipWindow, clipFields } from "./clipWindow";
import { type Failure, failureResponse, type Recorded, takeFailure } from "./failures";
import { makeUid } from "./ids";
import { type MockVideo, snapshot } from "./lifecycle";
import { BASE, makeVideo, PENDING_UPLOAD } from "./video";

/** A one-time direct upload URL the model handed out. */
export interface UploadLink {
  /** Size of the file that arrived, -1 when the body could not be read. */
  bytes: number;
  used: boolean;
}

export interface TusRecord {
  length: number;
  offset: number;
  metadata: string | null;
  creator: string | null;
  /** Content-Length of each accepted PATCH. */
  patches: number[];
}

/** A failure of a one-time upload POST: a status, a dropped connection, or a whole failure. */
export type UploadFailure = number | "network" | Failure;

export interface ModelOptions {
  /** Where the proxy contract is mounted; relative in a browser (Storybook). */
  base?: string;
  /** Prefix of the one-time upload URLs: `${uploadBase}/${uid}`. */
  uploadBase?: string;
  /** Prefix of the tus Locations the model serves. */
  tusBase?: string;
  /** The Location a tus creation answers with; `${tusBase}/${uid}` unless given. */
  tusLocation?: (uid: string) => string;
  /** Origin of download URLs and of clock-driven videos' thumbnails. */
  delivery?: string;
  /** The token `POST /{uid}/token` hands out; a fake three-part JWT unless given. */
  signToken?: (uid: string, model: StreamState) => string;
  /**
   * Answer routes about captions or downloads that do not exist as if they did, for tests that
   * only check what reaches the API (the proxy's), and for stories that delete freely.
   */
  lenient?: boolean;
  /** Check an uploaded caption file is WebVTT (a browser can read the form; jsdom cannot). */
  readCaptionFiles?: boolean;
  /** Captions and downloads follow the clock (ms) instead of moving on with each list request. */
  pace?: { captionMs: number; downloadMs: number };
}

const pathOf = (base: string) => new URL(base, "http://localhost").pathname.replace(/\/$/, "");

function fakeJwt(uid: string, model: StreamState): string {
  const exp = Math.floor(Date.now() / 1000) + model.tokenTtl;
  const payload = btoa(JSON.stringify({ sub: uid, exp: String(exp), n: model.tokens.length }))
    .replace(/=+$/, "")
    .replace(/\+/g, "-")
    .replace(/\//g, "_");
  return `eyJhbGciOiJSUzI1NiJ9.${payload}.c2ln`;
}

/**
 * Everything the in-memory Stream knows, and how a request enters it (recorded, delayed, maybe
 * failed). The routes read and change it; `StreamModel` adds the ways in (fetch, msw).
 */
export class StreamState {
  readonly base: string;
  readonly basePath: string;
  readonly uploadBase: string;
  readonly tusBase: string;
  readonly delivery: string;
  readonly options: ModelOptions;

  videos = new Map<string, Video>();
  /** Videos whose status follows the clock (the stories'); read through `view`. */
  lifecycles = new Map<string, MockVideo>();
  requests: Recorded[] = [];
  /** Answer the next matching requests with these failures instead, in order. */
  failures: Failure[] = [];
  /** Tokens handed out by `POST /{uid}/token`, newest last. */
  tokens: string[] = [];
  /** Lifetime of those tokens, seconds. */
  tokenTtl = 3600;

  captions = new Map<string, Caption[]>();
  downloads = new Map<string, Downloads>();
  /** List requests a generated caption stays `inprogress` for. */
  generateSteps = 2;
  /** Percent a download gains per list request. */
  downloadStep = 40;
  /** Generated captions end in `error` instead of `ready`. */
  generateFails = false;
  /** The account's watermark profiles, by uid, oldest first. */
  watermarks = new Map<string, WatermarkProfile>();
  /** The additional audio tracks of each video. */
  audio = new Map<string, AudioTrack[]>();
  /** List requests a new audio track stays `queued` for (with `pace`: `captionMs`). */
  audioSteps = 2;
  /** The WebVTT text of each uploaded caption, by `uid/lang` (generated ones are synthesized). */
  captionTexts = new Map<string, string>();
  /** Clips being made, by uid: reads so far and the duration they end with. */
  processing = new Map<string, { reads: number; duration: number }>();
  /** Reads a new clip stays `queued`, then `inprogress`, before it is `ready`. */
  clipSteps = 1;
  /** `totalStorageMinutesLimit` of storage usage. */
  storageLimitMinutes = 1000;
  /** The account's live inputs, by uid, oldest first, credentials and `status` included. */
  liveInputs = new Map<string, LiveInput>();
  /** Each live input's simulcast outputs, by the input's uid. */
  liveOutputs = new Map<string, LiveOutput[]>();
  /**
   * Broadcasts that follow the clock, by input uid: reads see `statuses[i]` from `start + i *
   * pace` ms, the last one after that (a story's input that connects, goes live and ends).
   */
  liveScripts = new Map<string, { statuses: LiveInputStatus[]; pace: number; start: number }>();
  /** When each clock-driven caption or download started. */
  readonly startedAt = new WeakMap<object, number>();
  /** Caption list requests left per `uid/lang` before a generated caption is done. */
  readonly pending = new Map<string, number>();

  links = new Map<string, UploadLink>();
  tus = new Map<string, TusRecord>();
  /** Tus uploads ended with DELETE, by uid. */
  terminated: string[] = [];
  /** Statuses the next one-time upload POSTs answer with, in order, before the real answer. */
  uploadFailures: UploadFailure[] = [];

  /** Added latency per request, and per caption or download change, ms. */
  latency = 0;
  writeLatency = 0;
  /** How long a one-time upload POST takes to be answered, ms. */
  uploadDelay = 0;
  /** Answers wait for this once made (set by `hold`): caption lists and upload bytes. */
  gate: Promise<void> | undefined;

  constructor(options: ModelOptions | string = {}) {
    this.options = typeof options === "string" ? { base: options } : options;
    this.base = this.options.base ?? BASE;
    this.basePath = pathOf(this.base);
    this.uploadBase = this.options.uploadBase ?? "http://upload.test";
    this.tusBase = this.options.tusBase ?? "http://upload.test/tus";
    this.delivery = this.options.delivery ?? "https://delivery.test";
  }

  add(...videos: Video[]): this {
    for (const v of videos) if (v.uid) this.videos.set(v.uid, v);
    return this;
  }

  set(uid: string, patch: Partial<Video>): void {
    const current = this.videos.get(uid);
    if (current) this.videos.set(uid, { ...current, ...patch });
  }

  /** A video as a request would see it now. */
  view(uid: string): Video | undefined {
    const mock = this.lifecycles.get(uid);
    return mock ? snapshot(mock, this.delivery) : this.videos.get(uid);
  }

  all(): Video[] {
    return [
      ...this.videos.values(),
      ...[...this.lifecycles.values()].map((m) => snapshot(m, this.delivery)),
    ];
  }

  remove(uid: string): boolean {
    const had = this.videos.delete(uid) || this.lifecycles.delete(uid);
    this.links.delete(uid);
    this.tus.delete(uid);
    this.processing.delete(uid);
    return had;
  }

  reset(): void {
    this.videos.clear();
    this.lifecycles.clear();
    this.requests = [];
    this.failures = [];
    this.tokens = [];
    this.tokenTtl = 3600;
    this.captions.clear();
    this.captionTexts.clear();
    this.processing.clear();
    this.clipSteps = 1;
    this.storageLimitMinutes = 1000;
    this.downloads.clear();
    this.watermarks.clear();
    this.audio.clear();
    this.audioSteps = 2;
    this.liveInputs.clear();
    this.liveOutputs.clear();
    this.liveScripts.clear();
    this.pending.clear();
    this.generateSteps = 2;
    this.downloadStep = 40;
    this.generateFails = false;
    this.links.clear();
    this.tus.clear();
    this.terminated = [];
    this.uploadFailures = [];
    this.latency = 0;
    this.writeLatency = 0;
    this.uploadDelay = 0;
    this.gate = undefined;
  }

  count(filter?: (r: Recorded) => boolean): number {
    return filter ? this.requests.filter(filter).length : this.requests.length;
  }

  /** Requests of one method, e.g. `model.of("POST")`. */
  of(method: string): Recorded[] {
    return this.requests.filter((r) => r.method === method);
  }

  /** Holds caption lists and upload bytes until the returned function is called. */
  hold(): () => void {
    let release: () => void = () => {};
    this.gate = new Promise<void>((resolve) => {
      release = () => {
        this.gate = undefined;
        resolve();
      };
    });
    return release;
  }

  /** Records a request, reading a POST's JSON body. */
  async record(request: Request): Promise<Recorded> {
    const url = new URL(request.url);
    const body =
      request.method === "POST"
        ? await request
            .clone()
            .json()
            .catch(() => undefined)
        : undefined;
    const recorded: Recorded = {
      method: request.method,
      url,
      path: url.pathname.slice(this.basePath.length),
      contentType: request.headers.get("content-type"),
      body,
    };
    this.requests.push(recorded);
    return recorded;
  }

  /** Records a request, waits out the latency, then answers with a matching failure, if any. */
  async enter(request: Request, write = false): Promise<Response | undefined> {
    const recorded = await this.record(request);
    if (this.latency) await new Promise((resolve) => setTimeout(resolve, this.latency));
    const failure = takeFailure(this.failures, recorded, write);
    return failure ? failureResponse(failure) : undefined;
  }

  token(uid: string): string {
    const token = (this.options.signToken ?? fakeJwt)(uid, this);
    this.tokens.push(token);
    return token;
  }

  // The ways videos come to be. The stories' model overrides them with clock-driven videos.

  addCopy(body: Record<string, unknown>, creator: string | null): Video {
    const meta = (body.meta ?? {}) as Record<string, unknown>;
    const video = makeVideo(makeUid(), "downloading", "0", {
      meta: { ...meta, "downloaded-from": body.input ?? body.url },
      creator,
      requireSignedURLs: (body.requireSignedURLs as boolean | undefined) ?? false,
    });
    this.add(video);
    return video;
  }

  /** A clip of a ready video (`POST /clip`): `queued`, ready after a few reads. */
  addClip(window: ClipWindow, creator: string | null): Video {
    const video = makeVideo(makeUid(), "queued", "0", {
      ...clipFields(window, creator),
      readyToStream: false,
      duration: -1,
    });
    this.add(video);
    this.processing.set(String(video.uid), { reads: 0, duration: window.end - window.start });
    return video;
  }

  /** A video waiting for its bytes (a direct upload or a tus target). */
  addPendingUpload(body: Record<string, unknown>, creator: string | null): Video {
    const meta = (body.meta ?? {}) as Record<string, unknown>;
    const video = makeVideo(makeUid(), "pendingupload", "0", {
      meta: { name: meta.name, ...meta },
      creator,
      readyToStream: false,
    });
    this.add(video);
    return video;
  }

  /** The bytes arrived: processing starts at `queued`. */
  markUploaded(uid: string): void {
    const current = this.videos.get(uid);
    if (current) this.set(uid, { status: { ...PENDING_UPLOAD, state: "queued" } });
  }
}
