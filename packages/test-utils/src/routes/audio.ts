import type { AudioTrack } from "@streamkit/core/media";
import { fail, notFound, ok } from "../envelope";
import { makeUid } from "../ids";
import type { StreamState } from "../state";
import { readForm, waitWrite } from "./forms";

/** `/{uid}/audio…`: additional audio tracks (§3.10), `queued` first, then `ready`. */

/** Moves the tracks of `uid` on (a list request) and returns a copy, as `GET …/audio` shows them. */
export function audioNow(model: StreamState, uid: string, now = Date.now()): AudioTrack[] {
  const pace = model.options.pace;
  const list = model.audio.get(uid) ?? [];
  for (const track of list) {
    if (track.status !== "queued") continue;
    const started = model.startedAt.get(track);
    if (pace) {
      if (started !== undefined && now - started >= pace.captionMs) track.status = "ready";
      continue;
    }
    const key = `audio/${uid}/${track.uid}`;
    const left = (model.pending.get(key) ?? model.audioSteps) - 1;
    model.pending.set(key, left);
    if (left <= 0) track.status = track.label.includes("broken") ? "error" : "ready";
  }
  return list.map((t) => ({ ...t }));
}

/** A new `queued` track of `uid`, under way from now. */
export function startAudioTrack(model: StreamState, uid: string, label: string): AudioTrack {
  const track: AudioTrack = { uid: makeUid(), label, default: false, status: "queued" };
  model.startedAt.set(track, Date.now());
  model.audio.set(uid, [...(model.audio.get(uid) ?? []), track]);
  return track;
}

const labelError = (model: StreamState, uid: string, label: unknown, except?: string) => {
  if (typeof label !== "string" || label.trim() === "") return fail(400, 10005, "label: required.");
  if ((model.audio.get(uid) ?? []).some((t) => t.label === label && t.uid !== except))
    return fail(409, 10011, `This video already has an audio track labelled "${label}".`);
  return undefined;
};

let unnamed = 0;

async function add(model: StreamState, request: Request, uid: string, copy: boolean) {
  await waitWrite(model);
  if (model.view(uid)?.status?.state !== "ready")
    return fail(400, 10005, "An audio track needs a ready video.");
  let label: unknown;
  if (copy) {
    const body = (await request.json().catch(() => ({}))) as Record<string, unknown>;
    if (typeof body.url !== "string" || !/^https?:\/\//.test(body.url))
      return fail(400, 10005, "url: the URL of the audio file is required.");
    label = body.label;
  } else {
    if (!/^multipart\/form-data/.test(request.headers.get("content-type") ?? ""))
      return fail(415, 10005, "expected multipart/form-data");
    const form = await readForm(request);
    unnamed += 1;
    // A test DOM's form cannot be read here: the track gets a label of its own then.
    label = form ? form.get("label") : `Audio ${unnamed}`;
    if (form && typeof form.get("file") === "string")
      return fail(400, 10005, "file: the audio file is required.");
  }
  const refused = labelError(model, uid, label);
  if (refused) return refused;
  return ok({ ...startAudioTrack(model, uid, label as string) });
}

export async function audio(
  model: StreamState,
  request: Request,
  uid: string,
  [audioUid, ...rest]: (string | undefined)[],
): Promise<Response | undefined> {
  const { method } = request;
  if (rest.length > 0) return undefined;
  if (!model.view(uid)) return notFound(`No video ${uid}`);
  if (audioUid === undefined) {
    if (method === "GET") return ok({ audio: audioNow(model, uid) });
    if (method === "POST") return add(model, request, uid, false);
    return undefined;
  }
  if (audioUid === "copy") return method === "POST" ? add(model, request, uid, true) : undefined;
  const list = model.audio.get(uid) ?? [];
  const track = list.find((t) => t.uid === audioUid);
  if (method === "PATCH") {
    await waitWrite(model);
    if (!track) return notFound(`No audio track ${audioUid}`);
    const body = (await request.json().catch(() => ({}))) as Record<string, unknown>;
    if (body.label !== undefined) {
      const refused = labelError(model, uid, body.label, track.uid);
      if (refused) return refused;
      track.label = body.label as string;
    }
    if (body.default !== undefined) {
      if (typeof body.default !== "boolean") return fail(400, 10005, "default: a boolean");
      if (body.default) for (const t of list) t.default = false;
      track.default = body.default;
    }
    return ok({ ...track });
  }
  if (method === "DELETE") {
    await waitWrite(model);
    if (!track) return notFound(`No audio track ${audioUid}`);
    if (track.default)
      return fail(
        400,
        10005,
        "The default audio track cannot be deleted; make another the default first.",
      );
    model.audio.set(
      uid,
      list.filter((t) => t.uid !== audioUid),
    );
    return ok("ok");
  }
  return undefined;
}
