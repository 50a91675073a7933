import type { ClipWindow } from "./clipWindow";
import { fail, notFound, ok } from "./envelope";
import type { StreamState } from "./state";

/**
 * Clips (`POST /clip`), storage usage and caption texts, as the model answers them. A clip is a
 * new video that starts `queued`; in the tests' model each read of it (a `GET /{uid}` or a list
 * that holds it) moves it on: `clipSteps` reads in `queued`, as many in `inprogress` (its
 * duration known by then), then `ready`. The stories' model follows the clock instead.
 */

const UID = /^[0-9a-f]{32}$/;
const whole = (value: unknown): value is number =>
  typeof value === "number" && Number.isInteger(value) && value >= 0 && value <= 36_000;

/** What a checked clip request asks for; the source's duration already cut the end. */

/** Refuses what the API refuses: a missing or unready source, bad or reversed seconds. */
export function checkClip(
  model: StreamState,
  body: Record<string, unknown>,
): ClipWindow | Response {
  const from = body.clippedFromVideoUID;
  if (typeof from !== "string" || !UID.test(from))
    return fail(400, 10005, "clippedFromVideoUID: a video uid is required.");
  const start = body.startTimeSeconds;
  const end = body.endTimeSeconds;
  if (start === undefined || end === undefined)
    return fail(400, 10005, "startTimeSeconds and endTimeSeconds are required.");
  if (!whole(start) || !whole(end))
    return fail(400, 10005, "startTimeSeconds and endTimeSeconds must be whole seconds.");
  if (end <= start) return fail(400, 10005, "endTimeSeconds must be after startTimeSeconds.");
  const source = model.view(from);
  if (!source) {
    // The proxy's tests clip videos the model never saw: take the window as it is.
    if (model.options.lenient) return { from, start, end, body };
    return notFound(`No video ${from}.`);
  }
  if (source.status?.state !== "ready")
    return fail(
      400,
      10005,
      `clippedFromVideoUID: video ${from} is ${source.status?.state}, not ready.`,
    );
  const duration = source.duration ?? -1;
  if (duration > 0 && start >= duration)
    return fail(400, 10005, `startTimeSeconds is past the end of the video (${duration} s).`);
  // An end past the source's end is cut at the end, as the API does.
  return { from, start, end: duration > 0 ? Math.min(end, duration) : end, body };
}

/** `POST /clip`: the new video, `queued`. */
export async function clip(model: StreamState, request: Request): Promise<Response> {
  const body = (await request.json().catch(() => undefined)) as Record<string, unknown> | undefined;
  if (!body || typeof body !== "object" || Array.isArray(body))
    return fail(400, 10005, "Expected a JSON object.");
  const checked = checkClip(model, body);
  if (checked instanceof Response) return checked;
  const creator =
    (body.creator as string | undefined) ?? request.headers.get("upload-creator") ?? null;
  return ok(model.addClip(checked, creator));
}

/** One read of a clip under way: it moves on a step (tests' model only). */
export function advanceClip(model: StreamState, uid: string): void {
  const work = model.processing.get(uid);
  const video = model.videos.get(uid);
  if (!work || !video) return;
  work.reads += 1;
  const phase = Math.floor(work.reads / Math.max(1, model.clipSteps));
  if (phase >= 2) {
    model.processing.delete(uid);
    model.set(uid, {
      status: {
        state: "ready",
        pctComplete: "100.000000",
        errorReasonCode: "",
        errorReasonText: "",
      },
      readyToStream: true,
      readyToStreamAt: new Date().toISOString(),
      duration: work.duration,
    });
  } else if (phase === 1) {
    const share = (work.reads % model.clipSteps) / model.clipSteps;
    model.set(uid, {
      status: {
        state: "inprogress",
        pctComplete: (Math.round(share * 100) || 10).toFixed(6),
        errorReasonCode: "",
        errorReasonText: "",
      },
      duration: work.duration,
    });
  }
}

/**
 * `GET /storage-usage`: minutes of the videos of `creator` (all without one) whose duration is
 * known, plus what direct uploads still waiting for bytes reserve (`maxDurationSeconds`).
 */
export function storageUsageOf(
  model: StreamState,
  creator: string | null,
): Record<string, unknown> {
  const videos = model.all().filter((v) => !creator || v.creator === creator);
  const seconds = videos.reduce((sum, v) => {
    if ((v.duration ?? -1) > 0) return sum + (v.duration ?? 0);
    if (v.status?.state === "pendingupload" && v.maxDurationSeconds)
      return sum + v.maxDurationSeconds;
    return sum;
  }, 0);
  return {
    ...(creator ? { creator } : {}),
    totalStorageMinutes: Math.round((seconds / 60) * 1000) / 1000,
    totalStorageMinutesLimit: model.storageLimitMinutes,
    videoCount: videos.length,
  };
}

const stamp = (seconds: number) => {
  const m = Math.floor(seconds / 60);
  const s = seconds % 60;
  return `${String(m).padStart(2, "0")}:${String(s).padStart(2, "0")}.000`;
};

/** Some WebVTT for a generated caption: a few numbered cues two seconds apart. */
export function generatedVtt(label: string, cues = 4): string {
  const lines = ["WEBVTT", ""];
  for (let i = 0; i < cues; i += 1) {
    lines.push(`${stamp(i * 2)} --> ${stamp(i * 2 + 2)}`, `${label}: line ${i + 1}`, "");
  }
  return lines.join("\n");
}

/** The text of an uploaded caption file out of a multipart body, if it can be read. */
export function vttFromMultipart(body: string): string | undefined {
  const at = body.search(/\uFEFF?WEBVTT/);
  if (at < 0) return undefined;
  const rest = body.slice(at);
  const end = rest.search(/\r\n--[^\r\n]+(--)?\r\n?/);
  return end < 0 ? rest : rest.slice(0, end);
}

const vttResponse = (text: string) =>
  new Response(text, { headers: { "content-type": "text/vtt" } });

/**
 * `GET /{uid}/captions/{lang}/vtt`: the uploaded file as it came, or the generated text; a
 * caption still generating (or failed) has none yet.
 */
export function captionVtt(model: StreamState, uid: string, language: string): Response {
  const caption = (model.captions.get(uid) ?? []).find((c) => c.language === language);
  if (!caption) {
    return model.options.lenient ? vttResponse("WEBVTT\n\n") : fail(404, 10003, "No such captions");
  }
  if (caption.status !== "ready")
    return fail(404, 10003, `The ${language} captions are not ready yet.`);
  const text =
    model.captionTexts.get(`${uid}/${language}`) ?? generatedVtt(caption.label ?? language);
  return vttResponse(text);
}
