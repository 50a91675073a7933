import type { OperationContext } from "../context";
import { sseResponse } from "../sse";

/** `GET {basePath}/events`: verified webhook videos as server-sent events, scoped to the creator. */
export async function subscribeEvents(ctx: OperationContext): Promise<Response> {
  return sseResponse({
    bus: ctx.runtime.bus,
    creator: ctx.scope,
    lastEventId: lastEventId(ctx.request),
    heartbeatMs: ctx.runtime.sse.heartbeatMs,
    retryMs: ctx.runtime.sse.retryMs,
    secrets: ctx.runtime.secrets,
    signal: ctx.request.signal,
    onError: (error) => ctx.runtime.report(error, ctx.request),
  });
}

/** The id a reconnecting EventSource sent, trimmed to a sane length (ids are ours, short). */
function lastEventId(request: Request): string | undefined {
  const id = request.headers.get("last-event-id")?.trim();
  return id && id.length <= 256 ? id : undefined;
}
