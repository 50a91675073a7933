import type { Video } from "@streamkit/core";
import { delay, HttpResponse, http } from "msw";
import { type MockVideo, mockUid, snapshot } from "./lifecycle";

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

export interface MockBackendOptions {
  /** Videos present at start. */
  seed?: Partial<MockVideo>[];
  /** Answer every request with this HTTP status (a failing backend). */
  failWith?: number;
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
  for (const partial of options.seed ?? []) add(partial);

  const guard = async () => {
    if (options.latency) await delay(options.latency);
    return options.failWith
      ? fail(options.failWith, 10000, "The mock backend is set to fail")
      : undefined;
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
        const failed = await guard();
        if (failed) return failed;
        const body = (await request.json()) as {
          input?: string;
          url?: string;
          meta?: { name?: string };
        };
        const source = body.input ?? body.url ?? "";
        const mock = add({
          createdAt: Date.now(),
          pace: options.pace ?? 1_500,
          source,
          name: body.meta?.name ?? source.split("/").pop() ?? "video",
          fails: source.includes("broken"),
        });
        return ok(snapshot(mock, MOCK_DELIVERY));
      }),
      http.get(`${MOCK_BASE}/:uid`, async ({ params }) => {
        const failed = await guard();
        if (failed) return failed;
        const mock = videos.get(String(params.uid));
        return mock ? ok(snapshot(mock, MOCK_DELIVERY)) : fail(404, 10003, "Video not found");
      }),
      http.post(`${MOCK_BASE}/:uid`, async ({ params, request }) => {
        const failed = await guard();
        if (failed) return failed;
        const mock = videos.get(String(params.uid));
        if (!mock) return fail(404, 10003, "Video not found");
        const changes = (await request.json()) as Partial<Video>;
        if (typeof changes.meta?.name === "string") mock.name = changes.meta.name;
        const { meta: _meta, ...rest } = changes;
        mock.overrides = { ...mock.overrides, ...rest };
        return ok(snapshot(mock, MOCK_DELIVERY));
      }),
      http.delete(`${MOCK_BASE}/:uid`, async ({ params }) => {
        const failed = await guard();
        if (failed) return failed;
        videos.delete(String(params.uid));
        return new HttpResponse(null, { status: 200 });
      }),
    ],
  };
}
