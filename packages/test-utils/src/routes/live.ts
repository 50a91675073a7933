import type {
  LiveInput,
  LiveInputRecording,
  LiveInputStatus,
  LiveInputSummary,
  LiveOutput,
} from "@streamkit/core/live-inputs";
import { fail, notFound, ok } from "../envelope";
import { makeUid } from "../ids";
import type { StreamState } from "../state";
import { waitWrite } from "./forms";

/** `/live_inputs…`: Stream Live's inputs and their simulcast outputs (§3.16). */

/** Where Cloudflare tells broadcasters to send RTMPS and SRT. */
export const LIVE_RTMPS_URL = "rtmps://live.cloudflare.com:443/live/";
export const LIVE_SRT_URL = "srt://live.cloudflare.com:778";

const DEFAULT_RECORDING: LiveInputRecording = {
  mode: "off",
  timeoutSeconds: 0,
  requireSignedURLs: false,
  allowedOrigins: [],
  hideLiveViewerCount: false,
};

/** Fresh secrets: Stream's stream keys are long hex strings, its WebRTC keys too. */
let secretCounter = 0;
const secret = (length: number) => {
  secretCounter += 1;
  let out = "";
  while (out.length < length) out += (secretCounter * 2654435761 + out.length).toString(16);
  return out.slice(0, length);
};

/** The credentials a new input (or `rotate_keys`) hands out, in Cloudflare's fields. */
export function liveCredentials(
  uid: string,
  delivery = "https://customer-mock.cloudflarestream.com",
): Pick<
  LiveInput,
  "rtmps" | "rtmpsPlayback" | "srt" | "srtPlayback" | "webRTC" | "webRTCPlayback"
> {
  return {
    rtmps: { url: LIVE_RTMPS_URL, streamKey: `${secret(32)}k${secret(32)}` },
    rtmpsPlayback: { url: LIVE_RTMPS_URL, streamKey: `${secret(32)}k${secret(32)}` },
    srt: { url: LIVE_SRT_URL, streamId: secret(32), passphrase: secret(32) },
    srtPlayback: { url: LIVE_SRT_URL, streamId: secret(32), passphrase: secret(32) },
    webRTC: { url: `${delivery}/${secret(32)}/webRTC/publish` },
    webRTCPlayback: { url: `${delivery}/${uid}/webRTC/play` },
  };
}

/** A live input with the API's defaults for what `fields` leaves out, credentials included. */
export function makeLiveInput(fields: Partial<LiveInput> = {}, uid = makeUid()): LiveInput {
  const at = new Date().toISOString();
  return {
    uid,
    created: at,
    modified: at,
    meta: {},
    enabled: true,
    deleteRecordingAfterDays: null,
    preferLowLatency: false,
    status: null,
    ...liveCredentials(uid),
    ...fields,
    recording: { ...DEFAULT_RECORDING, ...fields.recording },
  };
}

/** A list entry: Stream's list carries neither credentials nor status. */
export function liveInputSummary(input: LiveInput): LiveInputSummary {
  const { uid, created, modified, meta, enabled, deleteRecordingAfterDays } = input;
  return { uid, created, modified, meta, enabled, deleteRecordingAfterDays };
}

/**
 * The input as a read sees it now: a scripted input (`liveScripts`) walks through its statuses,
 * one per `pace` ms from its start, and stays on the last.
 */
export function liveInputNow(model: StreamState, uid: string, now = Date.now()) {
  const input = model.liveInputs.get(uid);
  const script = model.liveScripts.get(uid);
  if (!input || !script || script.statuses.length === 0) return input;
  const step = Math.floor((now - script.start) / Math.max(1, script.pace));
  const status = script.statuses[Math.min(Math.max(0, step), script.statuses.length - 1)];
  return { ...input, status: status ?? null };
}

const json = async (request: Request): Promise<Record<string, unknown>> => {
  const body = await request.json().catch(() => ({}));
  return body && typeof body === "object" ? (body as Record<string, unknown>) : {};
};

const MODES = ["off", "automatic"];
const OUTPUT_URL = /^(rtmps?|srt):\/\/[^\s/]+/i;
const whole = (value: unknown, min: number, max: number) =>
  typeof value === "number" && Number.isInteger(value) && value >= min && value <= max;

