import type { IncomingMessage, ServerResponse } from "node:http";
import type { TLSSocket } from "node:tls";
import { errorEnvelope, ProxyErrorCode } from "./errors";
import { pathProblem, pathUnderBase } from "./paths";

/**
 * Adapters from the web-standard handler to Node's http server and Express. Bodies stream both
 * ways with backpressure: request bytes are pulled from the socket only as fast as the handler
 * reads them, and response chunks (server-sent events included) are written as they come.
 */

/** Any `(Request) => Response` handler: a `StreamProxy`, its `handleWebhook`, or your own. */
export type WebHandler = (request: Request) => Response | Promise<Response>;

/** The parts of Express's request this adapter reads, so express is not needed at runtime. */
export interface ExpressLikeRequest extends IncomingMessage {
  originalUrl?: string;
  /** Set by a body parser that ran first; used only when the stream was already consumed. */
  body?: unknown;
}

export type ExpressLikeNext = (error?: unknown) => void;
export type NodeHandler = (req: IncomingMessage, res: ServerResponse) => void;
export type ExpressMiddleware = (
  req: ExpressLikeRequest,
  res: ServerResponse,
  next: ExpressLikeNext,
) => void;

type StreamingInit = RequestInit & { duplex?: "half" };

export interface NodeHandlerOptions {
  /** Called with errors the handler threw (it then answers 500) or that broke a response mid-stream. */
  onError?: (error: unknown) => void;
}

export function toNodeHandler(handler: WebHandler, options: NodeHandlerOptions = {}): NodeHandler {
  return (req, res) => {
    void serve(handler, req, res, options);
  };
}

/**
 * Express middleware. With a `StreamProxy` (which knows its `basePath`), requests outside it go
 * to `next()`. Mount it before `express.json()`, or the proxy gets a re-serialised body.
 */
export function expressHandler(
  handler: WebHandler & { readonly basePath?: string },
  options: NodeHandlerOptions = {},
): ExpressMiddleware {
  return (req, res, next) => {
    const base = handler.basePath;
    if (base !== undefined && pathUnderBase(rawPath(req), base) === undefined) {
      next();
      return;
    }
    void serve(handler, req, res, options);
  };
}

async function serve(
  handler: WebHandler,
  req: ExpressLikeRequest,
  res: ServerResponse,
  options: NodeHandlerOptions,
): Promise<void> {
  const abort = new AbortController();
  res.once("close", () => {
    if (!res.writableFinished) abort.abort();
  });
  try {
    // The URL parser would silently resolve `../`; the raw path is checked before it gets the chance.
    const problem = pathProblem(rawPath(req));
    if (problem !== undefined) {
      sendJson(res, 400, errorEnvelope(ProxyErrorCode.badRequest, `Invalid path: ${problem}`));
      return;
    }
    const response = await handler(toRequest(req, abort.signal));
    await writeResponse(response, res);
  } catch (error) {
    options.onError?.(error);
    if (!res.headersSent) {
      sendJson(
        res,
        500,
        errorEnvelope(ProxyErrorCode.internal, "Internal proxy error (see the server log)"),
      );
    } else {
      res.destroy();
    }
  }
}

function rawPath(req: ExpressLikeRequest): string {
  const url = req.originalUrl ?? req.url ?? "/";
  const query = url.indexOf("?");
  return query < 0 ? url : url.slice(0, query);
}

const HOST = /^[A-Za-z0-9.-]+(:\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](:\d{1,5})?$/;

export function toRequest(req: ExpressLikeRequest, signal: AbortSignal): Request {
  const encrypted = (req.socket as TLSSocket | undefined)?.encrypted === true;
  const host =
    req.headers.host !== undefined && HOST.test(req.headers.host) ? req.headers.host : "localhost";
  const path = req.originalUrl ?? req.url ?? "/";
  // Concatenated, not resolved: `//evil.example/x` must stay a path, not become a host.
  const url = `${encrypted ? "https" : "http"}://${host}${path.startsWith("/") ? path : `/${path}`}`;

  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (name.startsWith(":") || value === undefined) continue;
    headers.set(name, Array.isArray(value) ? value.join(", ") : value);
  }
  const method = req.method ?? "GET";
  const init: StreamingInit = { method, headers, signal };
  if (method !== "GET" && method !== "HEAD") {
    const body = requestBody(req);
    if (body !== undefined) {
      init.body = body;
      init.duplex = "half";
    }
  }
  return new Request(url, init);
}

function requestBody(req: ExpressLikeRequest): BodyInit | undefined {
  if (req.readableEnded) {
    // A body parser got there first: use what it left, as faithfully as possible.
    const parsed = req.body;
    if (parsed === undefined || parsed === null) return undefined;
    if (typeof parsed === "string") return parsed;
    if (parsed instanceof Uint8Array) return new Uint8Array(parsed);
    return JSON.stringify(parsed);
  }
  const length = req.headers["content-length"];
  if (req.headers["transfer-encoding"] === undefined && (length === undefined || length === "0"))
    return undefined;
  return nodeBodyStream(req);
}

/**
 * Pull-based: the socket is read only when the consumer asks, so nothing piles up in memory.
 * Cancelling (the proxy refusing an oversized body, say) drains the rest instead of destroying
 * the socket, so the refusal can still be sent.
 */
function nodeBodyStream(req: IncomingMessage): ReadableStream<Uint8Array> {
  let cancelled = false;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      return new Promise<void>((resolve) => {
        const finish = () => {
          req.off("readable", tryRead);
          req.off("end", onEnd);
          req.off("error", onError);
          resolve();
        };
        const tryRead = () => {
          const chunk: unknown = req.read();
          if (chunk === null) return;
          controller.enqueue(toBytes(chunk));
          finish();
        };
        const onEnd = () => {
          controller.close();
          finish();
        };
        const onError = (error: Error) => {
          controller.error(error);
          finish();
        };
        if (req.readableEnded) {
          onEnd();
          return;
        }
        req.on("readable", tryRead);
        req.on("end", onEnd);
        req.on("error", onError);
        tryRead();
      });
    },
    cancel() {
      if (cancelled) return;
      cancelled = true;
      req.resume();
    },
  });
}

function toBytes(chunk: unknown): Uint8Array {
  if (chunk instanceof Uint8Array) return chunk;
  return new TextEncoder().encode(String(chunk));
}

async function writeResponse(response: Response, res: ServerResponse): Promise<void> {
  res.statusCode = response.status;
  response.headers.forEach((value, name) => {
    if (name !== "set-cookie") res.setHeader(name, value);
  });
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) res.setHeader("set-cookie", cookies);
  if (response.body === null) {
    res.end();
    return;
  }
  // Event streams must reach the browser before the first event, not with it.
  if (response.headers.get("content-type")?.startsWith("text/event-stream")) res.flushHeaders();
  const reader = response.body.getReader();
  const onClose = () => {
    reader.cancel().catch(() => undefined);
  };
  res.once("close", onClose);
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      if (res.destroyed) break;
      if (!res.write(value)) await drained(res);
    }
    res.end();
  } finally {
    res.off("close", onClose);
  }
}

function drained(res: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      res.off("drain", done);
      res.off("close", done);
      resolve();
    };
    res.on("drain", done);
    res.on("close", done);
  });
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    "content-type": "application/json; charset=utf-8",
    "content-length": Buffer.byteLength(text),
    "cache-control": "no-store",
  });
  res.end(text);
}
