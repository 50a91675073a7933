// One in-memory Stream behind the proxy contract, shared by the hooks and ui tests.
import type { Video, VideoState } from "@streamkit/core";
import { HttpResponse, http } from "msw";

export const BASE = "http://app.test/api/stream";

let counter = 0;
export function makeUid(): string {
  counter += 1;
  return counter.toString(16).padStart(32, "0");
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
    meta: { name: `Video ${uid.slice(-4)}` },
    status: {
      state,
      pctComplete: pct,
      errorReasonCode: state === "error" ? "ERR_NON_VIDEO" : "",
      errorReasonText: "",
    },
    readyToStream: state === "ready",
    duration: state === "ready" ? 10 : -1,
    input: { width: 1280, height: 720 },
    ...extra,
  };
}

const ok = (result: unknown, extra: Record<string, unknown> = {}) =>
  HttpResponse.json({ result, success: true, errors: [], messages: [], ...extra });

/** An in-memory Stream behind the proxy contract, counting every request it answers. */
export class StreamModel {
  videos = new Map<string, Video>();
  requests: { method: string; url: URL }[] = [];
  /** Tokens handed out by `POST /{uid}/token`, newest last. */
  tokens: string[] = [];
  /** Lifetime of those tokens, seconds. */
  tokenTtl = 3600;
  /** Answer the next N requests with this failure instead. */
  failures: { status: number; headers?: Record<string, string>; body?: string }[] = [];

  add(...videos: Video[]): this {
    for (const v of videos) if (v.uid) this.videos.set(v.uid, v);
    return this;
  }

  set(uid: string, patch: Partial<Video>): void {
    const current = this.videos.get(uid);
    if (current) this.videos.set(uid, { ...current, ...patch });
  }

  count(filter?: (r: { method: string; url: URL }) => boolean): number {
    return filter ? this.requests.filter(filter).length : this.requests.length;
  }

  handlers() {
    const record = (request: Request) => {
      this.requests.push({ method: request.method, url: new URL(request.url) });
      const failure = this.failures.shift();
      if (failure) {
        return new HttpResponse(
          failure.body ??
            JSON.stringify({
              result: null,
              success: false,
              errors: [{ code: 10000, message: "injected" }],
              messages: [],
            }),
          {
            status: failure.status,
            headers: { "content-type": "application/json", ...failure.headers },
          },
        );
      }
      return undefined;
    };
    return [
      http.get(BASE, ({ request }) => {
        const failed = record(request);
        if (failed) return failed;
        const q = new URL(request.url).searchParams;
        let list = [...this.videos.values()];
        const ids = q.get("id")?.split(",");
        if (ids) list = list.filter((v) => ids.includes(v.uid ?? ""));
        const status = q.get("status");
        if (status) list = list.filter((v) => v.status?.state === status);
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
        const limit = Number(q.get("limit") ?? 1000);
        const page = list.slice(0, limit);
        return ok(page, {
          range: total - page.length,
          ...(q.get("include_counts") === "true" ? { total } : {}),
        });
      }),
      http.post(`${BASE}/copy`, async ({ request }) => {
        const failed = record(request);
        if (failed) return failed;
        const body = (await request.json()) as {
          input?: string;
          url?: string;
          meta?: Record<string, unknown>;
        };
        const video = makeVideo(makeUid(), "downloading", "0", {
          meta: { ...body.meta, "downloaded-from": body.input ?? body.url },
        });
        this.add(video);
        return ok(video);
      }),
      http.get(`${BASE}/:uid`, ({ request, params }) => {
        const failed = record(request);
        if (failed) return failed;
        const video = this.videos.get(String(params.uid));
        return video
          ? ok(video)
          : HttpResponse.json(
              {
                result: null,
                success: false,
                errors: [{ code: 10003, message: "Not found" }],
                messages: [],
              },
              { status: 404 },
            );
      }),
      http.post(`${BASE}/:uid/token`, ({ request, params }) => {
        const failed = record(request);
        if (failed) return failed;
        const exp = Math.floor(Date.now() / 1000) + this.tokenTtl;
        const payload = btoa(
          JSON.stringify({ sub: params.uid, exp: String(exp), n: this.tokens.length }),
        )
          .replace(/=+$/, "")
          .replace(/\+/g, "-")
          .replace(/\//g, "_");
        const token = `eyJhbGciOiJSUzI1NiJ9.${payload}.c2ln`;
        this.tokens.push(token);
        return ok({ token });
      }),
      http.post(`${BASE}/:uid`, async ({ request, params }) => {
        const failed = record(request);
        if (failed) return failed;
        const uid = String(params.uid);
        const current = this.videos.get(uid);
        if (!current)
          return HttpResponse.json(
            {
              result: null,
              success: false,
              errors: [{ code: 10003, message: "Not found" }],
              messages: [],
            },
            { status: 404 },
          );
        const changes = (await request.json()) as Partial<Video>;
        const next = { ...current, ...changes, meta: { ...current.meta, ...changes.meta } };
        this.videos.set(uid, next);
        return ok(next);
      }),
      http.delete(`${BASE}/:uid`, ({ request, params }) => {
        const failed = record(request);
        if (failed) return failed;
        this.videos.delete(String(params.uid));
        return new HttpResponse(null, { status: 200 });
      }),
    ];
  }
}
