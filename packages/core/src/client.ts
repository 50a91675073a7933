import { type ParsedEnvelope, readEnvelope, toCount } from "./envelope";
import { isAbortError, StreamNetworkError, StreamValidationError } from "./errors";
import { listQuery } from "./requests/list";
import {
  checkCopyRequest,
  checkDirectUploadRequest,
  checkSignedTokenRequest,
  checkUpdateRequest,
} from "./requests/operations";
import type {
  CopyVideoRequest,
  DirectUploadRequest,
  DirectUploadResult,
  ListVideosParams,
  SignedTokenRequest,
  UpdateVideoRequest,
  Video,
  VideoList,
} from "./types";
import { assertUid } from "./validate";

export interface StreamClientOptions {
  /**
   * Where the app's proxy is mounted, e.g. `/api/stream`. A request to `{baseUrl}{path}` means the
   * Stream API request `/accounts/{account_id}/stream{path}`.
   */
  baseUrl: string;
  /** Defaults to the global `fetch`, looked up at call time so tests can replace it. */
  fetch?: typeof fetch;
  /** Extra headers for every request (an app's CSRF token, say); a function is called per request. */
  headers?: HeadersInit | (() => HeadersInit | Promise<HeadersInit>);
  /** Passed to fetch. Defaults to `"same-origin"`. */
  credentials?: RequestCredentials;
  /** Milliseconds before a request fails with `StreamNetworkError` of kind `timeout`. Defaults to 30000. */
  timeoutMs?: number;
}

export interface RequestOptions {
  signal?: AbortSignal;
}

export interface RawRequest extends RequestOptions {
  method?: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  query?: URLSearchParams;
  /** Serialised as JSON; a `FormData` or `Blob` is sent as is (fetch sets its content type). */
  body?: unknown;
  headers?: HeadersInit;
  /** Sees the raw response before its body is read (tus creation answers with headers only). */
  onResponse?: (response: Response) => void;
  /** `text`: a 2xx body is the result as it is (a WebVTT file); failures still read as envelopes. */
  as?: "text";
}

export interface StreamClient {
  readonly baseUrl: string;
  /** `GET /stream`: one window of the library; page on with `before`/`after` = last `created`. */
  listVideos(params?: ListVideosParams, options?: RequestOptions): Promise<VideoList>;
  getVideo(uid: string, options?: RequestOptions): Promise<Video>;
  /** `POST /stream/{uid}` (the API updates with POST, not PATCH). */
  updateVideo(uid: string, body: UpdateVideoRequest, options?: RequestOptions): Promise<Video>;
  deleteVideo(uid: string, options?: RequestOptions): Promise<void>;
  /** `POST /stream/copy`: the video comes back at once in `downloading`. */
  copyFromUrl(body: CopyVideoRequest, options?: RequestOptions): Promise<Video>;
  /** `POST /stream/direct_upload`: a one-time URL the browser posts the file to. */
  createDirectUpload(
    body: DirectUploadRequest,
    options?: RequestOptions,
  ): Promise<DirectUploadResult>;
  /** `POST /stream/{uid}/token`: a signed playback token for a private video. */
  createSignedToken(
    uid: string,
    body?: SignedTokenRequest,
    options?: RequestOptions,
  ): Promise<{ token: string }>;
  /**
   * The envelope of any other proxied operation, with the same errors and timeout handling.
   * `path` is `""` or `/`-separated segments of `[A-Za-z0-9_-]`; anything else is a
   * `StreamValidationError` before any request.
   */
  request<T>(path: string, init?: RawRequest): Promise<ParsedEnvelope<T>>;
}

const DEFAULT_TIMEOUT_MS = 30_000;

