import type { Caption, Downloads, DownloadType } from "@streamkit/core/captions";
import { HttpResponse, http } from "msw";
import { StreamModel } from "./streamModel";

/**
 * Captions and downloads behind the proxy contract, in memory, for hook and component tests: the
 * stream model (its videos, recorded requests and injected failures) with these routes added.
 * Time plays no part: each list request moves work under way one step on, so tests count polls
 * instead of waiting. Shared by the hooks and the ui tests.
 */

const ok = (result: unknown) =>
  HttpResponse.json({ result, success: true, errors: [], messages: [] });
const fail = (status: number, message: string, code = 10005) =>
  HttpResponse.json(
    { result: null, success: false, errors: [{ code, message }], messages: [] },
    { status },
  );

export function languageLabel(language: string): string {
  const name = new Intl.DisplayNames([language], { type: "language" }).of(language) ?? language;
  return name.charAt(0).toUpperCase() + name.slice(1);
}

export class MediaModel extends StreamModel {
  captions = new Map<string, Caption[]>();
  downloads = new Map<string, Downloads>();
  /** List requests a generated caption stays `inprogress` for. */
  generateSteps = 2;
  /** Percent a download gains per list request. */
  downloadStep = 40;
  /** Generated captions end in `error` instead of `ready`. */
  generateFails = false;
  /** Answers wait for this once made (a slow network: they arrive with what was true before). */
  gate: Promise<void> | undefined;
  private pending = new Map<string, number>();

  override reset(): void {
    super.reset();
    this.captions.clear();
    this.downloads.clear();
    this.pending.clear();
    this.generateSteps = 2;
    this.downloadStep = 40;
    this.generateFails = false;
    this.gate = undefined;
  }

  private ready(uid: string): boolean {
    return this.videos.get(uid)?.status?.state === "ready";
  }

  private tickCaptions(uid: string): void {
    for (const caption of this.captions.get(uid) ?? []) {
      if (caption.status !== "inprogress") continue;
      const key = `${uid}/${caption.language}`;
      const left = (this.pending.get(key) ?? this.generateSteps) - 1;
      this.pending.set(key, left);
      if (left <= 0) caption.status = this.generateFails ? "error" : "ready";
    }
  }

  private tickDownloads(uid: string): void {
    for (const download of Object.values(this.downloads.get(uid) ?? {})) {
      if (download?.status !== "inprogress") continue;
      download.percentComplete = Math.min(100, download.percentComplete + this.downloadStep);
      if (download.percentComplete >= 100) download.status = "ready";
    }
  }

  override handlers() {
    const base = this.base;
    const enter = (request: Request) => this.enter(request);
    const uidOf = (params: Record<string, unknown>) => String(params.uid);
    const create = (uid: string, type: DownloadType) => {
      if (!this.ready(uid)) return fail(400, `A download needs a ready video; ${uid} is not.`);
      const downloads = this.downloads.get(uid) ?? {};
      downloads[type] ??= {
        status: "inprogress",
        percentComplete: 0,
        url: `https://delivery.test/${uid}/downloads/${type === "default" ? "default.mp4" : "audio.m4a"}`,
      };
      this.downloads.set(uid, downloads);
      return ok(downloads);
    };
    const remove = (uid: string, type: DownloadType) => {
      const downloads = this.downloads.get(uid);
      if (!downloads?.[type]) return fail(404, `No ${type} download.`, 10003);
      delete downloads[type];
      return ok("ok");
    };
    return [
      ...super.handlers(),
      http.get(`${base}/:uid/captions`, async ({ request, params }) => {
        const failed = await enter(request);
        if (failed) return failed;
        const uid = uidOf(params);
        this.tickCaptions(uid);
        const answer = ok((this.captions.get(uid) ?? []).map((c) => ({ ...c })));
        if (this.gate) await this.gate;
        return answer;
      }),
      http.put(`${base}/:uid/captions/:lang`, async ({ request, params }) => {
        const failed = await enter(request);
        if (failed) return failed;
        // The body is not read: a test DOM's FormData cannot be read by Node's Request.
        if (!/^multipart\/form-data; ?boundary=/.test(request.headers.get("content-type") ?? "")) {
          return fail(415, "expected multipart/form-data");
        }
        const uid = uidOf(params);
        const language = String(params.lang);
        const caption: Caption = {
          language,
          label: languageLabel(language),
          generated: false,
          status: "ready",
        };
        const list = (this.captions.get(uid) ?? []).filter((c) => c.language !== language);
        this.captions.set(uid, [...list, caption]);
        return ok(caption);
      }),
      http.post(`${base}/:uid/captions/:lang/generate`, async ({ request, params }) => {
        const failed = await enter(request);
        if (failed) return failed;
        const uid = uidOf(params);
        const language = String(params.lang);
        if (!this.ready(uid)) return fail(400, `Generating captions needs a ready video.`);
        const list = this.captions.get(uid) ?? [];
        if (list.some((c) => c.language === language))
          return fail(409, `${language} captions exist; delete them first.`, 10011);
        const caption: Caption = {
          language,
          label: `${languageLabel(language)} (auto-generated)`,
          generated: true,
          status: "inprogress",
        };
        this.captions.set(uid, [...list, caption]);
        return ok(caption);
      }),
      http.delete(`${base}/:uid/captions/:lang`, async ({ request, params }) => {
        const failed = await enter(request);
        if (failed) return failed;
        const uid = uidOf(params);
        const list = this.captions.get(uid) ?? [];
        if (!list.some((c) => c.language === params.lang))
          return fail(404, "No such captions", 10003);
        this.captions.set(
          uid,
          list.filter((c) => c.language !== params.lang),
        );
        return ok("");
      }),
      http.get(`${base}/:uid/downloads`, async ({ request, params }) => {
        const failed = await enter(request);
        if (failed) return failed;
        const uid = uidOf(params);
        this.tickDownloads(uid);
        return ok(structuredClone(this.downloads.get(uid) ?? {}));
      }),
      http.post(`${base}/:uid/downloads`, async ({ request, params }) => {
        return (await enter(request)) ?? create(uidOf(params), "default");
      }),
      http.post(`${base}/:uid/downloads/:type`, async ({ request, params }) => {
        return (await enter(request)) ?? create(uidOf(params), params.type as DownloadType);
      }),
      http.delete(`${base}/:uid/downloads`, async ({ request, params }) => {
        return (await enter(request)) ?? remove(uidOf(params), "default");
      }),
      http.delete(`${base}/:uid/downloads/:type`, async ({ request, params }) => {
        return (await enter(request)) ?? remove(uidOf(params), params.type as DownloadType);
      }),
    ];
  }
}
