/**
 * Answers broken below HTTP: the connection dropped before or during the answer, or a body cut
 * short. On Node's server these write to the socket themselves; under `app.request` (no socket)
 * a body stream that errors is the nearest thing.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { RESPONSE_ALREADY_SENT } from "@hono/node-server/utils/response";
import type { Context } from "hono";

/** What `@hono/node-server` puts in `c.env`. */
interface NodeBindings {
  incoming?: IncomingMessage;
  outgoing?: ServerResponse;
}

const outgoingOf = (c: Context): ServerResponse | undefined =>
  (c.env as NodeBindings | undefined)?.outgoing;

const dropped = () => new Error("connection dropped (fault injection)");

/** Bytes kept of `total`: `wanted` (default half), at least 1 and never all of it. */
export function cutPoint(total: number, wanted: number | undefined): number {
  return Math.max(1, Math.min(wanted ?? Math.floor(total / 2), total - 1));
}

/**
 * Destroys the connection of this request, now, without an answer. The returned Response tells
 * the Node adapter that nothing is left to write.
 */
export function dropConnection(c: Context): Response {
  const outgoing = outgoingOf(c);
  if (outgoing) {
    outgoing.destroy();
    return RESPONSE_ALREADY_SENT;
  }
  return new Response(new ReadableStream({ start: (controller) => controller.error(dropped()) }));
}

/** Writes the status, headers and `afterBytes` of the body, then destroys the socket. */
export async function cutAnswer(c: Context, afterBytes: number | undefined): Promise<Response> {
  // HEAD answers never carry a body (Hono strips the GET handler's after this middleware).
  if (c.req.method === "HEAD") return dropConnection(c);
  const answer = c.res;
  const body = new Uint8Array(await answer.arrayBuffer());
  const outgoing = outgoingOf(c);
  if (body.byteLength < 2) return dropConnection(c);
  const cut = cutPoint(body.byteLength, afterBytes);
  if (!outgoing) {
    const headers = new Headers(answer.headers);
    headers.set("content-length", String(body.byteLength));
    return new Response(
      new ReadableStream({
        start(controller) {
          controller.enqueue(body.subarray(0, cut));
          controller.error(dropped());
        },
      }),
      { status: answer.status, headers },
    );
  }
  const headers: Record<string, string> = {};
  answer.headers.forEach((value, key) => {
    headers[key] = value;
  });
  headers["content-length"] = String(body.byteLength);
  outgoing.writeHead(answer.status, headers);
  // Destroyed once the partial body is handed to the kernel: the client reads the headers and
  // those bytes, then the connection ends short of Content-Length.
  outgoing.write(body.subarray(0, cut), () => outgoing.destroy());
  return RESPONSE_ALREADY_SENT;
}

/**
 * The answer with its body cut to `keepBytes` and no Content-Length, so the client sees a
 * complete answer whose JSON does not parse; `undefined` when the body is too short to cut.
 */
export async function truncatedBody(
  answer: Response,
  keepBytes: number | undefined,
): Promise<Response | undefined> {
  const body = new Uint8Array(await answer.arrayBuffer());
  if (body.byteLength < 2) return undefined;
  const headers = new Headers(answer.headers);
  headers.delete("content-length");
  return new Response(body.subarray(0, cutPoint(body.byteLength, keepBytes)), {
    status: answer.status,
    headers,
  });
}
