import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createStatusBatcher } from "../batcher";
import { createStreamClient } from "../client";
import { StreamApiError, StreamValidationError } from "../errors";
import { envelope, failure, fakeFetch, UID_A, UID_B, UID_C, video } from "./fakeFetch";

describe("createStatusBatcher", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  function setup(known = [UID_A, UID_B, UID_C], options = {}, lagging: string[] = []) {
    const { fetch, calls } = fakeFetch((req) => {
      const single = req.url.pathname.split("/")[2];
      if (single) {
        return known.includes(single)
          ? envelope(video(single))
          : failure(404, [{ code: 10003, message: "not found" }]);
      }
      const ids = (req.url.searchParams.get("id") ?? "").split(",");
      return envelope(
        ids.filter((id) => known.includes(id) && !lagging.includes(id)).map((id) => video(id)),
      );
    });
    const batcher = createStatusBatcher(createStreamClient({ baseUrl: "/s", fetch }), options);
    return { batcher, calls };
  }

  it("shares one request among the uids asked in one tick", async () => {
    const { batcher, calls } = setup();
    const all = Promise.all([
      batcher.load(UID_A),
      batcher.load(UID_B),
      batcher.load(UID_A),
      batcher.load(UID_C),
    ]);
    await vi.runAllTimersAsync();
    const videos = await all;
    expect(calls).toHaveLength(1);
    expect(calls[0]?.url.searchParams.get("id")).toBe(`${UID_A},${UID_B},${UID_C}`);
    expect(calls[0]?.url.searchParams.get("limit")).toBe("3");
    expect(videos.map((v) => v.uid)).toEqual([UID_A, UID_B, UID_A, UID_C]);
  });

  it("splits large batches at the size limit", async () => {
    const uids = Array.from({ length: 5 }, (_, i) => i.toString(16).padStart(32, "0"));
    const { batcher, calls } = setup(uids, { maxBatchSize: 2 });
    const all = Promise.all(uids.map((u) => batcher.load(u)));
    await vi.runAllTimersAsync();
    await all;
    expect(calls.map((c) => c.url.searchParams.get("id")?.split(",").length)).toEqual([2, 2, 1]);
  });

  it("asks for a uid the list lacks on its own, since lists can lag behind writes", async () => {
    const { batcher, calls } = setup([UID_A, UID_B], {}, [UID_B]);
    const pending = Promise.all([batcher.load(UID_A), batcher.load(UID_B)]);
    await vi.runAllTimersAsync();
    expect((await pending).map((v) => v.uid)).toEqual([UID_A, UID_B]);
    expect(calls.map((c) => c.url.pathname)).toEqual(["/s", `/s/${UID_B}`]);
  });

  it("rejects a uid that is really missing with a not-found error, others still resolve", async () => {
    const { batcher } = setup([UID_A]);
    const missing = batcher.load(UID_B).catch((e: unknown) => e);
    const found = batcher.load(UID_A);
    await vi.runAllTimersAsync();
    expect(await missing).toBeInstanceOf(StreamApiError);
    expect(await missing).toMatchObject({ status: 404, isNotFound: true });
    expect((await found).uid).toBe(UID_A);
  });

  it("refuses a bad uid without joining the batch", async () => {
    const { batcher, calls } = setup();
    await expect(batcher.load("nope")).rejects.toBeInstanceOf(StreamValidationError);
    await vi.runAllTimersAsync();
    expect(calls).toHaveLength(0);
  });

  it("drops aborted callers, and sends nothing when all have gone", async () => {
    const { batcher, calls } = setup();
    const controller = new AbortController();
    const pending = batcher.load(UID_A, { signal: controller.signal }).catch((e: unknown) => e);
    controller.abort();
    await vi.runAllTimersAsync();
    expect(await pending).toMatchObject({ name: "AbortError" });
    expect(calls).toHaveLength(0);
  });

  it("passes a failed request to every caller", async () => {
    const fetch = vi.fn(
      async () => new Response("nope", { status: 503 }),
    ) as unknown as typeof globalThis.fetch;
    const batcher = createStatusBatcher(createStreamClient({ baseUrl: "/s", fetch }));
    const a = batcher.load(UID_A).catch((e: unknown) => e);
    const b = batcher.load(UID_B).catch((e: unknown) => e);
    await vi.runAllTimersAsync();
    expect(await a).toMatchObject({ status: 503 });
    expect(await b).toMatchObject({ status: 503 });
  });
});
