import type { Video, VideoState } from "@streamkit/core";
import { HttpResponse, http } from "msw";

/** Adapted from packages/hooks/src/__tests__/streamModel.ts for the dashboard components. */
export const BASE = "http://app.test/api/stream";
export const DELIVERY = "https://delivery.app.test";

let counter = 0;
export function makeUid(): string {
  counter += 1;
  return (0xd0000 + counter).toString(16).padStart(32, "0");
}

export function makeVideo(
  uid: string,
  state: VideoState = "inprogress",
  pct = "10.000000",
  extra: Partial<Video> = {},
): Video {
  return {
    uid,
    created: new Date(Date.UTC(2026, 0, 1, 0, 0, counter)).toISOString(),
    modified: new Date(Date.UTC(2026, 0, 1, 0, 0, counter)).toISOString(),
    meta: { name: `Video ${uid.slice(-4)}` },
    status: {
      state,
      pctComplete: pct,
      errorReasonCode: state === "error" ? "ERR_NON_VIDEO" : "",
      errorReasonText: "",
    },
    readyToStream: state === "ready",
    duration: state === "ready" ? 80 : -1,
    input: { width: 1280, height: 720 },
    requireSignedURLs: false,
    allowedOrigins: [],
    scheduledDeletion: null,
    thumbnailTimestampPct: 0,
    ...extra,
  } as Video;
}

const ok = (result: unknown, extra: Record<string, unknown> = {}) =>
  HttpResponse.json({ result, success: true, errors: [], messages: [], ...extra });
const notFound = () =>
  HttpResponse.json(
    { result: null, success: false, errors: [{ code: 10003, message: "Not found" }], messages: [] },
    { status: 404 },
  );

export interface Recorded {
  method: string;
  url: URL;
  body?: unknown;
}

/**
 * An in-memory Stream behind the proxy contract, recording every request. Updates replace `meta`
 * as the API does.
 */
export class StreamModel {
  videos = new Map<string, Video>();
  requests: Recorded[] = [];
  /** Answer the next matching request with this failure instead. */
  failures: { status: number; method?: string; headers?: Record<string, string> }[] = [];

  add(...videos: Video[]): this {
    for (const v of videos) if (v.uid) this.videos.set(v.uid, v);
    return this;
  }

  set(uid: string, patch: Partial<Video>): void {
    const current = this.videos.get(uid);
    if (current) this.videos.set(uid, { ...current, ...patch });
  }

  reset(): void {
    this.videos.clear();
    this.requests = [];
    this.failures = [];
  }

  count(filter?: (r: Recorded) => boolean): number {
    return filter ? this.requests.filter(filter).length : this.requests.length;
  }

  /** Requests of one method, e.g. `model.of("POST")`. */
  of(method: string): Recorded[] {
    return this.requests.filter((r) => r.method === method);
  }

  handlers() {
    const record = async (request: Request) => {
      const body =
        request.method === "POST"
          ? await request
              .clone()
              .json()
              .catch(() => undefined)
          : undefined;
      this.requests.push({ method: request.method, url: new URL(request.url), body });
      const index = this.failures.findIndex((f) => !f.method || f.method === request.method);
      const failure = index >= 0 ? this.failures.splice(index, 1)[0] : undefined;
      if (!failure) return undefined;
      return HttpResponse.json(
        {
          result: null,
          success: false,
          errors: [{ code: 10000, message: "injected" }],
          messages: [],
        },
        { status: failure.status, headers: failure.headers },
      );
    };
    return [
      http.get(BASE, async ({ request }) => {
        const failed = await record(request);
        if (failed) return failed;
        const q = new URL(request.url).searchParams;
        let list = [...this.videos.values()];
        const ids = q.get("id")?.split(",");
        if (ids) list = list.filter((v) => ids.includes(v.uid ?? ""));
        const status = q.get("status");
        if (status) list = list.filter((v) => v.status?.state === status);
        const creator = q.get("creator");
        if (creator) list = list.filter((v) => v.creator === creator);
        const search = q.get("search")?.toLowerCase();
        if (search)
          list = list.filter((v) =>
            String(v.meta?.name ?? "")
              .toLowerCase()
              .includes(search),
          );
        const asc = q.get("asc") === "true";
        list.sort((a, b) => (asc ? 1 : -1) * String(a.created).localeCompare(String(b.created)));
        const before = q.get("before");
        if (before) list = list.filter((v) => String(v.created) < before);
        const after = q.get("after");
        if (after) list = list.filter((v) => String(v.created) > after);
        const total = list.length;
        const page = list.slice(0, Number(q.get("limit") ?? 1000));
        return ok(page, {
          range: total - page.length,
          ...(q.get("include_counts") === "true" ? { total } : {}),
        });
      }),
      http.post(`${BASE}/copy`, async ({ request }) => {
        const failed = await record(request);
        if (failed) return failed;
        const body = (await request.json()) as {
          input?: string;
          meta?: Record<string, unknown>;
          creator?: string;
          requireSignedURLs?: boolean;
        };
        const video = makeVideo(makeUid(), "downloading", "0", {
          meta: { ...body.meta, "downloaded-from": body.input },
          creator: body.creator ?? null,
          requireSignedURLs: body.requireSignedURLs ?? false,
        } as Partial<Video>);
        this.add(video);
        return ok(video);
      }),
      http.get(`${BASE}/:uid`, async ({ request, params }) => {
        const failed = await record(request);
        if (failed) return failed;
        const video = this.videos.get(String(params.uid));
        return video ? ok(video) : notFound();
      }),
      http.post(`${BASE}/:uid`, async ({ request, params }) => {
        const failed = await record(request);
        if (failed) return failed;
        const uid = String(params.uid);
        const current = this.videos.get(uid);
        if (!current) return notFound();
        const changes = (await request.json()) as Partial<Video>;
        const next = { ...current, ...changes, modified: new Date().toISOString() };
        this.videos.set(uid, next);
        return ok(next);
      }),
      http.delete(`${BASE}/:uid`, async ({ request, params }) => {
        const failed = await record(request);
        if (failed) return failed;
        if (!this.videos.delete(String(params.uid))) return notFound();
        return new HttpResponse(null, { status: 200 });
      }),
    ];
  }
}
