import { forward, type OperationContext, respond } from "../context";
import { requireOwnership } from "../scope";

/** MP4/M4A downloads: `…/downloads` (the default one) or `…/downloads/{default|audio}`. */

function downloadPath(ctx: OperationContext): string {
  const type = ctx.route.downloadType === undefined ? "" : `/${ctx.route.downloadType}`;
  return `/${ctx.route.uid}/downloads${type}`;
}

async function simple(ctx: OperationContext, method: "GET" | "POST" | "DELETE"): Promise<Response> {
  await requireOwnership(ctx);
  return respond(ctx.runtime, await forward(ctx, { method, path: downloadPath(ctx) }));
}

export const listDownloads = (ctx: OperationContext) => simple(ctx, "GET");
export const createDownload = (ctx: OperationContext) => simple(ctx, "POST");
export const deleteDownload = (ctx: OperationContext) => simple(ctx, "DELETE");
