import type { Video } from "@streamkit/core";
import type { CaptionStatus } from "@streamkit/core/captions";
import type { LiveInput, LiveInputStatus, LiveOutput } from "@streamkit/core/live-inputs";
import type { AudioTrackStatus, WatermarkProfile } from "@streamkit/core/media";
import { HttpResponse, http } from "msw";
import type { ClipWindow } from "./clipWindow";
import { mockUid } from "./ids";
import { type MockVideo, snapshot } from "./lifecycle";
import { captionLabel, downloadUrl } from "./media";
import { StreamModel } from "./model";
import { makeLiveInput } from "./routes/live";
import { makeWatermark } from "./routes/watermarks";
import { thumbnailSvg } from "./thumbnails";

/** Where stories mount their StreamProvider; msw answers it in the browser. */
export const MOCK_BASE = "/mock-stream";
export const MOCK_DELIVERY = "https://delivery.mock.test";
/** Where the mock's one-time upload URLs point (same origin, so msw answers them). */
export const MOCK_UPLOAD = "/mock-upload";

export interface MockCaptionSeed {
  language: string;
  generated?: boolean;
  /** Fixed status. Without one, a generated caption is generating from the story's start. */
  status?: CaptionStatus;
}

/** Per-video seeds, given beside the video's own fields in `MockBackendOptions.seed`. */
export interface MockMediaSeed {
  captions?: MockCaptionSeed[];
  /** The MP4: `"ready"`, `"error"`, or `"inprogress"` (started when the story starts). */
  download?: "ready" | "inprogress" | "error";
  /** Additional audio tracks; without a status one is `queued` from the story's start. */
  audio?: { label: string; default?: boolean; status?: AudioTrackStatus }[];
}

/** A live input a story starts with: its fields (`status`, `enabled`, `recording`, …) and more. */
export interface MockLiveInputSeed extends Partial<LiveInput> {
  /** Its simulcast outputs. */
  outputs?: Partial<LiveOutput>[];
  /** A broadcast that follows the clock: one status per `statusPace` ms, the last one stays. */
  statuses?: LiveInputStatus[];
  /** Milliseconds per scripted status. Defaults to 1500. */
  statusPace?: number;
}

/** Seeds of the stories' live inputs' uids, and of their outputs'. */
const LIVE_SEED = 0x11fe0001;
const OUTPUT_SEED = 0x0a7e0001;
/** The first live input a story seeds gets this uid, the next ones count up from it. */
export const SEEDED_LIVE_INPUT = mockUid(LIVE_SEED);

export interface MockBackendOptions {
  /** Videos present at start, with their captions and download if any. */
  seed?: (Partial<MockVideo> & MockMediaSeed)[];
  /** The account's watermark profiles at start; `"sample"` seeds two with small inline images. */
  watermarks?: Partial<WatermarkProfile>[] | "sample";
  /** Answer every request with this HTTP status (a failing backend). */
  failWith?: number;
  /** Only the first N requests fail with `failWith` (a backend that recovers). Defaults to all. */
  failTimes?: number;
  /** Answer every update, copy and delete (not reads) with this HTTP status. */
  failWritesWith?: number;
  /** Added latency per request, ms. */
  latency?: number;
  /** How long each lifecycle phase of a newly copied or uploaded video lasts, ms. Defaults to 1500. */
  pace?: number;
  /** How long a generated caption stays `inprogress`, ms. Defaults to 2500. */
  captionPace?: number;
  /** How long making the MP4 takes, ms. Defaults to 5000. */
  downloadPace?: number;
  /** Extra latency of caption and download changes only (an upload in flight), ms. */
  writeLatency?: number;
  /** How long a one-time upload POST takes to be answered, ms (keeps a story "uploading"). */
  uploadDelay?: number;
  /** Answer one-time upload POSTs with this HTTP status: 410 (expired), 503 (retryable), … */
  uploadFailWith?: number;
  /** Only the first N upload POSTs fail. Defaults to all. */
  uploadFailTimes?: number;
  /** `totalStorageMinutesLimit` of storage usage. Defaults to 1000. */
  storageLimitMinutes?: number;
  /**
   * The account's live inputs at start (`SEEDED_LIVE_INPUT` is the first one's uid). Their
   * recordings are seeded videos with `overrides: { liveInput: SEEDED_LIVE_INPUT }`.
   */
  liveInputs?: MockLiveInputSeed[];
}

const PENDING: Partial<Video> = {
  readyToStream: false,
  status: { state: "pendingupload", pctComplete: "0", errorReasonCode: "", errorReasonText: "" },
};

/** The model with the stories' clock: videos come to be as lifecycles, not fixed states. */
export class StoryModel extends StreamModel {
  private counter = 0x5eed0000;

