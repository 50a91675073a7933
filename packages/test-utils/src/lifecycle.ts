import type { Video, VideoState } from "@streamkit/core";

/**
 * A video whose lifecycle follows the clock, for the stories: it downloads, queues, encodes with
 * rising progress and ends ready (or in error when `fails`), whoever polls and however often.
 */
export interface MockVideo {
  uid: string;
  createdAt: number;
  name: string;
  source: string;
  /** Milliseconds each phase lasts; 0 makes a video ready at once. */
  pace: number;
  fails: boolean;
  overrides: Partial<Video>;
  /** `meta` besides the name; defaults to `{ "downloaded-from": source }`. */
  meta?: Record<string, unknown>;
  /** Seconds, once ready. Defaults to 12.5. */
  duration?: number;
}

const PHASES: { state: VideoState; share: number }[] = [
  { state: "downloading", share: 1 },
  { state: "queued", share: 1 },
  { state: "inprogress", share: 4 },
];

/** The video as the API would show it at `now`. */
export function snapshot(mock: MockVideo, origin: string, now = Date.now()): Video {
  const elapsed = now - mock.createdAt;
  let state: VideoState = mock.fails ? "error" : "ready";
  let pct = 100;
  let t = 0;
  for (const phase of PHASES) {
    const length = phase.share * mock.pace;
    if (elapsed < t + length) {
      state = phase.state;
      pct = phase.state === "inprogress" ? Math.round(((elapsed - t) / length) * 100) : 0;
      break;
    }
    t += length;
  }
  const ready = state === "ready";
  const base = `${origin}/${mock.uid}`;
  return {
    uid: mock.uid,
    creator: null as unknown as string,
    meta: { name: mock.name, ...(mock.meta ?? { "downloaded-from": mock.source }) },
    created: new Date(mock.createdAt).toISOString(),
    modified: new Date(mock.createdAt).toISOString(),
    status: {
      state,
      pctComplete: `${pct.toFixed(6)}`,
      errorReasonCode: state === "error" ? "ERR_FETCH_ORIGIN_ERROR" : "",
      errorReasonText: state === "error" ? "Could not fetch the origin" : "",
    },
    readyToStream: ready,
    readyToStreamAt: ready ? new Date(mock.createdAt + 6 * mock.pace).toISOString() : null,
    duration: ready ? (mock.duration ?? 12.5) : -1,
    input: ready ? { width: 1280, height: 720 } : { width: -1, height: -1 },
    thumbnail: `${base}/thumbnails/thumbnail.jpg`,
    preview: `${base}/watch`,
    playback: { hls: `${base}/manifest/video.m3u8`, dash: `${base}/manifest/video.mpd` },
    requireSignedURLs: false,
    allowedOrigins: [],
    thumbnailTimestampPct: 0,
    size: ready ? 4_200_000 : 0,
    ...mock.overrides,
  } as Video;
}

/** One hour per phase: long enough that a story sees no change, short enough to read as recent. */
const HELD = 3_600_000;

/**
 * `createdAt` and `pace` that put a seeded video in `state` now and keep it there for the story:
 * `seed: [{ name: "Clip", ...inState("inprogress", 40) }]`. Ready and error are reached at once.
 */
export function inState(
  state: "downloading" | "queued" | "inprogress" | "ready" | "error",
  pct = 40,
  now = Date.now(),
): Pick<MockVideo, "createdAt" | "pace" | "fails"> {
  const offset = { downloading: 0.5, queued: 1.5, inprogress: 2 + (4 * pct) / 100 };
  if (state === "ready" || state === "error")
    return { createdAt: now - 60_000, pace: 0, fails: state === "error" };
  return { createdAt: now - offset[state] * HELD, pace: HELD, fails: false };
}

/** Applies an update to a clock-driven video; the API replaces `meta` as a whole. */
export function updateMock(mock: MockVideo, changes: Partial<Video>): void {
  if (changes.meta) {
    const { name, ...others } = changes.meta;
    mock.name = typeof name === "string" ? name : "";
    mock.meta = others;
  }
  const { meta: _meta, ...rest } = changes;
  mock.overrides = { ...mock.overrides, ...rest };
}
