import type { Caption, CaptionStatus, Downloads } from "@streamkit/core/captions";
import { delay, HttpResponse, http } from "msw";
import { type MockVideo, snapshot } from "./lifecycle";

/**
 * Captions and downloads for the mock backend, driven by the clock like the video lifecycle: a
 * generated caption is `inprogress` for `captionPace` ms, then ready; a download's
 * `percentComplete` climbs over `downloadPace` ms, then it is ready.
 */

export interface MockCaptionSeed {
  language: string;
  generated?: boolean;
  /** Fixed status. Without one, a generated caption is generating from the story's start. */
  status?: CaptionStatus;
}

/** Per-video seeds, given beside the video's own fields in `MockBackendOptions.seed`. */
export interface MockMediaSeed {
  captions?: MockCaptionSeed[];
  /** The MP4: `"ready"`, `"error"`, or `"inprogress"` (started when the story starts). */
  download?: "ready" | "inprogress" | "error";
}

export interface MockMediaOptions {
  /** How long a generated caption stays `inprogress`, ms. Defaults to 2500. */
  captionPace?: number;
  /** How long making the MP4 takes, ms. Defaults to 5000. */
  downloadPace?: number;
  /** Extra latency of caption and download changes only (an upload in flight), ms. */
  writeLatency?: number;
}

interface MockCaption {
  language: string;
  generated: boolean;
  status?: CaptionStatus;
  startedAt: number;
}

const ok = (result: unknown) =>
  HttpResponse.json({ result, success: true, errors: [], messages: [] });
const fail = (status: number, message: string) =>
  HttpResponse.json(
    { result: null, success: false, errors: [{ code: 10005, message }], messages: [] },
    { status },
  );

function label(language: string, generated: boolean): string {
  let name = language;
  try {
    name = new Intl.DisplayNames([language], { type: "language" }).of(language) ?? language;
  } catch {}
  name = name.charAt(0).toLocaleUpperCase(language) + name.slice(1);
  return generated ? `${name} (auto-generated)` : name;
}

export function mockMedia(
  base: string,
  delivery: string,
  videos: Map<string, MockVideo>,
  /** The backend's latency and failure switches; `write` for changes (`failWritesWith`). */
  guard: (write?: boolean) => Promise<Response | undefined>,
  options: MockMediaOptions,
) {
  const captionPace = options.captionPace ?? 2_500;
  const downloadPace = options.downloadPace ?? 5_000;
  const captions = new Map<string, MockCaption[]>();
  const downloads = new Map<string, { startedAt: number; fails: boolean }>();

  const ready = (uid: string) => {
    const mock = videos.get(uid);
    return mock !== undefined && snapshot(mock, delivery).status?.state === "ready";
  };
  const captionView = (c: MockCaption, now = Date.now()): Caption => ({
    language: c.language,
    label: label(c.language, c.generated),
    generated: c.generated,
    status: c.status ?? (now - c.startedAt < captionPace ? "inprogress" : "ready"),
  });
  const downloadsView = (uid: string, now = Date.now()): Downloads => {
    const made = downloads.get(uid);
    if (!made) return {};
    const share = Math.min(1, (now - made.startedAt) / downloadPace);
    const status = made.fails ? "error" : share >= 1 ? "ready" : "inprogress";
    return {
      default: {
        status,
        percentComplete: status === "ready" ? 100 : made.fails ? 0 : Math.round(share * 1000) / 10,
        url: `${delivery}/${uid}/downloads/default.mp4`,
      },
    };
  };
  const uidOf = (params: Record<string, unknown>) => String(params.uid);
  const write = async () => {
    if (options.writeLatency) await delay(options.writeLatency);
    return guard(true);
  };

  return {
    seed(uid: string, seed: MockMediaSeed) {
      const now = Date.now();
      if (seed.captions) {
        captions.set(
          uid,
          seed.captions.map((c) => ({
            language: c.language,
            generated: c.generated ?? false,
            status: c.status ?? (c.generated ? undefined : "ready"),
            startedAt: now,
          })),
        );
      }
      if (seed.download) {
        downloads.set(uid, {
          startedAt: seed.download === "inprogress" ? now : now - downloadPace,
          fails: seed.download === "error",
        });
      }
    },
    handlers: [
      http.get(`${base}/:uid/captions`, async ({ params }) => {
        const failed = await guard();
        if (failed) return failed;
        return ok((captions.get(uidOf(params)) ?? []).map((c) => captionView(c)));
      }),
      http.put(`${base}/:uid/captions/:lang`, async ({ params, request }) => {
        const failed = await write();
        if (failed) return failed;
        const uid = uidOf(params);
        const language = String(params.lang);
        const file = (await request.formData()).get("file");
        if (typeof file === "string" || file === null) return fail(400, "No file field");
        if (!/^\uFEFF?WEBVTT/.test(await file.text()))
          return fail(400, "The caption file must be WebVTT (it has to start with WEBVTT).");
        const caption: MockCaption = {
          language,
          generated: false,
          status: "ready",
          startedAt: Date.now(),
        };
        const list = (captions.get(uid) ?? []).filter((c) => c.language !== language);
        captions.set(uid, [...list, caption]);
        return ok(captionView(caption));
      }),
      http.post(`${base}/:uid/captions/:lang/generate`, async ({ params }) => {
        const failed = await write();
        if (failed) return failed;
        const uid = uidOf(params);
        const language = String(params.lang);
        if (!ready(uid)) return fail(400, "Generating captions needs a ready video.");
        const list = captions.get(uid) ?? [];
        if (list.some((c) => c.language === language))
          return fail(409, `The video already has ${language} captions; delete them first.`);
        const caption: MockCaption = { language, generated: true, startedAt: Date.now() };
        captions.set(uid, [...list, caption]);
        return ok(captionView(caption));
      }),
      http.delete(`${base}/:uid/captions/:lang`, async ({ params }) => {
        const failed = await write();
        if (failed) return failed;
        const uid = uidOf(params);
        captions.set(
          uid,
          (captions.get(uid) ?? []).filter((c) => c.language !== params.lang),
        );
        return ok("");
      }),
      http.get(`${base}/:uid/downloads`, async ({ params }) => {
        const failed = await guard();
        if (failed) return failed;
        return ok(downloadsView(uidOf(params)));
      }),
      http.post(`${base}/:uid/downloads`, async ({ params }) => {
        const failed = await write();
        if (failed) return failed;
        const uid = uidOf(params);
        if (!ready(uid)) return fail(400, "A download needs a ready video.");
        const current = downloads.get(uid);
        if (!current || current.fails) downloads.set(uid, { startedAt: Date.now(), fails: false });
        return ok(downloadsView(uid));
      }),
      http.delete(`${base}/:uid/downloads`, async ({ params }) => {
        const failed = await write();
        if (failed) return failed;
        downloads.delete(uidOf(params));
        return ok("ok");
      }),
    ],
  };
}
