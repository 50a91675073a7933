import { checkAudioLabel } from "@streamkit/core/requests";
import { readJson } from "../body";
import { checkAudioCopyBody, checkAudioEditBody } from "../bodyShapes";
import { forward, forwardJson, type OperationContext, respond } from "../context";
import { forwardMultipart } from "../multipart";
import { requireOwnership } from "../scope";

/** Additional audio tracks of a video; under a creator scope only the owner's videos. */

function audioPath(ctx: OperationContext, suffix = ""): string {
  const track = ctx.route.audioUid === undefined ? "" : `/${ctx.route.audioUid}`;
  return `/${ctx.route.uid}/audio${track}${suffix}`;
}

export async function listAudio(ctx: OperationContext): Promise<Response> {
  await requireOwnership(ctx);
  return respond(ctx.runtime, await forward(ctx, { method: "GET", path: audioPath(ctx) }));
}

export async function deleteAudio(ctx: OperationContext): Promise<Response> {
  await requireOwnership(ctx);
  return respond(ctx.runtime, await forward(ctx, { method: "DELETE", path: audioPath(ctx) }));
}

/** `POST {basePath}/{uid}/audio/copy` `{ label, url }`. */
export async function copyAudio(ctx: OperationContext): Promise<Response> {
  const body = checkAudioCopyBody(
    await readJson(ctx.request, ctx.runtime.limits.jsonBytes, "audio.copy"),
  );
  await requireOwnership(ctx);
  return respond(
    ctx.runtime,
    await forwardJson(ctx, { method: "POST", path: audioPath(ctx, "/copy"), json: body }),
  );
}

/** `PATCH {basePath}/{uid}/audio/{audioUid}` `{ label?, default? }`. */
export async function updateAudio(ctx: OperationContext): Promise<Response> {
  const body = checkAudioEditBody(
    await readJson(ctx.request, ctx.runtime.limits.jsonBytes, "audio.update"),
  );
  await requireOwnership(ctx);
  return respond(
    ctx.runtime,
    await forwardJson(ctx, { method: "PATCH", path: audioPath(ctx), json: body }),
  );
}

/** `POST {basePath}/{uid}/audio`: multipart `file` + `label`, streamed with `limits.audioBytes`. */
export function uploadAudio(ctx: OperationContext): Promise<Response> {
  return forwardMultipart(ctx, {
    method: "POST",
    path: audioPath(ctx),
    limit: ctx.runtime.limits.audioBytes,
    what: "an audio track",
    setting: "audioBytes",
    before: () => requireOwnership(ctx),
    rules: {
      operation: "audio.upload",
      files: ["file"],
      fields: ["label"],
      required: ["file"],
      check: (fields) => checkAudioLabel(fields.label),
    },
  });
}
