import { readJson } from "../body";
import { forwardJson, type OperationContext, respond } from "../context";
import { successResponse } from "../errors";
import { requireOwnership } from "../scope";
import { signStreamToken } from "../signing";
import { checkTokenClaims } from "../tokenClaims";

/**
 * `POST {basePath}/{uid}/token`. With a `signingKey` the token is signed here (no API call;
 * with a creator scope there is still the ownership GET); otherwise the API signs it.
 */
export async function createToken(ctx: OperationContext): Promise<Response> {
  const uid = ctx.route.uid ?? "";
  const now = Date.now();
  const claims = checkTokenClaims(
    await readJson(ctx.request, ctx.runtime.limits.jsonBytes, "videos.token"),
    Math.floor(now / 1000),
  );
  await requireOwnership(ctx);
  if (ctx.runtime.signingKey) {
    const key = await ctx.runtime.signingKey();
    return successResponse({ token: await signStreamToken(key, uid, { ...claims, now }) });
  }
  return respond(
    ctx.runtime,
    await forwardJson(ctx, { method: "POST", path: `/${uid}/token`, json: claims }),
  );
}