  constructor(
    private readonly story: MockBackendOptions = {},
    scope = "",
  ) {
    const at = scope ? `/${encodeURIComponent(scope)}` : "";
    super({
      base: `${MOCK_BASE}${at}`,
      uploadBase: `${MOCK_UPLOAD}${at}`,
      tusBase: `${MOCK_UPLOAD}${at}/tus`,
      delivery: MOCK_DELIVERY,
      lenient: true,
      readCaptionFiles: true,
      pace: { captionMs: story.captionPace ?? 2_500, downloadMs: story.downloadPace ?? 5_000 },
    });
  }

  addMock(partial: Partial<MockVideo>): MockVideo {
    this.counter += 1;
    const mock: MockVideo = {
      uid: mockUid(this.counter),
      createdAt: Date.now() - this.counter,
      name: `Video ${this.counter}`,
      source: "https://samples.test/video.mp4",
      pace: 1_500,
      fails: false,
      overrides: {},
      ...partial,
    };
    this.lifecycles.set(mock.uid, mock);
    return mock;
  }

  override addCopy(body: Record<string, unknown>): Video {
    const meta = body.meta as ({ name?: string } & Record<string, unknown>) | undefined;
    const source = String(body.input ?? body.url ?? "");
    const mock = this.addMock({
      createdAt: Date.now(),
      pace: this.story.pace ?? 1_500,
      source,
      name: meta?.name ?? source.split("/").pop() ?? "video",
      fails: source.includes("broken"),
      ...(meta ? { meta: { "downloaded-from": source, ...meta } } : {}),
    });
    return snapshot(mock, this.delivery);
  }

  /** A clip follows the clock from `queued`, like an upload whose bytes just arrived. */
  override addClip(window: ClipWindow, creator: string | null): Video {
    const { name, ...meta } = (window.body.meta ?? {}) as Record<string, unknown>;
    const given = typeof window.body.name === "string" ? window.body.name : name;
    const pace = this.story.pace ?? 1_500;
    const mock = this.addMock({
      createdAt: Date.now() - pace,
      pace,
      name: typeof given === "string" ? given : "clip",
      source: "clip",
      meta,
      duration: window.end - window.start,
      overrides: {
        clippedFrom: window.from,
        creator,
        ...(window.body.requireSignedURLs === true ? { requireSignedURLs: true } : {}),
      } as Partial<Video>,
    });
    return snapshot(mock, this.delivery);
  }

  override addPendingUpload(body: Record<string, unknown>): Video {
    const { name, ...meta } = (body.meta ?? {}) as Record<string, unknown>;
    const mock = this.addMock({
      createdAt: Date.now(),
      pace: this.story.pace ?? 1_500,
      name: typeof name === "string" ? name : "upload",
      source: "upload",
      meta,
      overrides: PENDING,
    });
    return snapshot(mock, this.delivery);
  }

  override markUploaded(uid: string): void {
    const mock = this.lifecycles.get(uid);
    if (!mock) return;
    const { status: _status, readyToStream: _ready, ...rest } = mock.overrides;
    mock.overrides = rest;
    mock.createdAt = Date.now() - mock.pace; // bytes in: the lifecycle goes on from `queued`
  }

  /** Captions and the MP4 a seeded video starts with. */
  seedMedia(uid: string, seed: MockMediaSeed): void {
    const now = Date.now();
    if (seed.captions) {
      const captions = seed.captions.map((c) => {
        const generated = c.generated ?? false;
        const status = c.status ?? (generated ? "inprogress" : "ready");
        const caption = {
          language: c.language,
          label: captionLabel(c.language, generated),
          generated,
          status,
        };
        this.startedAt.set(caption, now);
        return caption;
      });
      this.captions.set(uid, captions);
    }
    if (seed.download) {
      const download = {
        status: seed.download,
        percentComplete: seed.download === "ready" ? 100 : 0,
        url: downloadUrl(this, uid, "default"),
      };
      this.startedAt.set(download, now);
      this.downloads.set(uid, { default: download });
    }
    if (seed.audio) {
      const tracks = seed.audio.map((a, i) => {
        const track = {
          uid: mockUid(0xa0d10000 + this.counter * 16 + i),
          label: a.label,
          default: a.default ?? false,
          status: a.status ?? "queued",
        };
        this.startedAt.set(track, now);
        return track;
      });
      this.audio.set(uid, tracks);
    }
  }

