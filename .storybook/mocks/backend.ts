import type { Video } from "@streamkit/core";
import { delay, HttpResponse, http } from "msw";
import { type MockVideo, mockUid, snapshot } from "./lifecycle";
import { type MockMediaOptions, type MockMediaSeed, mockMedia } from "./media";
import { type MockUploadOptions, uploadHandlers } from "./uploads";

/** Where stories mount their StreamProvider; msw answers it in the browser. */
export const MOCK_BASE = "/mock-stream";
export const MOCK_DELIVERY = "https://delivery.mock.test";

const ok = (result: unknown, extra: Record<string, unknown> = {}) =>
  HttpResponse.json({ result, success: true, errors: [], messages: [], ...extra });
const fail = (status: number, code: number, message: string) =>
  HttpResponse.json(
    { result: null, success: false, errors: [{ code, message }], messages: [] },
    { status },
  );

/** Upload options (`uploadDelay`, `uploadFailWith`, …) are described in `./uploads`. */
export interface MockBackendOptions extends MockUploadOptions, MockMediaOptions {
  /** Videos present at start, with their captions and download if any (`./media`). */
  seed?: (Partial<MockVideo> & MockMediaSeed)[];
  /** Answer every request with this HTTP status (a failing backend). */
  failWith?: number;
  /** Only the first N requests fail with `failWith` (a backend that recovers). Defaults to all. */
  failTimes?: number;
  /** Answer every update, copy and delete (not reads) with this HTTP status. */
  failWritesWith?: number;
  /** Added latency per request, ms. */
  latency?: number;
  /** How long each lifecycle phase of a newly copied video lasts, ms. Defaults to 1500. */
  pace?: number;
}

