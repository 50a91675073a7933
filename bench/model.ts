import type { Video } from "@streamkit/core";

/**
 * An in-process Stream behind the proxy contract, answering `fetch` directly (no network, no
 * msw), so benchmarks run under fake timers and count every request exactly.
 */
export interface BenchModelOptions {
  /** Fraction of requests (0..1) that fail: half answer 500, half throw a network error. */
  failureRate?: number;
  /** Seed of the deterministic generator that picks the failures. */
  seed?: number;
}

export class BenchModel {
  videos = new Map<string, Video>();
  requests = 0;
  /** `Date.now()` of every request (fake timers make it simulated time). */
  log: number[] = [];
  /** Requests answered 500 / failed as a network error. */
  failures = { status500: 0, network: 0 };
  /** Processing videos and when they become ready (simulated ms since the epoch). */
  readonly schedule = new Map<string, { from: number; readyAt: number }>();
  readonly #failureRate: number;
  readonly #random: () => number;

  constructor(options: BenchModelOptions = {}) {
    this.#failureRate = options.failureRate ?? 0;
    this.#random = mulberry32(options.seed ?? 1);
  }

  /** A processing video that reaches ready at `readyAt`, its percentage growing until then. */
  addProcessing(uid: string, readyAt: number, from = Date.now()): void {
    this.add(uid, "inprogress", "0.000000");
    this.schedule.set(uid, { from, readyAt });
  }

  /** Moves scheduled videos along to `now`. */
  #advance(now: number): void {
    for (const [uid, { from, readyAt }] of this.schedule) {
      const video = this.videos.get(uid);
      if (!video?.status) continue;
      if (now >= readyAt) {
        video.status = { ...video.status, state: "ready", pctComplete: "100.000000" };
        video.readyToStream = true;
        video.duration = 30;
        this.schedule.delete(uid);
      } else {
        const pct = Math.min(99, (100 * (now - from)) / Math.max(1, readyAt - from));
        video.status = { ...video.status, pctComplete: pct.toFixed(6) };
      }
    }
  }

  add(uid: string, state: "inprogress" | "ready", pct = "50.000000"): void {
    this.videos.set(uid, {
      uid,
      created: new Date(Date.UTC(2026, 0, 1, 0, 0, this.videos.size)).toISOString(),
      meta: { name: `Video ${this.videos.size}` },
      status: { state, pctComplete: pct, errorReasonCode: "", errorReasonText: "" },
      readyToStream: state === "ready",
      duration: state === "ready" ? 30 : -1,
      input: { width: 1280, height: 720 },
    });
  }

  setAll(state: "inprogress" | "ready"): void {
    for (const uid of this.videos.keys()) this.add(uid, state);
  }

  fetch: typeof fetch = async (input) => {
    this.requests += 1;
    this.log.push(Date.now());
    if (this.#failureRate > 0 && this.#random() < this.#failureRate) {
      if (this.#random() < 0.5) {
        this.failures.network += 1;
        throw new TypeError("fetch failed (bench model: simulated network error)");
      }
      this.failures.status500 += 1;
      return new Response(
        JSON.stringify({
          result: null,
          success: false,
          errors: [{ code: 10002, message: "simulated server error" }],
          messages: [],
        }),
        { status: 500 },
      );
    }
    this.#advance(Date.now());
    const url = new URL(String(input), "http://bench.test");
    const path = url.pathname.replace(/^\/api\/stream/, "");
    const json = (result: unknown, extra: Record<string, unknown> = {}) =>
      new Response(JSON.stringify({ result, success: true, errors: [], messages: [], ...extra }));
    if (path === "" || path === "/") {
      const ids = url.searchParams.get("id")?.split(",");
      let list = [...this.videos.values()];
      if (ids) list = list.filter((v) => ids.includes(v.uid ?? ""));
      const limit = Number(url.searchParams.get("limit") ?? 1000);
      return json(list.slice(0, limit), { range: Math.max(0, list.length - limit) });
    }
    const video = this.videos.get(path.slice(1));
    return video
      ? json(video)
      : new Response(
          JSON.stringify({
            result: null,
            success: false,
            errors: [{ code: 10003, message: "not found" }],
            messages: [],
          }),
          {
            status: 404,
          },
        );
  };
}

/** A small deterministic generator (mulberry32): the same seed gives the same failures. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function benchUid(i: number): string {
  return (0xbe000000 + i).toString(16).padStart(32, "0");
}
