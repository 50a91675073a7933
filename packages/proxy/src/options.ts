import type { Video } from "@streamkit/core";
import { MAX_AUDIO_TRACK_BYTES, MAX_WATERMARK_BYTES } from "@streamkit/core/requests";
import type { LiveInputNotification } from "@streamkit/core/webhooks";
import type { EventBus } from "./events";
import type { OperationPattern } from "./routes";

/** What `authorize` may answer: `true` lets the request through; `false` (or anything else) is a 401. */
export type AuthorizeResult = boolean | Response;

export interface SigningKeyOption {
  /** The key id Cloudflare returned from `POST /stream/keys`. */
  id: string;
  /** The RSA private key: PEM text, or the base64 of it as `POST /stream/keys` returns it. */
  pem: string;
}

export interface CorsOptions {
  /** Allowed origins: one, a list, `"*"` (not with credentials), or a predicate. */
  origin: string | readonly string[] | ((origin: string) => boolean);
  /** Send `Access-Control-Allow-Credentials: true` (cookies on cross-origin calls). Default false. */
  credentials?: boolean;
  /** Extra request headers the browser may send (your CSRF header, say). */
  allowHeaders?: readonly string[];
  /** Preflight cache time. Default 600. */
  maxAgeSeconds?: number;
}

export interface ProxyLimits {
  /** Largest JSON request body. Default 64 KB. */
  jsonBytes?: number;
  /** Largest caption file (`PUT /{uid}/captions/{lang}`). Default 10 MB, the API's own cap. */
  captionBytes?: number;
  /**
   * Largest watermark image (`POST /watermarks` multipart). Default 2 MB, core's
   * `MAX_WATERMARK_BYTES`; the multipart framing around it may add 64 KB.
   */
  watermarkBytes?: number;
  /**
   * Largest audio track file (`POST /{uid}/audio` multipart). Default 200 MB, the API's own cap
   * (core's `MAX_AUDIO_TRACK_BYTES`); the multipart framing around it may add 64 KB.
   */
  audioBytes?: number;
  /** Largest webhook body. Default 1 MB. */
  webhookBytes?: number;
  /** Largest `Upload-Length` a tus creation may announce. Default 30 GB, the API's own cap. */
  uploadBytes?: number;
  /** Milliseconds before an upstream call fails with 504. Default 30000. */
  upstreamTimeoutMs?: number;
}

export interface SseOptions {
  /** Milliseconds between `: heartbeat` comments that keep idle connections open. Default 15000. */
  heartbeatMs?: number;
  /** The `retry:` hint, milliseconds a browser waits before reconnecting. Default 3000. */
  retryMs?: number;
}

export interface StreamProxyOptions {
  /** The Cloudflare account id (32 hex characters). */
  accountId: string;
  /** An API token with Stream Read/Write. It never leaves the server. */
  apiToken: string;
  /** Where the proxy is mounted, e.g. `/api/stream`; the browser client's `baseUrl`. */
  basePath: string;
  /** The REST API root. Default `DEFAULT_API_ORIGIN` (`https://api.cloudflare.com/client/v4`). */
  upstream?: string;
  /**
   * The app's session check, run first on every proxied request including `/events`. Return
   * `true` to let it through, `false` for a 401, or a Response (e.g. `refuse(403)`) to answer
   * with it. Throwing a Response answers with it; throwing anything else is a 500.
   * Default: every request is allowed (only sane behind your own auth layer).
   */
  authorize?: (request: Request) => AuthorizeResult | Promise<AuthorizeResult>;
  /**
   * The current user's creator id, or `undefined` for an unscoped request (an admin, say).
   * When a string: uploads are stamped with it, lists filtered by it, and other creators'
   * videos answer 404.
   */
  creatorScope?: (request: Request) => string | undefined | Promise<string | undefined>;
  /** Operations to serve, by name or `group.*`. Default: all of them. */
  allow?: readonly OperationPattern[];
  /**
   * Operations only an admin may call, by name or `group.*`. Default `DEFAULT_ADMIN_ONLY`:
   * `["watermarks.create", "watermarks.delete"]` (watermark profiles are account-wide, so one
   * user's change affects every user). `[]` makes none admin-only.
   */
  adminOnly?: readonly OperationPattern[];
  /**
   * Whether this request comes from an admin, asked (after `authorize`) only for `adminOnly`
   * operations. Absent, or answering anything but `true`: those operations answer 403.
   */
  isAdmin?: (request: Request) => boolean | Promise<boolean>;
  /** Sign playback tokens locally (no API call, no 10,000/day advice) with this key. */
  signingKey?: SigningKeyOption;
  /** The webhook secret (`GET /stream/webhook` → `secret`); needed by `handleWebhook`. */
  webhookSecret?: string;
  /** Seconds a webhook signature stays acceptable. Default 300. */
  webhookToleranceSeconds?: number;
  /** Runs for each verified webhook before it is published (to update your database, say). */
  onWebhook?: (video: Video, request: Request) => void | Promise<void>;
  /**
   * The secret of the Cloudflare Notifications webhook destination that live input notifications
   * go to (sent as is in `cf-webhook-auth`); needed by `handleLiveNotification`.
   */
  liveNotificationSecret?: string;
  /** Runs for each verified live input notification before it is published. */
  onLiveNotification?: (
    notification: LiveInputNotification,
    request: Request,
  ) => void | Promise<void>;
  /**
   * Where verified webhooks and live notifications are published and `/events` subscribes.
   * Default: in-memory, per process.
   */
  events?: EventBus;
  /** CORS for cross-origin browser apps. Default: none (same-origin apps need none). */
  cors?: CorsOptions;
  limits?: ProxyLimits;
  sse?: SseOptions;
  /** The fetch used for upstream calls (tests, Worker service bindings). Default: global fetch. */
  fetch?: typeof fetch;
  /** Called with unexpected errors (a hook that threw, a bad signing key) for your logs. */
  onError?: (error: unknown, request: Request) => void;
}

export interface ResolvedLimits {
  jsonBytes: number;
  captionBytes: number;
  watermarkBytes: number;
  audioBytes: number;
  webhookBytes: number;
  uploadBytes: number;
  upstreamTimeoutMs: number;
}

export const DEFAULT_LIMITS: ResolvedLimits = {
  jsonBytes: 64 * 1024,
  captionBytes: 10 * 1024 * 1024,
  watermarkBytes: MAX_WATERMARK_BYTES,
  audioBytes: MAX_AUDIO_TRACK_BYTES,
  webhookBytes: 1024 * 1024,
  uploadBytes: 30 * 1000 * 1000 * 1000,
  upstreamTimeoutMs: 30_000,
};

export function resolveLimits(limits: ProxyLimits | undefined): ResolvedLimits {
  const resolved = { ...DEFAULT_LIMITS };
  for (const key of Object.keys(DEFAULT_LIMITS) as (keyof ResolvedLimits)[]) {
    const value = limits?.[key];
    if (value === undefined) continue;
    if (typeof value !== "number" || !Number.isFinite(value) || value <= 0) {
      throw new TypeError(
        `createStreamProxy: limits.${key} must be a positive number, got ${String(value)}`,
      );
    }
    resolved[key] = value;
  }
  return resolved;
}
