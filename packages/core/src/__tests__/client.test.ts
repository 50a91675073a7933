import { describe, expect, it } from "vitest";
import { createStreamClient } from "../client";
import { StreamApiError, StreamNetworkError, StreamValidationError } from "../errors";
import { envelope, failure, fakeFetch, UID_A, UID_B, video } from "./fakeFetch";

describe("createStreamClient", () => {
  it("maps each method onto the proxy contract", async () => {
    const { fetch, calls } = fakeFetch((req) => {
      if (req.method === "DELETE") return new Response("", { status: 200 });
      if (req.url.pathname.endsWith("/direct_upload"))
        return envelope({ uid: UID_A, uploadURL: "http://u/x" });
      if (req.url.pathname.endsWith("/token")) return envelope({ token: "a.b.c" });
      if (req.url.pathname === "/api/stream")
        return envelope([video(UID_A)], { range: 0, total: 1 });
      return envelope(video(UID_A));
    });
    const client = createStreamClient({ baseUrl: "/api/stream/", fetch });
    await client.listVideos({
      search: "cat",
      status: "ready",
      limit: 10,
      asc: true,
      include_counts: true,
    });
    await client.getVideo(UID_A);
    await client.updateVideo(UID_A, { meta: { name: "new" }, requireSignedURLs: true });
    await client.deleteVideo(UID_A);
    await client.copyFromUrl({
      input: "https://example.com/v.mp4",
      meta: { name: "v" },
      creator: "u1",
    });
    await client.createDirectUpload({ maxDurationSeconds: 60 });
    await client.createSignedToken(UID_A, { downloadable: true });
    expect(calls.map((c) => `${c.method} ${c.url.pathname}${c.url.search}`)).toEqual([
      "GET /api/stream?status=ready&asc=true&search=cat&include_counts=true&limit=10",
      `GET /api/stream/${UID_A}`,
      `POST /api/stream/${UID_A}`,
      `DELETE /api/stream/${UID_A}`,
      "POST /api/stream/copy",
      "POST /api/stream/direct_upload",
      `POST /api/stream/${UID_A}/token`,
    ]);
    expect(calls[2]?.body).toEqual({ meta: { name: "new" }, requireSignedURLs: true });
    expect(calls[2]?.headers.get("content-type")).toBe("application/json");
  });

  it("returns range and total, accepting numeric strings", async () => {
    const { fetch } = fakeFetch(() =>
      envelope([video(UID_A), video(UID_B)], { range: "3", total: "35586" }),
    );
    const list = await createStreamClient({ baseUrl: "/s", fetch }).listVideos({
      include_counts: true,
    });
    expect(list).toEqual({
      videos: [expect.objectContaining({ uid: UID_A }), expect.anything()],
      range: 3,
      total: 35586,
    });
  });

  it("sends an id list comma-separated and cursors as given", async () => {
    const { fetch, calls } = fakeFetch(() => envelope([]));
    const client = createStreamClient({ baseUrl: "/s", fetch });
    await client.listVideos({ id: [UID_A, UID_B], before: "2026-01-01T00:00:00Z" });
    expect(calls[0]?.url.searchParams.get("id")).toBe(`${UID_A},${UID_B}`);
    expect(calls[0]?.url.searchParams.get("before")).toBe("2026-01-01T00:00:00Z");
  });

  it.each([
    ["getVideo with a bad uid", (c: ReturnType<typeof createStreamClient>) => c.getVideo("ABC")],
    [
      "getVideo with uppercase hex",
      (c: ReturnType<typeof createStreamClient>) => c.getVideo("A".repeat(32)),
    ],
    [
      "updateVideo with pct > 1",
      (c: ReturnType<typeof createStreamClient>) =>
        c.updateVideo(UID_A, { thumbnailTimestampPct: 2 }),
    ],
    [
      "deleteVideo with a path",
      (c: ReturnType<typeof createStreamClient>) => c.deleteVideo(`../${UID_A}`),
    ],
    [
      "copy with ftp",
      (c: ReturnType<typeof createStreamClient>) => c.copyFromUrl({ input: "ftp://x/y.mp4" }),
    ],
    ["copy with no URL", (c: ReturnType<typeof createStreamClient>) => c.copyFromUrl({} as never)],
    [
      "copy with a long creator",
      (c: ReturnType<typeof createStreamClient>) =>
        c.copyFromUrl({ url: "https://x/y", creator: "c".repeat(65) }),
    ],
    [
      "direct upload without maxDurationSeconds",
      (c: ReturnType<typeof createStreamClient>) => c.createDirectUpload({} as never),
    ],
    [
      "direct upload over 36000 s",
      (c: ReturnType<typeof createStreamClient>) =>
        c.createDirectUpload({ maxDurationSeconds: 36_001 }),
    ],
    ["list with limit 0", (c: ReturnType<typeof createStreamClient>) => c.listVideos({ limit: 0 })],
    [
      "list with limit 1001",
      (c: ReturnType<typeof createStreamClient>) => c.listVideos({ limit: 1001 }),
    ],
    [
      "list with a bad status",
      (c: ReturnType<typeof createStreamClient>) => c.listVideos({ status: "done" as never }),
    ],
    [
      "list with a bad id",
      (c: ReturnType<typeof createStreamClient>) => c.listVideos({ id: ["nope"] }),
    ],
    [
      "list with a bad date",
      (c: ReturnType<typeof createStreamClient>) => c.listVideos({ after: "yesterday" }),
    ],
    [
      "token with a bad uid",
      (c: ReturnType<typeof createStreamClient>) => c.createSignedToken("x"),
    ],
  ])("refuses %s before any request", async (_name, call) => {
    const { fetch, calls } = fakeFetch(() => envelope(null));
    const client = createStreamClient({ baseUrl: "/s", fetch });
    await expect(call(client)).rejects.toBeInstanceOf(StreamValidationError);
    expect(calls).toHaveLength(0);
  });

  it("turns a failure envelope into StreamApiError with codes and retry-after", async () => {
    const { fetch } = fakeFetch(() =>
      failure(429, [{ code: 10000, message: "Rate limited" }], { "retry-after": "7" }),
    );
    const error = await createStreamClient({ baseUrl: "/s", fetch })
      .getVideo(UID_A)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StreamApiError);
    expect(error).toMatchObject({ status: 429, retryAfter: 7, codes: [10000], isRetryable: true });
    expect((error as Error).message).toContain("Rate limited");
  });

  it("treats success:false with a 200 as an API error", async () => {
    const { fetch } = fakeFetch(
      () =>
        new Response(
          JSON.stringify({
            success: false,
            result: null,
            errors: [{ code: 1, message: "no" }],
            messages: [],
          }),
        ),
    );
    await expect(
      createStreamClient({ baseUrl: "/s", fetch }).getVideo(UID_A),
    ).rejects.toBeInstanceOf(StreamApiError);
  });

  it("reports a body that is not the envelope as a network error", async () => {
    const { fetch } = fakeFetch(() => new Response("<html>gateway</html>", { status: 200 }));
    const error = await createStreamClient({ baseUrl: "/s", fetch })
      .getVideo(UID_A)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StreamNetworkError);
    expect(error).toMatchObject({ kind: "body", status: 200 });
  });

  it("reports a non-JSON error page as an API error with its status", async () => {
    const { fetch } = fakeFetch(() => new Response("Bad gateway", { status: 502 }));
    await expect(
      createStreamClient({ baseUrl: "/s", fetch }).getVideo(UID_A),
    ).rejects.toMatchObject({
      name: "StreamApiError",
      status: 502,
      message: 'Stream API error 502: the answer was not JSON ("Bad gateway")',
    });
  });

  it("reports a failed fetch as a network error", async () => {
    const fetch = (async () => {
      throw new TypeError("fetch failed");
    }) as typeof globalThis.fetch;
    await expect(
      createStreamClient({ baseUrl: "/s", fetch }).getVideo(UID_A),
    ).rejects.toMatchObject({
      name: "StreamNetworkError",
      kind: "fetch",
    });
  });

  it("times out with a typed error", async () => {
    const fetch = ((_url: string, init: RequestInit) =>
      new Promise((_resolve, reject) => {
        init.signal?.addEventListener("abort", () =>
          reject(new DOMException("aborted", "AbortError")),
        );
      })) as unknown as typeof globalThis.fetch;
    await expect(
      createStreamClient({ baseUrl: "/s", fetch, timeoutMs: 20 }).getVideo(UID_A),
    ).rejects.toMatchObject({
      name: "StreamNetworkError",
      kind: "timeout",
    });
  });

  it("passes the caller's abort through as an AbortError, not a failure", async () => {
    const controller = new AbortController();
    const fetch = ((_url: string, init: RequestInit) =>
      new Promise((_resolve, reject) => {
        init.signal?.addEventListener("abort", () =>
          reject(new DOMException("aborted", "AbortError")),
        );
      })) as unknown as typeof globalThis.fetch;
    const pending = createStreamClient({ baseUrl: "/s", fetch }).getVideo(UID_A, {
      signal: controller.signal,
    });
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: "AbortError" });
  });

  it("adds the app's headers, from a function too", async () => {
    const { fetch, calls } = fakeFetch(() => envelope(video(UID_A)));
    await createStreamClient({
      baseUrl: "/s",
      fetch,
      headers: async () => ({ "x-csrf": "t1" }),
    }).getVideo(UID_A);
    expect(calls[0]?.headers.get("x-csrf")).toBe("t1");
  });

  it("resolves deleteVideo on the API's empty 200 body", async () => {
    const { fetch } = fakeFetch(() => new Response(null, { status: 200 }));
    await expect(
      createStreamClient({ baseUrl: "/s", fetch }).deleteVideo(UID_A),
    ).resolves.toBeUndefined();
  });

  it("refuses a missing baseUrl", () => {
    expect(() => createStreamClient({} as never)).toThrow(StreamValidationError);
  });
});
