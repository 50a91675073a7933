import { hasBody, readJson, tooLarge } from "../body";
import { checkDirectUploadBody } from "../bodyShapes";
import { forward, forwardJson, type OperationContext, respond } from "../context";
import { ProxyError, ProxyErrorCode } from "../errors";
import { EXPOSED_RESPONSE_HEADERS } from "../headers";
import { creatorHeaders } from "../scope";

/**
 * One-time upload targets for the browser. The proxy creates them (basic `direct_upload`, or tus
 * with `direct_user=true`); the bytes then go from the browser straight to the Stream API.
 */

export async function directUpload(ctx: OperationContext): Promise<Response> {
  const body = checkDirectUploadBody(
    await readJson(ctx.request, ctx.runtime.limits.jsonBytes, "uploads.direct"),
  );
  if (ctx.scope !== undefined) body.creator = ctx.scope;
  const answer = await forwardJson(ctx, {
    method: "POST",
    path: "/direct_upload",
    json: body,
    ...creatorHeaders(ctx),
  });
  return respond(ctx.runtime, answer);
}

/** `key base64value` pairs (the value is optional for flags), comma-separated. */
const METADATA_PAIR = /^[A-Za-z0-9_.-]{1,64}( [A-Za-z0-9+/]*={0,2})?$/;
const MAX_METADATA = 4096;

export async function tusCreate(ctx: OperationContext): Promise<Response> {
  const { request, runtime } = ctx;
  const version = request.headers.get("tus-resumable");
  if (version === null) {
    throw new ProxyError(
      400,
      ProxyErrorCode.badRequest,
      `POST ${runtime.basePath || "/"} creates a tus upload and needs the header Tus-Resumable: 1.0.0; ` +
        `for a basic one-time upload URL use POST ${runtime.basePath}/direct_upload`,
    );
  }
  if (version !== "1.0.0") {
    throw new ProxyError(
      412,
      ProxyErrorCode.preconditionFailed,
      `Unsupported Tus-Resumable ${version}: only 1.0.0`,
      {
        headers: { "tus-version": "1.0.0", "tus-resumable": "1.0.0" },
      },
    );
  }
  const length = request.headers.get("upload-length");
  if (length === null || !/^\d{1,15}$/.test(length) || Number(length) === 0) {
    throw new ProxyError(
      400,
      ProxyErrorCode.badRequest,
      "Upload-Length header required: the total size of the file in bytes (deferred lengths are not supported)",
      { pointer: "/headers/upload-length" },
    );
  }
  if (Number(length) > runtime.limits.uploadBytes)
    throw tooLarge(runtime.limits.uploadBytes, "a tus upload", "uploadBytes");
  const metadata = request.headers.get("upload-metadata");
  if (
    metadata !== null &&
    (metadata.length > MAX_METADATA ||
      !metadata.split(",").every((p) => METADATA_PAIR.test(p.trim())))
  ) {
    throw new ProxyError(
      400,
      ProxyErrorCode.badRequest,
      "Upload-Metadata header malformed: expected comma-separated `key base64value` pairs, at most 4096 characters",
      { pointer: "/headers/upload-metadata" },
    );
  }
  if (hasBody(request)) {
    throw new ProxyError(
      400,
      ProxyErrorCode.badRequest,
      "tus creation through the proxy carries no bytes: send them to the Location it answers with",
    );
  }
  const creator = creatorHeaders(ctx);
  const answer = await forward(ctx, {
    method: "POST",
    path: "",
    // `direct_user=true` makes the Location usable without the API token: the whole point.
    query: new URLSearchParams({ direct_user: "true" }),
    pick: ["tus-resumable", "upload-length", "upload-metadata", ...creator.pick],
    set: creator.set,
  });
  const response = respond(runtime, answer);
  response.headers.set("access-control-expose-headers", EXPOSED_RESPONSE_HEADERS);
  return response;
}
