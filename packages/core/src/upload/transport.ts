import { parseRetryAfter } from "../envelope";

/** What came back from an upload request; failures to get an answer reject instead. */
export interface TransferAnswer {
  status: number;
  body: string;
  retryAfter: number | undefined;
}

export type ProgressHandler = (bytesSent: number) => void;

/** `fetch` with streamed request bodies (`duplex` is in Node and Chromium, not yet in DOM types). */
type StreamingInit = RequestInit & { duplex?: "half" };

/**
 * Options for every streamed upload request. A streamed body cannot follow a redirect anyway, and
 * with `redirect: "error"` and no window, Node's fetch (undici) sends the request as is instead
 * of cloning it, and a clone tees the body: the unread branch kept the whole chunk in memory.
 */
const STREAMING: StreamingInit = { duplex: "half", redirect: "error", window: null };

/**
 * XMLHttpRequest is the only browser API that reports upload progress, so browsers use it;
 * elsewhere (Node, Deno, Workers) `fetch` streams the body and progress is counted as it is read.
 */
export function hasXhr(): boolean {
  return typeof XMLHttpRequest === "function" && typeof window !== "undefined";
}

function abortError(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException("The upload was aborted", "AbortError");
}

/**
 * Blob bytes are read this many at a time, and one read runs ahead of the socket: the disk and the
 * network then work at once, and memory stays at two reads (8 MiB) whatever the chunk size.
 * (1 MiB reads with no read-ahead left the socket idle during each read: ~0.65 of curl's speed.)
 */
const READ_BYTES = 4 * 1024 * 1024;

/** A body stream over `parts` (bytes and blobs, in order) that reports file bytes as they are read. */
function countingStream(
  parts: (Uint8Array | Blob)[],
  onProgress: ProgressHandler,
): ReadableStream<Uint8Array> {
  let index = 0;
  let position = 0;
  let sent = 0;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        for (;;) {
          const part = parts[index];
          if (part === undefined) {
            controller.close();
            return;
          }
          if (part instanceof Uint8Array) {
            index += 1;
            controller.enqueue(part);
            return;
          }
          if (position < part.size) {
            const bytes = new Uint8Array(
              await part.slice(position, position + READ_BYTES).arrayBuffer(),
            );
            position += bytes.byteLength;
            sent += bytes.byteLength;
            onProgress(sent);
            controller.enqueue(bytes);
            return;
          }
          index += 1;
          position = 0;
        }
      },
    },
    { highWaterMark: 1 },
  );
}

/** The `file` field's part headers, as browsers write them (quotes and line breaks escaped). */
function multipartParts(file: Blob, fileName: string, field: string) {
  const boundary = `----streamkit${Math.random().toString(16).slice(2)}${Date.now().toString(16)}`;
  const safeName = fileName.replace(/"/g, "%22").replace(/\r|\n/g, " ");
  const encoder = new TextEncoder();
  const head = encoder.encode(
    `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${safeName}"\r\n` +
      `Content-Type: ${file.type || "application/octet-stream"}\r\n\r\n`,
  );
  const tail = encoder.encode(`\r\n--${boundary}--\r\n`);
  return { boundary, head, tail, length: head.byteLength + file.size + tail.byteLength };
}

/**
 * One multipart POST of `file` (field `file`) to a one-time upload URL, with progress in file
 * bytes. The file is streamed from disk by the browser (XHR with FormData) or read in small
 * pieces (fetch), so memory stays flat whatever its size.
 */
export function postFile(
  url: string,
  file: Blob,
  fileName: string,
  { signal, onProgress }: { signal: AbortSignal; onProgress: ProgressHandler },
): Promise<TransferAnswer> {
  if (signal.aborted) return Promise.reject(abortError(signal));
  return hasXhr()
    ? postWithXhr(url, file, fileName, signal, onProgress)
    : postWithFetch(url, file, fileName, signal, onProgress);
}

function postWithXhr(
  url: string,
  file: Blob,
  fileName: string,
  signal: AbortSignal,
  onProgress: ProgressHandler,
): Promise<TransferAnswer> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    const form = new FormData();
    form.append("file", file, fileName);
    const done = () => signal.removeEventListener("abort", onAbort);
    // Settle at once: an `abort` event is not guaranteed to follow (some XHR shims never send it).
    const onAbort = () => {
      done();
      xhr.abort();
      reject(abortError(signal));
    };
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0)
        onProgress(Math.min(file.size, Math.round((event.loaded / event.total) * file.size)));
    };
    xhr.onload = () => {
      done();
      resolve({
        status: xhr.status,
        body: typeof xhr.responseText === "string" ? xhr.responseText : "",
        retryAfter: parseRetryAfter(xhr.getResponseHeader("retry-after")),
      });
    };
    xhr.onerror = () => {
      done();
      reject(new TypeError(`POST ${url} failed: network error`));
    };
    xhr.ontimeout = xhr.onerror;
    xhr.onabort = () => {
      done();
      reject(abortError(signal));
    };
    signal.addEventListener("abort", onAbort, { once: true });
    xhr.open("POST", url);
    xhr.send(form);
  });
}