export function createStreamClient(options: StreamClientOptions): StreamClient {
  if (typeof options?.baseUrl !== "string") {
    throw new StreamValidationError(
      "baseUrl",
      "expected the URL where the Stream proxy is mounted",
    );
  }
  const baseUrl = options.baseUrl.replace(/\/+$/, "");
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;

  async function request<T>(path: string, init: RawRequest = {}): Promise<ParsedEnvelope<T>> {
    checkPath(path);
    const doFetch = options.fetch ?? globalThis.fetch;
    const headers = new Headers(
      typeof options.headers === "function" ? await options.headers() : options.headers,
    );
    for (const [key, value] of new Headers(init.headers)) headers.set(key, value);
    let body: BodyInit | undefined;
    // Multipart (caption uploads) and raw bodies go out as they are, with fetch's content type.
    if (init.body instanceof FormData || init.body instanceof Blob) body = init.body;
    else if (init.body !== undefined) {
      body = JSON.stringify(init.body);
      headers.set("content-type", "application/json");
    }
    if (!headers.has("accept")) headers.set("accept", "application/json");
    const query = init.query?.toString();
    const url = `${baseUrl}${path}${query ? `?${query}` : ""}`;

    init.signal?.throwIfAborted();
    const timeout = new AbortController();
    const timer = setTimeout(() => timeout.abort(), timeoutMs);
    const signal = anySignal(init.signal, timeout.signal);
    try {
      let response: Response;
      try {
        response = await doFetch(url, {
          method: init.method ?? "GET",
          headers,
          body,
          signal,
          credentials: options.credentials ?? "same-origin",
        });
      } catch (cause) {
        throw toNetworkError(cause, init.signal, timeout.signal, `${init.method ?? "GET"} ${url}`);
      }
      init.onResponse?.(response);
      try {
        if (init.as === "text" && response.ok)
          return { result: (await response.text()) as T, success: true, errors: [], messages: [] };
        return await readEnvelope<T>(response);
      } catch (cause) {
        // Aborting mid-body surfaces from response.text(); report it as what it was.
        if (init.signal?.aborted || timeout.signal.aborted) {
          throw toNetworkError(
            cause,
            init.signal,
            timeout.signal,
            `${init.method ?? "GET"} ${url}`,
          );
        }
        throw cause;
      }
    } finally {
      clearTimeout(timer);
    }

    function toNetworkError(
      cause: unknown,
      user: AbortSignal | undefined,
      own: AbortSignal,
      what: string,
    ) {
      if (user?.aborted) return user.reason ?? cause;
      if (own.aborted)
        return new StreamNetworkError("timeout", `${what} timed out after ${timeoutMs} ms`, {
          cause,
        });
      if (isAbortError(cause)) return cause;
      return new StreamNetworkError("fetch", `${what} failed: ${describeCause(cause)}`, { cause });
    }
  }

  return {
    baseUrl,
    request,
    async listVideos(params = {}, opts) {
      const envelope = await request<Video[]>("", {
        query: listQuery(params),
        signal: opts?.signal,
      });
      const videos = Array.isArray(envelope.result) ? envelope.result : [];
      const total = toCount(envelope.total);
      return {
        videos,
        range: toCount(envelope.range) ?? 0,
        ...(total === undefined ? {} : { total }),
      };
    },
    async getVideo(uid, opts) {
      assertUid(uid);
      return (await request<Video>(`/${uid}`, { signal: opts?.signal })).result;
    },
    async updateVideo(uid, body, opts) {
      assertUid(uid);
      checkUpdateRequest(body);
      return (await request<Video>(`/${uid}`, { method: "POST", body, signal: opts?.signal }))
        .result;
    },
    async deleteVideo(uid, opts) {
      assertUid(uid);
      await request<null>(`/${uid}`, { method: "DELETE", signal: opts?.signal });
    },
    async copyFromUrl(body, opts) {
      checkCopyRequest(body);
      return (await request<Video>("/copy", { method: "POST", body, signal: opts?.signal })).result;
    },
    async createDirectUpload(body, opts) {
      checkDirectUploadRequest(body);
      return (
        await request<DirectUploadResult>("/direct_upload", {
          method: "POST",
          body,
          signal: opts?.signal,
        })
      ).result;
    },
    async createSignedToken(uid, body = {}, opts) {
      assertUid(uid);
      checkSignedTokenRequest(body);
      return (
        await request<{ token: string }>(`/${uid}/token`, {
          method: "POST",
          body,
          signal: opts?.signal,
        })
      ).result;
    },
  };
}

/**
 * The proxy contract's paths are `[A-Za-z0-9_-]` segments (the reference proxy refuses anything
 * else): a path with `..`, `%`, `?`, `#`, spaces or other characters never reaches fetch.
 */
const PATH = /^(?:\/[A-Za-z0-9_-]{1,128})*$/;

function checkPath(path: unknown): void {
  if (typeof path !== "string" || !PATH.test(path)) {
    const shown = typeof path === "string" ? JSON.stringify(path.slice(0, 60)) : typeof path;
    throw new StreamValidationError(
      "path",
      `expected "" or /segments of letters, digits, "_" and "-", got ${shown}`,
    );
  }
}

/** AbortSignal.any where the runtime has it; a small fallback where it does not. */
function anySignal(a: AbortSignal | undefined, b: AbortSignal): AbortSignal {
  if (!a) return b;
  if (typeof AbortSignal.any === "function") return AbortSignal.any([a, b]);
  const controller = new AbortController();
  const abort = () => controller.abort();
  a.addEventListener("abort", abort, { once: true });
  b.addEventListener("abort", abort, { once: true });
  return controller.signal;
}

function describeCause(cause: unknown): string {
  if (cause instanceof Error) {
    const inner = cause.cause instanceof Error ? ` (${cause.cause.message})` : "";
    return `${cause.message}${inner}`;
  }
  return String(cause);
}
