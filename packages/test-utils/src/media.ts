import type { Caption, Download, Downloads, DownloadType } from "@streamkit/core/captions";
import type { StreamState } from "./state";

/**
 * How captions and downloads move on. By default each list request moves work under way one
 * step on, so tests count polls instead of waiting; with `pace` (the stories) the clock does.
 */

export function languageLabel(language: string): string {
  let name = language;
  try {
    name = new Intl.DisplayNames([language], { type: "language" }).of(language) ?? language;
  } catch {}
  return name.charAt(0).toLocaleUpperCase(language) + name.slice(1);
}

export function captionLabel(language: string, generated: boolean): string {
  return generated ? `${languageLabel(language)} (auto-generated)` : languageLabel(language);
}

/** Moves the captions of `uid` on (a list request) and returns them as the API shows them. */
export function captionsNow(model: StreamState, uid: string, now = Date.now()): Caption[] {
  const pace = model.options.pace;
  const list = model.captions.get(uid) ?? [];
  for (const caption of list) {
    if (caption.status !== "inprogress") continue;
    if (pace) {
      const started = model.startedAt.get(caption);
      if (started !== undefined && now - started >= pace.captionMs) caption.status = "ready";
      continue;
    }
    const key = `${uid}/${caption.language}`;
    const left = (model.pending.get(key) ?? model.generateSteps) - 1;
    model.pending.set(key, left);
    if (left <= 0) caption.status = model.generateFails ? "error" : "ready";
  }
  return list.map((c) => ({ ...c }));
}

/** Moves the downloads of `uid` on (a list request) and returns a copy. */
export function downloadsNow(model: StreamState, uid: string, now = Date.now()): Downloads {
  const pace = model.options.pace;
  for (const download of Object.values(model.downloads.get(uid) ?? {})) {
    if (download?.status !== "inprogress") continue;
    const started = model.startedAt.get(download);
    if (pace && started !== undefined) {
      const share = Math.min(1, (now - started) / pace.downloadMs);
      download.percentComplete = Math.round(share * 1000) / 10;
    } else if (!pace) {
      download.percentComplete = Math.min(100, download.percentComplete + model.downloadStep);
    }
    if (download.percentComplete >= 100) download.status = "ready";
  }
  return structuredClone(model.downloads.get(uid) ?? {});
}

export function downloadUrl(model: StreamState, uid: string, type: DownloadType): string {
  return `${model.delivery}/${uid}/downloads/${type === "default" ? "default.mp4" : "audio.m4a"}`;
}

/** Starts making a download (again, when the last attempt failed). */
export function startDownload(model: StreamState, uid: string, type: DownloadType): Downloads {
  const downloads = model.downloads.get(uid) ?? {};
  if (!downloads[type] || downloads[type].status === "error") {
    const download: Download = {
      status: "inprogress",
      percentComplete: 0,
      url: downloadUrl(model, uid, type),
    };
    model.startedAt.set(download, Date.now());
    downloads[type] = download;
  }
  model.downloads.set(uid, downloads);
  return downloads;
}

/** A generated caption, under way from now. */
export function startCaption(model: StreamState, uid: string, language: string): Caption {
  const caption: Caption = {
    language,
    label: captionLabel(language, true),
    generated: true,
    status: "inprogress",
  };
  model.startedAt.set(caption, Date.now());
  model.captions.set(uid, [...(model.captions.get(uid) ?? []), caption]);
  return caption;
}