async function postWithFetch(
  url: string,
  file: Blob,
  fileName: string,
  signal: AbortSignal,
  onProgress: ProgressHandler,
): Promise<TransferAnswer> {
  const parts = multipartParts(file, fileName, "file");
  const init: StreamingInit = {
    ...STREAMING,
    method: "POST",
    headers: {
      "content-type": `multipart/form-data; boundary=${parts.boundary}`,
      "content-length": String(parts.length),
    },
    body: countingStream([parts.head, file, parts.tail], onProgress),
    signal,
  };
  const response = await fetch(url, init);
  return {
    status: response.status,
    body: await response.text(),
    retryAfter: parseRetryAfter(response.headers.get("retry-after")),
  };
}

/* ---------- tus-js-client plumbing: a Blob reader and a fetch HTTP stack ---------- */

/** Structural copies of tus-js-client's interfaces (its d.ts does not export them all). */
export interface TusHttpResponse {
  getStatus(): number;
  getHeader(header: string): string | undefined;
  getBody(): string;
  getUnderlyingObject(): unknown;
}

export interface TusHttpRequest {
  getMethod(): string;
  getURL(): string;
  setHeader(header: string, value: string): void;
  getHeader(header: string): string | undefined;
  setProgressHandler(handler: (bytesSent: number) => void): void;
  send(body?: unknown): Promise<TusHttpResponse>;
  abort(): Promise<void>;
  getUnderlyingObject(): unknown;
}

export interface TusHttpStack {
  createRequest(method: string, url: string): TusHttpRequest;
  getName(): string;
}

/** Slices of a Blob; the HTTP stack streams each one (no chunk is read into memory whole). */
export const blobFileReader = {
  openFile(input: unknown) {
    if (!(typeof Blob !== "undefined" && input instanceof Blob)) {
      return Promise.reject(new TypeError("streamkit uploads take a File or a Blob"));
    }
    const blob = input;
    return Promise.resolve({
      size: blob.size,
      slice: (start: number, end: number) =>
        Promise.resolve({ value: blob.slice(start, end), done: end >= blob.size }),
      close: () => {},
    });
  },
};

/**
 * tus requests over `fetch`, for runtimes without XMLHttpRequest (tus-js-client's Node stack only
 * takes Buffers and Node streams). A Blob body is streamed with its Content-Length, and progress
 * is counted as the body is read.
 */
export class FetchHttpStack implements TusHttpStack {
  getName(): string {
    return "StreamkitFetchHttpStack";
  }

  createRequest(method: string, url: string): TusHttpRequest {
    const headers: Record<string, string> = {};
    const controller = new AbortController();
    let progress: (bytesSent: number) => void = () => {};
    return {
      getMethod: () => method,
      getURL: () => url,
      setHeader: (name, value) => {
        headers[name] = value;
      },
      getHeader: (name) => headers[name],
      setProgressHandler: (handler) => {
        progress = handler;
      },
      getUnderlyingObject: () => controller,
      abort: async () => controller.abort(),
      send: async (body) => {
        const init: StreamingInit = {
          ...STREAMING,
          method,
          headers: { ...headers },
          signal: controller.signal,
        };
        if (body instanceof Blob) {
          init.headers = { ...headers, "content-length": String(body.size) };
          init.body = countingStream([body], progress);
        } else if (body !== null && body !== undefined) {
          throw new TypeError("the fetch tus stack sends Blob bodies only");
        }
        const response = await fetch(url, init);
        const text = method === "HEAD" ? "" : await response.text();
        return {
          getStatus: () => response.status,
          getHeader: (name) => response.headers.get(name) ?? undefined,
          getBody: () => text,
          getUnderlyingObject: () => response,
        };
      },
    };
  }
}
