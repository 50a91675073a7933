import { StreamApiError, StreamNetworkError } from "./errors";
import type { StreamEnvelope, StreamMessage } from "./types";

/** The envelope plus the list extras (`range`, `total`) that `GET /stream` puts beside `result`. */
export type ParsedEnvelope<T> = StreamEnvelope<T> & { range?: unknown; total?: unknown };

/**
 * Reads a fetch Response as Cloudflare's envelope. Throws `StreamApiError` for a failure
 * envelope or a non-2xx status, `StreamNetworkError` for anything that is not the envelope.
 * An empty 2xx body (as `DELETE /stream/{uid}` sends) yields `result: null`.
 */
export async function readEnvelope<T>(response: Response): Promise<ParsedEnvelope<T>> {
  let text: string;
  try {
    text = await response.text();
  } catch (cause) {
    throw new StreamNetworkError(
      "body",
      `reading the response body failed (HTTP ${response.status})`,
      {
        cause,
        status: response.status,
      },
    );
  }
  const retryAfter = parseRetryAfter(response.headers.get("retry-after"));
  if (text.trim() === "") {
    if (response.ok) return { result: null as T, success: true, errors: [], messages: [] };
    throw new StreamApiError(response.status, [], retryAfter);
  }
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (cause) {
    // A gateway's error page: the status is what counts, and the message says what came instead.
    if (!response.ok)
      throw new StreamApiError(
        response.status,
        [],
        retryAfter,
        `Stream API error ${response.status}: the answer was not JSON (${snippet(text)})`,
      );
    throw new StreamNetworkError(
      "body",
      `expected a JSON envelope, got ${snippet(text)} (HTTP ${response.status})`,
      {
        cause,
        status: response.status,
      },
    );
  }
  if (!isEnvelope(body)) {
    if (!response.ok)
      throw new StreamApiError(
        response.status,
        [],
        retryAfter,
        `Stream API error ${response.status}: the answer is JSON but not a Stream envelope`,
      );
    throw new StreamNetworkError(
      "body",
      `the response is JSON but not a Stream envelope (HTTP ${response.status})`,
      {
        status: response.status,
      },
    );
  }
  const errors = toMessages(body.errors);
  if (!response.ok || body.success === false) {
    // A 200 with success:false still is a failure; report it with a 4xx-ish status of its own.
    throw new StreamApiError(response.ok ? 400 : response.status, errors, retryAfter);
  }
  return {
    ...body,
    result: body.result as T,
    success: true,
    errors,
    messages: toMessages(body.messages),
  };
}

function isEnvelope(body: unknown): body is Record<string, unknown> & { success: boolean } {
  return (
    typeof body === "object" &&
    body !== null &&
    !Array.isArray(body) &&
    typeof (body as { success?: unknown }).success === "boolean"
  );
}

function toMessages(value: unknown): StreamMessage[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item): StreamMessage[] => {
    if (typeof item !== "object" || item === null) return [];
    const { code, message } = item as { code?: unknown; message?: unknown };
    return [
      {
        ...(item as object),
        code: typeof code === "number" ? code : Number(code) || 0,
        message: typeof message === "string" ? message : String(message ?? ""),
      },
    ];
  });
}

/** `retry-after` is either delta-seconds or an HTTP date. Returns seconds, or undefined. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (value === null || value.trim() === "") return undefined;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Number(trimmed);
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, Math.ceil((date - now) / 1000));
}

/** Numbers may arrive as numeric strings (`"total": "35586"`); accept both. */
export function toCount(value: unknown): number | undefined {
  if (typeof value === "number" && Number.isFinite(value)) return value;
  if (typeof value === "string" && value.trim() !== "" && Number.isFinite(Number(value)))
    return Number(value);
  return undefined;
}

function snippet(text: string): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return JSON.stringify(flat.length > 80 ? `${flat.slice(0, 80)}…` : flat);
}