  override handlers() {
    return [
      ...super.handlers(),
      // Thumbnails from the delivery origin: a generated picture, so nothing leaves the machine.
      http.get(`${MOCK_DELIVERY}/:id/thumbnails/:file`, ({ params, request }) => {
        const id = String(params.id);
        if (id.endsWith("dead")) return new HttpResponse(null, { status: 404 });
        const q = new URL(request.url).searchParams;
        const animated = String(params.file).endsWith(".gif");
        return new HttpResponse(thumbnailSvg(id, q, animated), {
          headers: { "content-type": "image/svg+xml", "cache-control": "no-store" },
        });
      }),
    ];
  }
}

const svg = (fill: string, text: string) =>
  `data:image/svg+xml,${encodeURIComponent(
    `<svg xmlns="http://www.w3.org/2000/svg" width="120" height="40"><rect width="120" height="40" rx="6" fill="${fill}"/><text x="60" y="26" font-family="sans-serif" font-size="16" fill="#fff" text-anchor="middle">${text}</text></svg>`,
  )}`;

/** Two profiles with small inline images (their `downloadedFrom`), for `watermarks: "sample"`. */
export const SAMPLE_WATERMARKS: Partial<WatermarkProfile>[] = [
  {
    name: "Logo, corner",
    position: "lowerRight",
    opacity: 0.8,
    scale: 0.1,
    size: 1_843,
    width: 120,
    height: 40,
    downloadedFrom: svg("#4f46e5", "ACME"),
    created: "2026-01-02T10:00:00.000Z",
  },
  {
    name: "Draft stamp",
    position: "center",
    opacity: 0.4,
    scale: 0.5,
    size: 2_410,
    width: 120,
    height: 40,
    downloadedFrom: svg("#b91c1c", "DRAFT"),
    created: "2026-01-03T10:00:00.000Z",
  },
];

/**
 * The stories' backend: a fresh library per call, described by the story's `backend` parameter.
 * `scope` (the story's id) mounts it under its own paths (`base`), so the stories a docs page
 * renders side by side each talk to their own library and failures, never to another's.
 */
export function mockBackend(options: MockBackendOptions = {}, scope = "") {
  const model = new StoryModel(options, scope);
  model.latency = options.latency ?? 0;
  model.writeLatency = options.writeLatency ?? 0;
  model.uploadDelay = options.uploadDelay ?? 0;
  if (options.storageLimitMinutes !== undefined)
    model.storageLimitMinutes = options.storageLimitMinutes;
  if (options.failWritesWith) {
    const message = "The mock backend refuses changes";
    model.failures.push({ status: options.failWritesWith, writes: true, times: Infinity, message });
  }
  if (options.failWith) {
    const times = options.failTimes ?? Infinity;
    model.failures.push({
      status: options.failWith,
      times,
      message: "The mock backend is set to fail",
    });
  }
  if (options.uploadFailWith) {
    model.uploadFailures.push({
      status: options.uploadFailWith,
      times: options.uploadFailTimes ?? Infinity,
      code: 10011,
      message:
        options.uploadFailWith === 410 ? "This upload URL has expired." : "The mock upload failed.",
    });
  }
  for (const partial of options.seed ?? []) {
    const { captions, download, audio, ...video } = partial;
    model.seedMedia(model.addMock(video).uid, { captions, download, audio });
  }
  const marks = options.watermarks === "sample" ? SAMPLE_WATERMARKS : (options.watermarks ?? []);
  marks.forEach((fields, i) => {
    const profile = makeWatermark(fields, mockUid(0x3a7e0001 + i));
    model.watermarks.set(profile.uid, profile);
  });
  (options.liveInputs ?? []).forEach(({ outputs, statuses, statusPace, ...fields }, i) => {
    const input = makeLiveInput(fields, fields.uid ?? mockUid(LIVE_SEED + i));
    model.liveInputs.set(input.uid, input);
    model.liveOutputs.set(
      input.uid,
      (outputs ?? []).map((o, j) => ({
        uid: mockUid(OUTPUT_SEED + i * 16 + j),
        url: "rtmps://a.rtmp.youtube.com/live2",
        streamKey: "abcd-efgh-ijkl-mnop",
        enabled: true,
        ...o,
      })),
    );
    if (statuses?.length)
      model.liveScripts.set(input.uid, { statuses, pace: statusPace ?? 1_500, start: Date.now() });
  });
  return {
    model,
    /** The provider's `baseUrl` for this backend. */
    base: model.base,
    videos: model.lifecycles,
    add: (p: Partial<MockVideo>) => model.addMock(p),
    handlers: model.handlers(),
  };
}

/** The `baseUrl` of the story's own mock backend (`loaded.backend`), or the unscoped one. */
export function storyBase(loaded: Record<string, unknown> | undefined): string {
  const backend = loaded?.backend as { base?: unknown } | undefined;
  return typeof backend?.base === "string" ? backend.base : MOCK_BASE;
}
