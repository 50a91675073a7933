import type { Caption, DownloadType } from "@streamkit/core/captions";
import { captionVtt, vttFromMultipart } from "../clips";
import { fail, ok } from "../envelope";
import { captionLabel, captionsNow, downloadsNow, startCaption, startDownload } from "../media";
import type { StreamState } from "../state";

/** `/{uid}/captions…` and `/{uid}/downloads…`. */

const ready = (model: StreamState, uid: string) => model.view(uid)?.status?.state === "ready";
const waitWrite = (model: StreamState) =>
  model.writeLatency
    ? new Promise((resolve) => setTimeout(resolve, model.writeLatency))
    : undefined;

async function putCaption(
  model: StreamState,
  request: Request,
  uid: string,
  language: string,
): Promise<Response> {
  const type = request.headers.get("content-type") ?? "";
  if (!model.options.lenient && !/^multipart\/form-data; ?boundary=/.test(type)) {
    return fail(415, 10005, "expected multipart/form-data");
  }
  let bytes: number | undefined;
  let text: string | undefined;
  if (model.options.readCaptionFiles) {
    // Only a browser reads the form: a test DOM's FormData cannot be read by Node's Request.
    const file = (await request.formData()).get("file");
    if (typeof file === "string" || file === null) return fail(400, 10005, "No file field");
    text = await file.text();
    if (!/^\uFEFF?WEBVTT/.test(text))
      return fail(400, 10005, "The caption file must be WebVTT (it has to start with WEBVTT).");
  } else {
    // Kept for `/vtt` when the body can be read as multipart text (a hand-made body can).
    const raw = await request.arrayBuffer().catch(() => new ArrayBuffer(0));
    if (model.options.lenient) bytes = raw.byteLength;
    text = vttFromMultipart(new TextDecoder().decode(raw));
  }
  const key = `${uid}/${language}`;
  if (text === undefined) model.captionTexts.delete(key);
  else model.captionTexts.set(key, text);
  const caption: Caption = {
    language,
    label: captionLabel(language, false),
    generated: false,
    status: "ready",
  };
  const list = (model.captions.get(uid) ?? []).filter((c) => c.language !== language);
  model.captions.set(uid, [...list, caption]);
  return ok(bytes === undefined ? caption : { ...caption, bytes });
}

export async function captions(
  model: StreamState,
  request: Request,
  uid: string,
  [language, action]: (string | undefined)[],
): Promise<Response | undefined> {
  const { method } = request;
  const lenient = model.options.lenient;
  if (language === undefined) {
    if (method !== "GET") return undefined;
    const answer = ok(captionsNow(model, uid));
    if (model.gate) await model.gate;
    return answer;
  }
  if (action === "vtt" && method === "GET") return captionVtt(model, uid, language);
  if (action === "generate" && method === "POST") {
    await waitWrite(model);
    if (!ready(model, uid)) return fail(400, 10005, "Generating captions needs a ready video.");
    if ((model.captions.get(uid) ?? []).some((c) => c.language === language))
      return fail(409, 10011, `${language} captions exist; delete them first.`);
    return ok({ ...startCaption(model, uid, language) });
  }
  if (action !== undefined) return undefined;
  const list = model.captions.get(uid) ?? [];
  const found = list.find((c) => c.language === language);
  if (method === "GET") {
    if (found) return ok({ ...found });
    return lenient
      ? ok({ language, label: language, generated: false, status: "ready" })
      : fail(404, 10003, "No such captions");
  }
  if (method === "PUT") {
    await waitWrite(model);
    return putCaption(model, request, uid, language);
  }
  if (method === "DELETE") {
    await waitWrite(model);
    if (!found && !lenient) return fail(404, 10003, "No such captions");
    model.captions.set(
      uid,
      list.filter((c) => c.language !== language),
    );
    model.captionTexts.delete(`${uid}/${language}`);
    return ok("");
  }
  return undefined;
}

export async function downloads(
  model: StreamState,
  request: Request,
  uid: string,
  [type = "default"]: (string | undefined)[],
): Promise<Response | undefined> {
  const kind = type as DownloadType;
  if (request.method === "GET") return ok(downloadsNow(model, uid));
  await waitWrite(model);
  if (request.method === "POST") {
    if (!ready(model, uid))
      return fail(400, 10005, `A download needs a ready video; ${uid} is not.`);
    return ok(structuredClone(startDownload(model, uid, kind)));
  }
  if (request.method === "DELETE") {
    const current = model.downloads.get(uid);
    if (!current?.[kind] && !model.options.lenient) return fail(404, 10003, `No ${kind} download.`);
    if (current) delete current[kind];
    return ok("ok");
  }
  return undefined;
}
