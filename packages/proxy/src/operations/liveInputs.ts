import {
  checkLiveInputRequest,
  checkLiveOutputRequest,
  checkLiveOutputUpdate,
} from "@streamkit/core/requests";
import { readJson } from "../body";
import { objectBody } from "../bodyShapes";
import { forward, forwardJson, type OperationContext, respond, UpstreamRefusal } from "../context";
import { ProxyError, ProxyErrorCode } from "../errors";
import { isOk, parseEnvelope, type UpstreamAnswer } from "../upstream";

/**
 * Live inputs and their outputs, creator-scoped like videos. Stream does not echo a live input's
 * `defaultCreator`, so under a scope the proxy also writes the owner into `meta` under
 * `LIVE_INPUT_OWNER` and checks that on every request; another creator's input answers as a
 * missing one. The list never carries credentials, whatever the upstream sends.
 */

/** The `meta` key that holds a scoped live input's owner. */
export const LIVE_INPUT_OWNER = "streamkitCreator";

/** The fields a list entry may carry: no keys, passphrases or URLs. */
const SUMMARY_FIELDS = [
  "uid",
  "created",
  "modified",
  "meta",
  "enabled",
  "deleteRecordingAfterDays",
];

const inputPath = (ctx: OperationContext, tail = "") =>
  `/live_inputs/${ctx.route.liveInputUid ?? ""}${tail}`;

const missing = (uid: string) =>
  new ProxyError(404, ProxyErrorCode.notFound, `Live input ${uid} not found`);

const ownerOf = (input: unknown): unknown =>
  typeof input === "object" && input !== null
    ? (input as { meta?: Record<string, unknown> }).meta?.[LIVE_INPUT_OWNER]
    : undefined;

/** 404 unless the scoped creator owns the input; returns the GET's answer (unscoped: none). */
async function requireLiveOwnership(ctx: OperationContext): Promise<UpstreamAnswer | undefined> {
  const uid = ctx.route.liveInputUid ?? "";
  if (ctx.scope === undefined) return undefined;
  const answer = await forward(ctx, { method: "GET", path: inputPath(ctx) });
  if (answer.status === 404) throw missing(uid);
  if (!isOk(answer)) throw new UpstreamRefusal(answer);
  if (ownerOf(parseEnvelope(answer)?.result) !== ctx.scope) throw missing(uid);
  return answer;
}

/** A create or update body, checked, with the owner written in under a scope. */
async function settingsBody(ctx: OperationContext, operation: string) {
  const body = objectBody(
    (await readJson(ctx.request, ctx.runtime.limits.jsonBytes, operation)) ?? {},
    operation,
  );
  checkLiveInputRequest(body);
  if (ctx.scope === undefined) return body;
  const forbidden = (pointer: string) =>
    new ProxyError(
      403,
      ProxyErrorCode.forbidden,
      "Forbidden: a live input belongs to its creator",
      {
        pointer,
      },
    );
  if (body.defaultCreator !== undefined && body.defaultCreator !== ctx.scope)
    throw forbidden("/defaultCreator");
  const meta = body.meta as Record<string, unknown> | undefined;
  if (meta?.[LIVE_INPUT_OWNER] !== undefined && meta[LIVE_INPUT_OWNER] !== ctx.scope)
    throw forbidden(`/meta/${LIVE_INPUT_OWNER}`);
  body.defaultCreator = ctx.scope;
  // A PUT replaces meta as a whole: the owner goes into every meta that is sent.
  if (meta !== undefined || operation === "liveInputs.create")
    body.meta = { ...meta, [LIVE_INPUT_OWNER]: ctx.scope };
  return body;
}

export async function listLiveInputs(ctx: OperationContext): Promise<Response> {
  const query = new URLSearchParams();
  const counts = ctx.url.searchParams.get("include_counts");
  if (counts === "true" || counts === "false") query.set("include_counts", counts);
  const answer = await forward(ctx, { method: "GET", path: "/live_inputs", query });
  const envelope = isOk(answer) ? parseEnvelope(answer) : undefined;
  const result = envelope?.result as { liveInputs?: unknown; total?: unknown } | undefined;
  if (!envelope || !result || !Array.isArray(result.liveInputs))
    return respond(ctx.runtime, answer);
  const mine = result.liveInputs
    .filter((input) => ctx.scope === undefined || ownerOf(input) === ctx.scope)
    .map((input: Record<string, unknown>) =>
      Object.fromEntries(SUMMARY_FIELDS.filter((k) => k in input).map((k) => [k, input[k]])),
    );
  const total = ctx.scope === undefined ? result.total : mine.length;
  const listed = { ...result, liveInputs: mine, ...(total === undefined ? {} : { total }) };
  return respond(ctx.runtime, answer, JSON.stringify({ ...envelope, result: listed }));
}

export async function getLiveInput(ctx: OperationContext): Promise<Response> {
  const owned = await requireLiveOwnership(ctx);
  return respond(
    ctx.runtime,
    owned ?? (await forward(ctx, { method: "GET", path: inputPath(ctx) })),
  );
}

export async function createLiveInput(ctx: OperationContext): Promise<Response> {
  const json = await settingsBody(ctx, "liveInputs.create");
  return respond(
    ctx.runtime,
    await forwardJson(ctx, { method: "POST", path: "/live_inputs", json }),
  );
}

export async function updateLiveInput(ctx: OperationContext): Promise<Response> {
  const json = await settingsBody(ctx, "liveInputs.update");
  await requireLiveOwnership(ctx);
  return respond(
    ctx.runtime,
    await forwardJson(ctx, { method: "PUT", path: inputPath(ctx), json }),
  );
}

/** An operation on an owned input with no body of its own. */
const ownedCall =
  (method: "POST" | "DELETE" | "GET", tail: (ctx: OperationContext) => string) =>
  async (ctx: OperationContext): Promise<Response> => {
    await requireLiveOwnership(ctx);
    return respond(ctx.runtime, await forward(ctx, { method, path: inputPath(ctx, tail(ctx)) }));
  };

export const deleteLiveInput = ownedCall("DELETE", () => "");
export const enableLiveInput = ownedCall("POST", () => "/enable");
export const disableLiveInput = ownedCall("POST", () => "/disable");
export const rotateLiveInputKeys = ownedCall("POST", () => "/rotate_keys");
export const listLiveOutputs = ownedCall("GET", () => "/outputs");
export const deleteLiveOutput = ownedCall("DELETE", (ctx) => `/outputs/${ctx.route.outputUid}`);

export async function createLiveOutput(ctx: OperationContext): Promise<Response> {
  const operation = "liveOutputs.create";
  const json = objectBody(
    await readJson(ctx.request, ctx.runtime.limits.jsonBytes, operation),
    operation,
  );
  checkLiveOutputRequest(json);
  await requireLiveOwnership(ctx);
  return respond(
    ctx.runtime,
    await forwardJson(ctx, { method: "POST", path: inputPath(ctx, "/outputs"), json }),
  );
}

export async function updateLiveOutput(ctx: OperationContext): Promise<Response> {
  const operation = "liveOutputs.update";
  const json = objectBody(
    await readJson(ctx.request, ctx.runtime.limits.jsonBytes, operation),
    operation,
  );
  checkLiveOutputUpdate(json);
  await requireLiveOwnership(ctx);
  const path = inputPath(ctx, `/outputs/${ctx.route.outputUid ?? ""}`);
  return respond(ctx.runtime, await forwardJson(ctx, { method: "PUT", path, json }));
}