/** msw handlers for the proxy contract over the lifecycle model. Each call gets a fresh library. */
export function mockBackend(options: MockBackendOptions = {}) {
  let counter = 0x5eed0000;
  const videos = new Map<string, MockVideo>();
  const add = (partial: Partial<MockVideo>): MockVideo => {
    counter += 1;
    const mock: MockVideo = {
      uid: mockUid(counter),
      createdAt: Date.now() - counter,
      name: `Video ${counter}`,
      source: "https://samples.test/video.mp4",
      pace: 1_500,
      fails: false,
      overrides: {},
      ...partial,
    };
    videos.set(mock.uid, mock);
    return mock;
  };
  const media = mockMedia(MOCK_BASE, MOCK_DELIVERY, videos, (write) => guard(write), options);
  for (const partial of options.seed ?? []) media.seed(add(partial).uid, partial);

  let failures = 0;
  const guard = async (write = false) => {
    if (options.latency) await delay(options.latency);
    if (write && options.failWritesWith)
      return fail(options.failWritesWith, 10000, "The mock backend refuses changes");
    if (!options.failWith || failures >= (options.failTimes ?? Number.POSITIVE_INFINITY))
      return undefined;
    failures += 1;
    return fail(options.failWith, 10000, "The mock backend is set to fail");
  };
  const list = () => [...videos.values()].map((m) => snapshot(m, MOCK_DELIVERY));

  return {
    videos,
    add,
    handlers: [
      http.get(MOCK_BASE, async ({ request }) => {
        const failed = await guard();
        if (failed) return failed;
        const q = new URL(request.url).searchParams;
        let result: Video[] = list();
        const ids = q.get("id")?.split(",");
        if (ids) result = result.filter((v) => ids.includes(v.uid ?? ""));
        const status = q.get("status");
        if (status) result = result.filter((v) => v.status?.state === status);
        const search = q.get("search")?.toLowerCase();
        if (search)
          result = result.filter((v) => String(v.meta?.name).toLowerCase().includes(search));
        const asc = q.get("asc") === "true";
        result.sort((a, b) => (asc ? 1 : -1) * String(a.created).localeCompare(String(b.created)));
        const before = q.get("before");
        if (before) result = result.filter((v) => String(v.created) < before);
        const after = q.get("after");
        if (after) result = result.filter((v) => String(v.created) > after);
        const total = result.length;
        const page = result.slice(0, Number(q.get("limit") ?? 1000));
        return ok(page, {
          range: total - page.length,
          ...(q.get("include_counts") === "true" ? { total } : {}),
        });
      }),
      http.post(`${MOCK_BASE}/copy`, async ({ request }) => {
        const failed = await guard(true);
        if (failed) return failed;
        const body = (await request.json()) as {
          input?: string;
          url?: string;
          meta?: { name?: string } & Record<string, unknown>;
        };
        const source = body.input ?? body.url ?? "";
        const mock = add({
          createdAt: Date.now(),
          pace: options.pace ?? 1_500,
          source,
          name: body.meta?.name ?? source.split("/").pop() ?? "video",
          fails: source.includes("broken"),
          ...(body.meta ? { meta: { "downloaded-from": source, ...body.meta } } : {}),
        });
        return ok(snapshot(mock, MOCK_DELIVERY));
      }),
      // Before `/:uid`, which would read `direct_upload` as a uid.
      ...uploadHandlers(MOCK_BASE, { add, videos }, options),
      http.get(`${MOCK_BASE}/:uid`, async ({ params }) => {
        const failed = await guard();
        if (failed) return failed;
        const mock = videos.get(String(params.uid));
        return mock ? ok(snapshot(mock, MOCK_DELIVERY)) : fail(404, 10003, "Video not found");
      }),
      // A fake signed token: three base64url parts whose payload names the video and an expiry.
      http.post(`${MOCK_BASE}/:uid/token`, async ({ params }) => {
        const failed = await guard();
        if (failed) return failed;
        if (!videos.has(String(params.uid))) return fail(404, 10003, "Video not found");
        const payload = btoa(
          JSON.stringify({ sub: params.uid, exp: Math.floor(Date.now() / 1000) + 3600 }),
        )
          .replace(/=+$/, "")
          .replace(/\+/g, "-")
          .replace(/\//g, "_");
        return ok({ token: `eyJhbGciOiJSUzI1NiJ9.${payload}.c2lnbmVk` });
      }),
      http.post(`${MOCK_BASE}/:uid`, async ({ params, request }) => {
        const failed = await guard(true);
        if (failed) return failed;
        const mock = videos.get(String(params.uid));
        if (!mock) return fail(404, 10003, "Video not found");
        const changes = (await request.json()) as Partial<Video>;
        if (changes.meta) {
          // The API replaces meta as a whole.
          const { name, ...others } = changes.meta;
          mock.name = typeof name === "string" ? name : "";
          mock.meta = others;
        }
        const { meta: _meta, ...rest } = changes;
        mock.overrides = { ...mock.overrides, ...rest };
        return ok(snapshot(mock, MOCK_DELIVERY));
      }),
      http.delete(`${MOCK_BASE}/:uid`, async ({ params }) => {
        const failed = await guard(true);
        if (failed) return failed;
        videos.delete(String(params.uid));
        return new HttpResponse(null, { status: 200 });
      }),
      ...media.handlers,
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
    ],
  };
}

/** A picture standing in for a frame: a colour from the id, the frame time, a moving dot if animated. */
export function thumbnailSvg(id: string, query: URLSearchParams, animated: boolean): string {
  const width = Number(query.get("width") ?? 640);
  const height = Number(query.get("height") ?? 360);
  let hash = 0;
  for (const char of id) hash = (hash * 31 + char.charCodeAt(0)) % 360;
  const seconds = Number.parseFloat(query.get("time") ?? "0") || 0;
  const hue = (hash + seconds * 7) % 360;
  const size = Math.max(10, Math.round(height / 6));
  const dot = animated
    ? `<circle r="${size / 2}" cy="${height - size}" fill="#fff"><animate attributeName="cx" values="${size};${width - size};${size}" dur="2s" repeatCount="indefinite"/></circle>`
    : "";
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}"><rect width="100%" height="100%" fill="hsl(${hue} 55% 40%)"/><text x="50%" y="50%" fill="#fff" font-family="sans-serif" font-size="${size}" text-anchor="middle" dominant-baseline="middle">${seconds.toFixed(1)} s</text>${dot}</svg>`;
}
