// One in-memory Stream behind the proxy contract, shared by the hooks and ui tests.
import type { Video, VideoState } from "@streamkit/core";
import { HttpResponse, http } from "msw";

export const BASE = "http://app.test/api/stream";
/** The delivery origin the dashboard tests give the provider. */
export const DELIVERY = "https://delivery.app.test";

// One counter for every test that makes uids, in either package: no two videos share one.
let counter = 0;
export function makeUid(): string {
  counter += 1;
  return counter.toString(16).padStart(32, "0");
}

/**
 * A video as the API returns it. A ready one lasts 10 s: a test that shows or computes with the
 * duration passes its own in `extra`.
 */
export function makeVideo(
  uid: string,
  state: VideoState = "inprogress",
  pct = "10.000000",
  extra: Partial<Video> = {},
): Video {
  const at = new Date(Date.UTC(2026, 0, 1, 0, 0, counter)).toISOString();
  return {
    uid,
    created: at,
    modified: at,
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
    requireSignedURLs: false,
    allowedOrigins: [],
    scheduledDeletion: null,
    thumbnailTimestampPct: 0,
    ...extra,
  };
}

const ok = (result: unknown, extra: Record<string, unknown> = {}) =>
  HttpResponse.json({ result, success: true, errors: [], messages: [], ...extra });

const notFound = () =>
  HttpResponse.json(
    { result: null, success: false, errors: [{ code: 10003, message: "Not found" }], messages: [] },
    { status: 404 },
  );

/** A request the model answered; `path` is below the base, `body` the parsed JSON of a POST. */
export interface Recorded {
  method: string;
  url: URL;
  path: string;
  contentType: string | null;
  body?: unknown;
}

/**
 * An injected failure: the next request (of `method`, to a path below the base that matches
 * `path`, when given) gets it instead.
 */
export interface Failure {
  status: number;
  method?: string;
  path?: RegExp;
  /** The error envelope's message and code; `injected` and 10000 unless given. */
  message?: string;
  code?: number;
  headers?: Record<string, string>;
  /** A raw body instead of the API's error envelope. */
  body?: string;
}

/**
 * An in-memory Stream behind the proxy contract, recording every request. Updates replace `meta`
 * as the API does.
 */
export class StreamModel {
  videos = new Map<string, Video>();
  requests: Recorded[] = [];
  /** Tokens handed out by `POST /{uid}/token`, newest last. */
  tokens: string[] = [];
  /** Lifetime of those tokens, seconds. */
  tokenTtl = 3600;
  /** Answer the next matching requests with these failures instead, in order. */
  failures: Failure[] = [];

  constructor(readonly base: string = BASE) {}

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
    this.tokens = [];
    this.tokenTtl = 3600;
  }

  count(filter?: (r: Recorded) => boolean): number {
    return filter ? this.requests.filter(filter).length : this.requests.length;
  }

  /** Requests of one method, e.g. `model.of("POST")`. */
  of(method: string): Recorded[] {
    return this.requests.filter((r) => r.method === method);
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
      path: url.pathname.slice(new URL(this.base).pathname.length),
      contentType: request.headers.get("content-type"),
      body,
    };
    this.requests.push(recorded);
    return recorded;
  }

  /** Records a request, then answers it with the first failure that matches, if any. */
  protected async enter(request: Request): Promise<Response | undefined> {
    const { method, path } = await this.record(request);
    const index = this.failures.findIndex(
      (f) => (!f.method || f.method === method) && (!f.path || f.path.test(path)),
    );
    const failure = index >= 0 ? this.failures.splice(index, 1)[0] : undefined;
    if (!failure) return undefined;
    return new HttpResponse(
      failure.body ??
        JSON.stringify({
          result: null,
          success: false,
          errors: [{ code: failure.code ?? 10000, message: failure.message ?? "injected" }],
          messages: [],
        }),
      {
        status: failure.status,
        headers: { "content-type": "application/json", ...failure.headers },
      },
    );
  }

  handlers() {
    const base = this.base;
    return [
      http.get(base, async ({ request }) => {
        const failed = await this.enter(request);
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
      http.post(`${base}/copy`, async ({ request }) => {
        const failed = await this.enter(request);
        if (failed) return failed;
        const body = (await request.json()) as {
          input?: string;
          url?: string;
          meta?: Record<string, unknown>;
          creator?: string;
          requireSignedURLs?: boolean;
        };
        const video = makeVideo(makeUid(), "downloading", "0", {
          meta: { ...body.meta, "downloaded-from": body.input ?? body.url },
          creator: body.creator ?? null,
          requireSignedURLs: body.requireSignedURLs ?? false,
        });
        this.add(video);
        return ok(video);
      }),
      http.get(`${base}/:uid`, async ({ request, params }) => {
        const failed = await this.enter(request);
        if (failed) return failed;
        const video = this.videos.get(String(params.uid));
        return video ? ok(video) : notFound();
      }),
      http.post(`${base}/:uid/token`, async ({ request, params }) => {
        const failed = await this.enter(request);
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
      http.post(`${base}/:uid`, async ({ request, params }) => {
        const failed = await this.enter(request);
        if (failed) return failed;
        const uid = String(params.uid);
        const current = this.videos.get(uid);
        if (!current) return notFound();
        // Fields sent replace the stored ones whole, `meta` included; the rest stay.
        const changes = (await request.json()) as Partial<Video>;
        const next = { ...current, ...changes, modified: new Date().toISOString() };
        this.videos.set(uid, next);
        return ok(next);
      }),
      http.delete(`${base}/:uid`, async ({ request, params }) => {
        const failed = await this.enter(request);
        if (failed) return failed;
        if (!this.videos.delete(String(params.uid))) return notFound();
        return new HttpResponse(null, { status: 200 });
      }),
    ];
  }
}
