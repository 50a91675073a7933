import { readJson } from "../body";
import { checkCopyBody, checkUpdateBody } from "../bodyShapes";
import { forward, forwardJson, type OperationContext, respond } from "../context";
import { listSearch, storageSearch } from "../listQuery";
import { creatorHeaders, refuseOtherCreator, requireOwnership } from "../scope";
import { isOk, parseEnvelope } from "../upstream";

/** List, get, update, delete, copy and storage usage: the video library itself. */

export async function listVideos(ctx: OperationContext): Promise<Response> {
  const answer = await forward(ctx, {
    method: "GET",
    path: "",
    query: listSearch(ctx.url.searchParams, ctx.scope),
  });
  if (ctx.scope === undefined || !isOk(answer)) return respond(ctx.runtime, answer);
  // The API filters by `creator`; this second look only guards against an upstream that ignored it.
  const envelope = parseEnvelope(answer);
  if (!envelope || !Array.isArray(envelope.result)) return respond(ctx.runtime, answer);
  const mine = envelope.result.filter(
    (video: unknown) =>
      typeof video === "object" &&
      video !== null &&
      (video as { creator?: unknown }).creator === ctx.scope,
  );
  if (mine.length === envelope.result.length) return respond(ctx.runtime, answer);
  return respond(ctx.runtime, answer, JSON.stringify({ ...envelope, result: mine }));
}

export async function getVideo(ctx: OperationContext): Promise<Response> {
  const owned = await requireOwnership(ctx);
  if (owned) return respond(ctx.runtime, owned);
  return respond(ctx.runtime, await forward(ctx, { method: "GET", path: `/${ctx.route.uid}` }));
}

export async function updateVideo(ctx: OperationContext): Promise<Response> {
  const uid = ctx.route.uid ?? "";
  const body = checkUpdateBody(
    await readJson(ctx.request, ctx.runtime.limits.jsonBytes, "videos.update"),
    uid,
  );
  refuseOtherCreator(ctx, body.creator);
  await requireOwnership(ctx);
  return respond(
    ctx.runtime,
    await forwardJson(ctx, { method: "POST", path: `/${uid}`, json: body }),
  );
}

export async function deleteVideo(ctx: OperationContext): Promise<Response> {
  await requireOwnership(ctx);
  return respond(ctx.runtime, await forward(ctx, { method: "DELETE", path: `/${ctx.route.uid}` }));
}

export async function copyVideo(ctx: OperationContext): Promise<Response> {
  const body = checkCopyBody(
    await readJson(ctx.request, ctx.runtime.limits.jsonBytes, "videos.copy"),
  );
  if (ctx.scope !== undefined) body.creator = ctx.scope;
  return respond(
    ctx.runtime,
    await forwardJson(ctx, { method: "POST", path: "/copy", json: body, ...creatorHeaders(ctx) }),
  );
}

export async function storageUsage(ctx: OperationContext): Promise<Response> {
  const query = storageSearch(ctx.url.searchParams, ctx.scope);
  return respond(ctx.runtime, await forward(ctx, { method: "GET", path: "/storage-usage", query }));
}
