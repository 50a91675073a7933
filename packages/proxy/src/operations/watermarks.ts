import { checkWatermarkRequest, WATERMARK_FIELDS } from "@streamkit/core/requests";
import { readJson } from "../body";
import { checkWatermarkBody } from "../bodyShapes";
import { forward, forwardJson, type OperationContext, respond } from "../context";
import { forwardMultipart, multipartBoundary } from "../multipart";

/**
 * Watermark profiles. They are account-wide (no creator): every user may list and apply them,
 * while creating and deleting are `adminOnly` by default (see `isAdmin`).
 */

const path = (ctx: OperationContext) =>
  ctx.route.watermarkUid === undefined ? "/watermarks" : `/watermarks/${ctx.route.watermarkUid}`;

export async function listWatermarks(ctx: OperationContext): Promise<Response> {
  return respond(ctx.runtime, await forward(ctx, { method: "GET", path: path(ctx) }));
}

export const getWatermark = listWatermarks;

export async function deleteWatermark(ctx: OperationContext): Promise<Response> {
  return respond(ctx.runtime, await forward(ctx, { method: "DELETE", path: path(ctx) }));
}

/** The text fields beside a multipart `file`, as the JSON check reads them. */
const NUMBERS = new Set(["opacity", "padding", "scale"]);
const MULTIPART_FIELDS = WATERMARK_FIELDS.filter((field) => field !== "url");

/** `POST {basePath}/watermarks`: JSON `{ url, … }`, or the image as multipart `file`. */
export async function createWatermark(ctx: OperationContext): Promise<Response> {
  if (multipartBoundary(ctx.request.headers.get("content-type")) === undefined) {
    const body = checkWatermarkBody(
      await readJson(ctx.request, ctx.runtime.limits.jsonBytes, "watermarks.create"),
    );
    return respond(
      ctx.runtime,
      await forwardJson(ctx, { method: "POST", path: "/watermarks", json: body }),
    );
  }
  return forwardMultipart(ctx, {
    method: "POST",
    path: "/watermarks",
    limit: ctx.runtime.limits.watermarkBytes,
    what: "a watermark image",
    setting: "watermarkBytes",
    rules: {
      operation: "watermarks.create",
      files: ["file"],
      fields: MULTIPART_FIELDS,
      required: ["file"],
      check(fields) {
        const settings: Record<string, unknown> = {};
        for (const [name, value] of Object.entries(fields)) {
          settings[name] =
            NUMBERS.has(name) && /^-?\d+(\.\d+)?$/.test(value.trim()) ? Number(value) : value;
        }
        checkWatermarkRequest(settings, { needsUrl: false });
      },
    },
  });
}
