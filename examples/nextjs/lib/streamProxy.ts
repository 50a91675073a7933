import "server-only";
import { createStreamProxy, type StreamProxy } from "@streamkit/proxy";
import { readStreamConfig } from "./config";
import { STREAM_API_PATH } from "./paths";
import { userFromRequest } from "./session";

// Next may evaluate this module once per route bundle, and the webhook route must publish on
// the very event bus the `/events` streams of the proxy route listen to: one proxy per process,
// kept on globalThis, made at the first request (the environment is not read at build time).
const processWide = globalThis as typeof globalThis & { streamkitProxy?: StreamProxy };

export function streamProxy(): StreamProxy {
  processWide.streamkitProxy ??= createProxy();
  return processWide.streamkitProxy;
}

function createProxy(): StreamProxy {
  const config = readStreamConfig();
  return createStreamProxy({
    accountId: config.accountId,
    apiToken: config.apiToken,
    upstream: config.apiBase,
    basePath: STREAM_API_PATH,
    webhookSecret: config.webhookSecret,
    // Signed out: 401, nothing reaches Stream.
    authorize: (request) => userFromRequest(request) !== null,
    // Every list, read, edit and upload is confined to the user's own videos (the `creator`).
    creatorScope: (request) => userFromRequest(request) ?? undefined,
    onError: (error) => console.error("[stream proxy]", error),
  });
}
