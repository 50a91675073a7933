import {
  createStreamClient,
  StreamApiError,
  type StreamClient,
  StreamError,
  StreamNetworkError,
} from "@streamkit/core";
import type { Fault, FaultRule, FaultScope } from "@streamkit/emulator";
import { startStack, UPLOAD_STACK, type Stack as UploadStack } from "@streamkit/test-utils/stack";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";

/** A rule without its method and path (the helper adds them). */
type Unscoped = Fault & Omit<FaultScope, "method" | "path">;

/**
 * Every fault the emulator can inject, met by the core client through the real proxy and
 * straight against the emulator (a client pointed at the API with the token, as a server would):
 * each one ends in a typed error, never a TypeError or a SyntaxError.
 */

let stack: UploadStack;
let direct: StreamClient;
let uid: string;

beforeAll(async () => {
  stack = await startStack(UPLOAD_STACK);
  direct = createStreamClient({
    baseUrl: `${stack.emulator.apiBase}/accounts/${stack.emulator.accountId}/stream`,
    headers: { authorization: `Bearer ${stack.emulator.token}` },
  });
  // A video that needs no processing: a direct upload waiting for its bytes.
  ({ uid } = await stack.client.createDirectUpload({ maxDurationSeconds: 60 }));
});

afterAll(async () => {
  await stack?.stop();
});

afterEach(() => {
  stack.emulator.faults.clear();
});

type Op = "get" | "list" | "update" | "create";
/** Each call, and the scope that hits only it. */
const OPS: Record<Op, { method: string; path: string }> = {
  get: { method: "GET", path: "/stream/*" },
  list: { method: "GET", path: "/stream" },
  update: { method: "POST", path: "/stream/*" },
  create: { method: "POST", path: "/stream/direct_upload" },
};

function call(client: StreamClient, op: Op): Promise<unknown> {
  switch (op) {
    case "get":
      return client.getVideo(uid);
    case "list":
      return client.listVideos({ limit: 5 });
    case "update":
      return client.updateVideo(uid, { meta: { touched: "yes" } });
    case "create":
      return client.createDirectUpload({ maxDurationSeconds: 30 });
  }
}

/** The error one call meets when `fault` hits it; the fault must really have been injected. */
async function failureOf(client: StreamClient, op: Op, fault: Unscoped): Promise<unknown> {
  stack.emulator.faults.set([
    { ...fault, method: OPS[op].method, path: OPS[op].path, times: 1 } as FaultRule,
  ]);
  const error = await call(client, op).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(stack.emulator.faults.state().injected.total, `${fault.type} injected`).toBe(1);
  expect(error, `${op} should fail`).toBeInstanceOf(StreamError);
  // The fault is spent: the same call works again at once.
  await expect(call(client, op)).resolves.toBeDefined();
  return error;
}

const ROUTES = { proxy: () => stack.client, direct: () => direct } as const;
const EVERY_OP = Object.keys(OPS) as Op[];

