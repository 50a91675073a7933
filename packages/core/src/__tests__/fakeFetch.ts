import { vi } from "vitest";

export interface Recorded {
  method: string;
  url: URL;
  body: unknown;
  headers: Headers;
}

/** A fetch that records calls and answers with whatever `respond` returns. */
export function fakeFetch(respond: (req: Recorded) => Response | Promise<Response>) {
  const calls: Recorded[] = [];
  const fn = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const req: Recorded = {
      method: init?.method ?? "GET",
      url: new URL(String(input), "http://app.test"),
      body: typeof init?.body === "string" ? JSON.parse(init.body) : undefined,
      headers: new Headers(init?.headers),
    };
    calls.push(req);
    init?.signal?.throwIfAborted();
    return respond(req);
  });
  return { fetch: fn as unknown as typeof fetch, calls };
}

export function envelope(
  result: unknown,
  extra: Record<string, unknown> = {},
  status = 200,
): Response {
  return new Response(
    JSON.stringify({ result, success: true, errors: [], messages: [], ...extra }),
    {
      status,
      headers: { "content-type": "application/json" },
    },
  );
}

export function failure(
  status: number,
  errors: { code: number; message: string }[],
  headers: HeadersInit = {},
) {
  return new Response(JSON.stringify({ result: null, success: false, errors, messages: [] }), {
    status,
    headers: { "content-type": "application/json", ...headers },
  });
}

export const UID_A = "a".repeat(32);
export const UID_B = "b".repeat(32);
export const UID_C = "c".repeat(32);

export function video(uid: string, state = "inprogress", pctComplete = "50.000000") {
  return {
    uid,
    status: { state, pctComplete, errorReasonCode: "", errorReasonText: "" },
    readyToStream: state === "ready",
    meta: { name: `video ${uid.slice(0, 4)}` },
    created: "2026-11-01T00:00:00Z",
    duration: -1,
    input: { width: -1, height: -1 },
  };
}
