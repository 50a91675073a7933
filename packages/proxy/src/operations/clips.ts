import { readJson } from "../body";
import { checkClipBody } from "../bodyShapes";
import { forwardJson, type OperationContext, respond } from "../context";
import { refuseOtherCreator, requireOwnership } from "../scope";

/**
 * `POST {basePath}/clip`: a new video cut from another. Under a creator scope the source must be
 * the caller's own (another creator's answers the same 404 as a missing video, and nothing is
 * created), and the clip is stamped with the scope like any new video.
 */
export async function createClip(ctx: OperationContext): Promise<Response> {
  const body = checkClipBody(
    await readJson(ctx.request, ctx.runtime.limits.jsonBytes, "clips.create"),
  );
  refuseOtherCreator(ctx, body.creator, "Forbidden: a clip cannot be made for another creator");
  await requireOwnership(ctx, body.clippedFromVideoUID as string);
  if (ctx.scope !== undefined) body.creator = ctx.scope;
  return respond(
    ctx.runtime,
    await forwardJson(ctx, { method: "POST", path: "/clip", json: body }),
  );
}
