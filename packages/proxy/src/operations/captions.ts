import { limitStream, tooLarge } from "../body";
import { forward, type OperationContext, respond } from "../context";
import { ProxyError, ProxyErrorCode } from "../errors";
import { MULTIPART_OVERHEAD_BYTES } from "../multipart";
import { requireOwnership } from "../scope";

/** Captions: list, get, delete, generate, the VTT file, and uploads streamed with a size cap. */

function captionPath(ctx: OperationContext, suffix = ""): string {
  const lang = ctx.route.lang === undefined ? "" : `/${ctx.route.lang}`;
  return `/${ctx.route.uid}/captions${lang}${suffix}`;
}

async function simple(
  ctx: OperationContext,
  method: "GET" | "POST" | "DELETE",
  suffix = "",
): Promise<Response> {
  await requireOwnership(ctx);
  return respond(ctx.runtime, await forward(ctx, { method, path: captionPath(ctx, suffix) }));
}

export const listCaptions = (ctx: OperationContext) => simple(ctx, "GET");
export const getCaption = (ctx: OperationContext) => simple(ctx, "GET");
export const deleteCaption = (ctx: OperationContext) => simple(ctx, "DELETE");
export const generateCaption = (ctx: OperationContext) => simple(ctx, "POST", "/generate");
export const captionVtt = (ctx: OperationContext) => simple(ctx, "GET", "/vtt");

export { MULTIPART_OVERHEAD_BYTES };

/** `PUT …/captions/{lang}`: a multipart WebVTT file, streamed upstream and cut off past the cap. */
export async function uploadCaption(ctx: OperationContext): Promise<Response> {
  const { request, runtime } = ctx;
  const type = request.headers.get("content-type") ?? "";
  if (!/^multipart\/form-data;\s*boundary=/i.test(type)) {
    throw new ProxyError(
      415,
      ProxyErrorCode.unsupportedMediaType,
      "Unsupported media type: a caption upload is multipart/form-data with the WebVTT file in the field `file`",
    );
  }
  const limit = runtime.limits.captionBytes;
  const bodyLimit = limit + MULTIPART_OVERHEAD_BYTES;
  const declared = request.headers.get("content-length");
  if (declared !== null && /^\d+$/.test(declared) && Number(declared) > bodyLimit) {
    throw tooLarge(limit, "a caption file", "captionBytes");
  }
  if (request.body === null) {
    throw new ProxyError(
      400,
      ProxyErrorCode.badRequest,
      "A caption upload needs a body: the WebVTT file in the field `file`",
    );
  }
  await requireOwnership(ctx);
  const limited = limitStream(request.body, bodyLimit);
  const answer = await forward(ctx, {
    method: "PUT",
    path: captionPath(ctx),
    pick: ["content-type"],
    body: limited.stream,
    bodyTooLarge: () =>
      limited.exceeded() ? tooLarge(limit, "a caption file", "captionBytes") : undefined,
  });
  return respond(runtime, answer);
}
