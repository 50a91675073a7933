import { StreamApiError } from "@streamkit/core";
import { renderHook, waitFor } from "@testing-library/react";
import { HttpResponse, http } from "msw";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createQueryRetry, DEFAULT_RETRY_POLICY } from "../retry";
import { useVideo } from "../useVideo";
import { useVideos } from "../useVideos";
import { wrapper } from "./render";

// The base URL render.tsx's wrapper gives its client.
const BASE = "http://app.test/api/stream";
const UID = "0000000000000000000000000000a11e";
let requests = 0;
const unavailable = () => {
  requests += 1;
  return HttpResponse.json(
    { result: null, success: false, errors: [{ code: 10000, message: "busy" }], messages: [] },
    { status: 503 },
  );
};
const server = setupServer(http.get(BASE, unavailable), http.get(`${BASE}/:uid`, unavailable));
beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterEach(() => {
  requests = 0;
});
afterAll(() => server.close());

describe("the provider's retry policy", () => {
  it("retries as many times as it says, as fast as it says", async () => {
    const { Wrapper } = wrapper({ retry: { retries: 4, baseDelayMs: 5 } });
    const { result } = renderHook(() => useVideos(), { wrapper: Wrapper });
    await waitFor(() => expect(result.current.error).toBeInstanceOf(StreamApiError));
    expect(requests).toBe(5);
  });

  it("can turn retries off", async () => {
    const { Wrapper } = wrapper({ retry: { retries: 0 } });
    const { result } = renderHook(() => useVideo(UID), { wrapper: Wrapper });
    await waitFor(() => expect(result.current.error).toMatchObject({ status: 503 }));
    expect(requests).toBe(1);
  });

  it("never waits past maxDelayMs, retry-after included, and never retries a 404", () => {
    const { retry, retryDelay } = createQueryRetry({ maxDelayMs: 2_000 });
    expect(retryDelay(3, new Error("network"))).toBe(2_000);
    const limited = new StreamApiError(429, [], 60);
    expect(retryDelay(0, limited)).toBe(2_000);
    expect(retry(0, new StreamApiError(404, []))).toBe(false);
    expect(retry(DEFAULT_RETRY_POLICY.retries, new Error("network"))).toBe(false);
  });
});