/** The settings of a create or update body, checked as the API does; or the 400. */
function settings(body: Record<string, unknown>): Partial<LiveInput> | Response {
  const out: Partial<LiveInput> = {};
  if (body.meta !== undefined) {
    if (!body.meta || typeof body.meta !== "object")
      return fail(400, 10005, "meta: expected an object");
    out.meta = body.meta as Record<string, unknown>;
  }
  if (body.enabled !== undefined) out.enabled = body.enabled === true;
  if (body.preferLowLatency !== undefined) out.preferLowLatency = body.preferLowLatency === true;
  if (body.deleteRecordingAfterDays === null) out.deleteRecordingAfterDays = null;
  else if (body.deleteRecordingAfterDays !== undefined) {
    if (!whole(body.deleteRecordingAfterDays, 30, 1096))
      return fail(400, 10005, "deleteRecordingAfterDays: must be from 30 to 1096");
    out.deleteRecordingAfterDays = body.deleteRecordingAfterDays as number;
  }
  const recording = body.recording as Record<string, unknown> | undefined;
  if (recording !== undefined) {
    if (!recording || typeof recording !== "object")
      return fail(400, 10005, "recording: expected an object");
    if (recording.mode !== undefined && !MODES.includes(String(recording.mode)))
      return fail(400, 10005, "recording.mode: must be off or automatic");
    if (recording.timeoutSeconds !== undefined && !whole(recording.timeoutSeconds, 0, 86_400))
      return fail(400, 10005, "recording.timeoutSeconds: must be from 0 to 86400");
    out.recording = recording as LiveInputRecording;
  }
  return out;
}

async function outputs(
  model: StreamState,
  request: Request,
  uid: string,
  [outputUid, ...rest]: (string | undefined)[],
): Promise<Response | undefined> {
  const { method } = request;
  if (rest.length > 0) return undefined;
  const list = model.liveOutputs.get(uid) ?? [];
  if (outputUid === undefined) {
    if (method === "GET") return ok(list.map((o) => ({ ...o })));
    if (method !== "POST") return undefined;
    await waitWrite(model);
    const body = await json(request);
    if (typeof body.url !== "string" || !OUTPUT_URL.test(body.url))
      return fail(400, 10005, "url: expected an rtmp://, rtmps:// or srt:// URL");
    if (typeof body.streamKey !== "string" || body.streamKey === "")
      return fail(400, 10005, "streamKey: required");
    const output: LiveOutput = {
      uid: makeUid(),
      url: body.url,
      streamKey: body.streamKey,
      enabled: body.enabled !== false,
    };
    model.liveOutputs.set(uid, [...list, output]);
    return ok({ ...output });
  }
  const found = list.find((o) => o.uid === outputUid);
  if (method === "PUT") {
    await waitWrite(model);
    if (!found) return notFound("No such output");
    const body = await json(request);
    if (typeof body.enabled !== "boolean") return fail(400, 10005, "enabled: required");
    const next = { ...found, enabled: body.enabled };
    model.liveOutputs.set(
      uid,
      list.map((o) => (o.uid === found.uid ? next : o)),
    );
    return ok({ ...next });
  }
  if (method === "DELETE") {
    await waitWrite(model);
    if (!found && !model.options.lenient) return notFound("No such output");
    model.liveOutputs.set(
      uid,
      list.filter((o) => o.uid !== outputUid),
    );
    return ok("");
  }
  return undefined;
}

export async function liveInputs(
  model: StreamState,
  request: Request,
  [uid, action, ...rest]: (string | undefined)[],
): Promise<Response | undefined> {
  const { method } = request;
  if (uid === undefined) {
    if (method === "GET") {
      const all = [...model.liveInputs.values()].map(liveInputSummary);
      return ok({ liveInputs: all, range: 0, total: all.length });
    }
    if (method !== "POST") return undefined;
    await waitWrite(model);
    const fields = settings(await json(request));
    if (fields instanceof Response) return fields;
    const input = makeLiveInput(fields);
    model.liveInputs.set(input.uid, input);
    return ok({ ...input });
  }
  const current = liveInputNow(model, uid);
  if (!current) return notFound("Live input not found", 10003);
  const change = (patch: Partial<LiveInput>) => {
    const next = { ...current, ...patch, modified: new Date().toISOString() };
    model.liveInputs.set(uid, next);
    return ok({ ...next });
  };
  if (action === "outputs") return outputs(model, request, uid, rest);
  if (rest.length > 0) return undefined;
  if (action === undefined) {
    if (method === "GET") return ok({ ...current });
    if (method === "PUT") {
      await waitWrite(model);
      const fields = settings(await json(request));
      if (fields instanceof Response) return fields;
      return change({ ...fields, recording: { ...current.recording, ...fields.recording } });
    }
    if (method === "DELETE") {
      await waitWrite(model);
      model.liveInputs.delete(uid);
      model.liveOutputs.delete(uid);
      model.liveScripts.delete(uid);
      return ok("");
    }
    return undefined;
  }
  if (method !== "POST") return undefined;
  await waitWrite(model);
  if (action === "enable") return change({ enabled: true });
  // Both cut a broadcaster off: a scripted broadcast ends there.
  if (action === "disable" || action === "rotate_keys") model.liveScripts.delete(uid);
  if (action === "disable") return change({ enabled: false, status: disconnected(current) });
  if (action === "rotate_keys")
    return change({
      ...liveCredentials(uid),
      keysRotatedAt: new Date().toISOString(),
      status: disconnected(current),
    });
  return undefined;
}

/** Disabling an input or rotating its keys cuts a broadcaster off. */
function disconnected(input: LiveInput): LiveInputStatus {
  const on = ["connected", "reconnected", "reconnecting", "new_configuration_accepted"];
  return on.includes(String(input.status)) ? "client_disconnect" : (input.status ?? null);
}