describe.each(Object.entries(ROUTES))("the core client (%s)", (route, client) => {
  it.each(EVERY_OP)("5xx envelope → StreamApiError with status and code (%s)", async (op) => {
    const error = await failureOf(client(), op, { type: "error", status: 503, code: 10503 });
    expect(error).toBeInstanceOf(StreamApiError);
    expect(error).toMatchObject({ status: 503, codes: [10503], retryAfter: undefined });
    expect((error as StreamApiError).isRetryable).toBe(true);
  });

  it.each(EVERY_OP)("429 → StreamApiError with retryAfter parsed (%s)", async (op) => {
    const error = await failureOf(client(), op, { type: "rate-limit", retryAfter: 7 });
    expect(error).toBeInstanceOf(StreamApiError);
    expect(error).toMatchObject({ status: 429, codes: [971], retryAfter: 7 });
  });

  it("429 with an HTTP-date retry-after → seconds from now", async () => {
    const date = new Date(Date.now() + 20_000).toUTCString();
    const error = await failureOf(client(), "get", { type: "rate-limit", retryAfter: date });
    const seconds = (error as StreamApiError).retryAfter ?? -1;
    expect(seconds).toBeGreaterThanOrEqual(18);
    expect(seconds).toBeLessThanOrEqual(21);
  });

  it.each(EVERY_OP)("a truncated JSON body → StreamNetworkError of kind body (%s)", async (op) => {
    const error = await failureOf(client(), op, { type: "malformed" });
    expect(error).toBeInstanceOf(StreamNetworkError);
    expect(error).toMatchObject({ kind: "body", status: 200 });
    expect((error as Error).message).toMatch(/expected a JSON envelope/);
  });

  it("an HTML page with 200 (a captive portal) → StreamNetworkError of kind body", async () => {
    const error = await failureOf(client(), "get", { type: "html", status: 200 });
    expect(error).toBeInstanceOf(StreamNetworkError);
    expect(error).toMatchObject({ kind: "body", status: 200 });
    expect((error as Error).message).toMatch(/<html>/);
  });

  it.each(EVERY_OP)(
    "a gateway's HTML 502 → StreamApiError 502 that says it was not JSON (%s)",
    async (op) => {
      const error = await failureOf(client(), op, { type: "html" });
      expect(error).toBeInstanceOf(StreamApiError);
      expect(error).toMatchObject({ status: 502, errors: [] });
      expect((error as StreamApiError).isRetryable).toBe(true);
      expect((error as Error).message).toMatch(/not JSON.*502 Bad Gateway/);
    },
  );

  it.each(EVERY_OP)("a connection reset mid-body (%s)", async (op) => {
    const error = await failureOf(client(), op, { type: "reset" });
    if (route === "direct") {
      expect(error).toBeInstanceOf(StreamNetworkError);
      expect(error).toMatchObject({ kind: "body", status: 200 });
    } else {
      // The proxy reads upstream answers whole: the broken one becomes its own 502 envelope,
      // which says the request may have been carried out.
      expect(error).toBeInstanceOf(StreamApiError);
      expect(error).toMatchObject({ status: 502, codes: [9599], outcomeUnknown: true });
      expect((error as Error).message).toMatch(/may have been carried out/);
    }
  });

  it.each(EVERY_OP)("a connection reset before any answer (%s)", async (op) => {
    const error = await failureOf(client(), op, { type: "reset", stage: "before" });
    if (route === "direct") {
      expect(error).toBeInstanceOf(StreamNetworkError);
      expect(error).toMatchObject({ kind: "fetch" });
    } else {
      // The request reached the API before the socket died: the proxy cannot know more.
      expect(error).toBeInstanceOf(StreamApiError);
      expect(error).toMatchObject({ status: 502, codes: [9599], outcomeUnknown: true });
    }
  });

  it("an empty-bodied DELETE reset before its answer → typed, and the delete happened", async () => {
    const { uid: doomed } = await client().createDirectUpload({ maxDurationSeconds: 30 });
    stack.emulator.faults.set([{ method: "DELETE", type: "reset", times: 1 }]);
    const error = await client()
      .deleteVideo(doomed)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(route === "direct" ? StreamNetworkError : StreamApiError);
    await expect(client().getVideo(doomed)).rejects.toMatchObject({ status: 404 });
  });
});

describe("latency", () => {
  it("is only a delay, and the client's timeout turns too much of it into a typed timeout", async () => {
    stack.emulator.faults.set([{ method: "GET", path: "/stream/*", type: "latency", ms: 300 }]);
    const started = performance.now();
    await expect(stack.client.getVideo(uid)).resolves.toMatchObject({ uid });
    expect(performance.now() - started).toBeGreaterThanOrEqual(290);
    const impatient = createStreamClient({ baseUrl: stack.baseUrl, timeoutMs: 100 });
    const error = await impatient.getVideo(uid).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StreamNetworkError);
    expect(error).toMatchObject({ kind: "timeout" });
  });
});
