import { forward, type OperationContext, UpstreamRefusal } from "./context";
import { ProxyError, ProxyErrorCode } from "./errors";
import { isOk, parseEnvelope, type UpstreamAnswer } from "./upstream";

/**
 * Creator scoping. Ownership is checked against the API on every request (a GET of the video):
 * nothing is cached, so a video handed to another creator a second ago is already out of reach.
 * A video of another creator answers exactly like a missing one, so uids cannot be probed.
 */

export function notFound(uid: string): ProxyError {
  return new ProxyError(404, ProxyErrorCode.notFound, `Video ${uid} not found`);
}

/** The creator of the video in a `GET /stream/{uid}` envelope; `null` when it has none. */
export function creatorOf(answer: UpstreamAnswer): string | null | undefined {
  const envelope = parseEnvelope(answer);
  const result = envelope?.result;
  if (typeof result !== "object" || result === null || Array.isArray(result)) return undefined;
  const creator = (result as { creator?: unknown }).creator;
  return typeof creator === "string" ? creator : null;
}

/**
 * Throws a 404 unless the scoped creator owns the video; returns the GET's answer so `videos.get`
 * need not ask twice. Unscoped requests are not checked (and nothing is fetched). The video is
 * the path's `{uid}` unless another (already checked) uid is given: a clip's source, say.
 */
export async function requireOwnership(
  ctx: OperationContext,
  uid: string | undefined = ctx.route.uid,
): Promise<UpstreamAnswer | undefined> {
  const { scope } = ctx;
  if (scope === undefined || uid === undefined) return undefined;
  const answer = await forward(ctx, { method: "GET", path: `/${uid}` });
  if (answer.status === 404) throw notFound(uid);
  if (!isOk(answer)) throw new UpstreamRefusal(answer);
  const creator = creatorOf(answer);
  if (creator === undefined) {
    throw new ProxyError(
      502,
      ProxyErrorCode.upstreamUnreachable,
      "Bad gateway: the Stream API answered the ownership check with something other than a video",
    );
  }
  if (creator !== scope) throw notFound(uid);
  return answer;
}

/** Under a scope, a body `creator` other than the scope's is a 403 (one may not act for another). */
export function refuseOtherCreator(
  ctx: OperationContext,
  creator: unknown,
  message = "Forbidden: creator cannot be changed to another creator",
): void {
  if (ctx.scope === undefined || creator === undefined || creator === ctx.scope) return;
  throw new ProxyError(403, ProxyErrorCode.forbidden, message, { pointer: "/creator" });
}

/** Headers that stamp an upload with the scope; without one, the browser's `Upload-Creator` is passed on. */
export function creatorHeaders(ctx: OperationContext): {
  pick: string[];
  set: Record<string, string>;
} {
  return ctx.scope === undefined
    ? { pick: ["upload-creator"], set: {} }
    : { pick: [], set: { "upload-creator": ctx.scope } };
}

export function checkScopeValue(value: unknown): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== "string" || value === "" || value.length > 64) {
    throw new ProxyError(
      500,
      ProxyErrorCode.internal,
      "Proxy misconfigured: creatorScope must return a creator id (1..64 characters) or undefined",
    );
  }
  return value;
}
