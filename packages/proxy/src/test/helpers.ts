import type { FakeUpstream } from "@streamkit/test-utils/upstream";
import { createStreamProxy, type StreamProxy, type StreamProxyOptions } from "../index";

export const APP = "http://app.test";
export const BASE = "/api/stream";

export function proxyFor(
  fake: FakeUpstream,
  options: Partial<StreamProxyOptions> = {},
): StreamProxy {
  return createStreamProxy({
    accountId: fake.accountId,
    apiToken: fake.token,
    upstream: fake.apiBase,
    basePath: BASE,
    ...options,
  });
}

/** A browser-ish request to the proxy: `call(proxy, "GET", "/abc")`. */
export function request(
  method: string,
  path: string,
  init: { json?: unknown; headers?: Record<string, string>; body?: BodyInit } = {},
): Request {
  const headers = new Headers(init.headers);
  let body = init.body;
  if (init.json !== undefined) {
    body = JSON.stringify(init.json);
    headers.set("content-type", "application/json");
  }
  return new Request(`${APP}${BASE}${path}`, { method, headers, body: body ?? null });
}

export async function envelopeOf(response: Response): Promise<{
  result: unknown;
  success: boolean;
  errors: { code: number; message: string; source?: { pointer?: string } }[];
}> {
  return response.json() as Promise<{
    result: unknown;
    success: boolean;
    errors: { code: number; message: string; source?: { pointer?: string } }[];
  }>;
}

/** Every byte of a response the browser could see: status line aside, headers and body. */
export async function visible(response: Response): Promise<string> {
  const headers: string[] = [];
  for (const [name, value] of response.headers) headers.push(`${name}: ${value}`);
  return `${headers.join("\n")}\n\n${await response.clone().text()}`;
}
