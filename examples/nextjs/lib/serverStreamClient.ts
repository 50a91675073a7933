import "server-only";
import { createStreamClient, type StreamClient } from "@streamkit/core";
import { STREAM_API_PATH } from "./paths";
import { USER_COOKIE } from "./session";
import { streamProxy } from "./streamProxy";

/**
 * A Stream client for Server Components, acting as `user`. It speaks the same contract as the
 * browser's, and its requests go through the same proxy, in process: the same session check and
 * the same creator scope apply, with no HTTP round trip to our own origin (whose address a
 * server component does not reliably know). The origin below is never dialled.
 */
export function serverStreamClient(user: string): StreamClient {
  const proxy = streamProxy();
  return createStreamClient({
    baseUrl: `http://in-process.invalid${STREAM_API_PATH}`,
    fetch: (input, init) => proxy.fetch(new Request(input, init)),
    headers: { cookie: `${USER_COOKIE}=${user}` },
  });
}
