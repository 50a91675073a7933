import { DEFAULT_API_ORIGIN } from "@streamkit/core/urls";
import type { ProxyRuntime } from "./context";
import { ProxyError, ProxyErrorCode } from "./errors";
import { createMemoryEventBus } from "./events";
import { resolveLimits, type StreamProxyOptions } from "./options";
import { normaliseBasePath } from "./paths";
import { privateKeyDer } from "./pem";
import { importSigningKey } from "./signing";

/**
 * Options → the resolved runtime every request uses. Everything that can be checked without a
 * request is checked here, so a misconfigured proxy fails at start-up with a clear TypeError
 * rather than on its first request.
 */

export function createRuntime(options: StreamProxyOptions): ProxyRuntime {
  if (typeof options !== "object" || options === null)
    throw new TypeError("createStreamProxy: options are required");
  const { accountId, apiToken } = options;
  if (typeof accountId !== "string" || !/^[A-Za-z0-9_-]{1,64}$/.test(accountId)) {
    throw new TypeError("createStreamProxy: accountId must be the account id (32 hex characters)");
  }
  if (typeof apiToken !== "string" || apiToken.trim() === "") {
    throw new TypeError(
      "createStreamProxy: apiToken is required (an API token with Stream permissions)",
    );
  }
  const upstream = (options.upstream ?? DEFAULT_API_ORIGIN).replace(/\/+$/, "");
  let upstreamUrl: URL;
  try {
    upstreamUrl = new URL(upstream);
  } catch {
    throw new TypeError(`createStreamProxy: upstream is not a URL: ${JSON.stringify(upstream)}`);
  }
  if (upstreamUrl.protocol !== "https:" && upstreamUrl.protocol !== "http:") {
    throw new TypeError("createStreamProxy: upstream must be an http(s) URL");
  }
  const limits = resolveLimits(options.limits);
  const report = (error: unknown, request: Request) => {
    try {
      options.onError?.(error, request);
    } catch {
      // a failing logger must not turn an answer into a crash
    }
  };
  const secrets = [apiToken];
  return {
    basePath: normaliseBasePath(options.basePath),
    apiToken,
    secrets,
    upstream: {
      streamUrl: `${upstream}/accounts/${accountId}/stream`,
      fetch: options.fetch ?? ((input, init) => globalThis.fetch(input, init)),
      timeoutMs: limits.upstreamTimeoutMs,
      secrets,
    },
    limits,
    signingKey: options.signingKey ? lazySigningKey(options.signingKey) : undefined,
    bus: options.events ?? createMemoryEventBus(),
    sse: {
      heartbeatMs: positive(options.sse?.heartbeatMs, 15_000, "sse.heartbeatMs"),
      retryMs: positive(options.sse?.retryMs, 3000, "sse.retryMs"),
    },
    report,
  };
}

function lazySigningKey(option: {
  id: string;
  pem: string;
}): () => Promise<{ id: string; key: CryptoKey }> {
  if (typeof option.id !== "string" || option.id === "" || typeof option.pem !== "string") {
    throw new TypeError("createStreamProxy: signingKey needs { id, pem }");
  }
  try {
    // Parsing the PEM is synchronous: a malformed key fails at start-up, not on the first token.
    privateKeyDer(option.pem);
  } catch (error) {
    throw new TypeError(
      `createStreamProxy: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  let imported: Promise<{ id: string; key: CryptoKey }> | undefined;
  return () => {
    imported ??= importSigningKey(option.pem).then(
      (key) => ({ id: option.id, key }),
      (cause: unknown) => {
        imported = undefined;
        throw new ProxyError(
          500,
          ProxyErrorCode.internal,
          `Proxy misconfigured: signingKey.pem could not be imported (${cause instanceof Error ? cause.message : String(cause)})`,
        );
      },
    );
    return imported;
  };
}

function positive(value: number | undefined, fallback: number, name: string): number {
  if (value === undefined) return fallback;
  if (typeof value !== "number" || !Number.isFinite(value) || value <= 0) {
    throw new TypeError(
      `createStreamProxy: ${name} must be a positive number, got ${String(value)}`,
    );
  }
  return value;
}
