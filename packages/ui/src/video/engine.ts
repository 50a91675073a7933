import type { StreamVideoAudioTrack, StreamVideoError, StreamVideoHlsConfig } from "./types";

/** Where playback resumes after a reload (a new token on native HLS, a retry): time, and playing or not. */
export interface Resume {
  time: number;
  play: boolean;
}

/** What plays the manifest in the element: the browser's own HLS, or hls.js. */
export interface Engine {
  readonly kind: "native" | "hls.js";
  /** Audio renditions, with the one playing. */
  audio(): StreamVideoAudioTrack[];
  /** Plays the rendition with this language or label. */
  selectAudio(name: string): void;
  /** Detaches from the element and stops every request, timer and listener. */
  destroy(): void;
}

export interface EngineOptions {
  url: string;
  /** The id (uid or signed token) delivery URLs should carry now; read at every request. */
  currentId: () => string | undefined;
  resume: Resume | undefined;
  /** Wait for the first `play` before loading anything (`preload="none"`). */
  deferred: boolean;
  config: StreamVideoHlsConfig | undefined;
  /** A request was refused 401/403: probably an expired or rejected token. */
  onTokenRejected: () => void;
  /** Playback failed for good. */
  onFatal: (error: StreamVideoError) => void;
  /** The audio renditions or the choice among them changed. */
  onTracks: () => void;
}

interface AudioTrackLike {
  label: string;
  language: string;
  enabled: boolean;
}
type AudioTrackList = ArrayLike<AudioTrackLike> & EventTarget;

/** `HTMLMediaElement.audioTracks`, where the browser has it (Safari; Chromium behind a flag). */
export const audioTracksOf = (video: HTMLVideoElement): AudioTrackList | undefined =>
  (video as HTMLVideoElement & { audioTracks?: AudioTrackList }).audioTracks;

/** Listens where the list is an event target (a few DOMs, jsdom's among them, give plain lists). */
export function listen(
  target: object | undefined,
  events: string[],
  listener: () => void,
): () => void {
  const list = target as Partial<EventTarget> | undefined;
  if (typeof list?.addEventListener !== "function") return () => {};
  for (const event of events) list.addEventListener(event, listener);
  return () => {
    for (const event of events) list.removeEventListener?.(event, listener);
  };
}

const matches = (track: { label: string; language: string }, name: string) =>
  track.language === name || track.label === name;

/** Continues where a reload left off: the time, then playing if it was. */
export function resumeAt(video: HTMLVideoElement, resume: Resume | undefined): void {
  if (!resume) return;
  if (resume.time > 0) video.currentTime = resume.time;
  if (resume.play) video.play().catch(() => {});
}

/** The browser's own HLS (Safari, iOS, some Android): the element loads the manifest itself. */
export function nativeEngine(video: HTMLVideoElement, options: EngineOptions): Engine {
  const tracks = audioTracksOf(video);
  const onMetadata = () => resumeAt(video, options.resume);
  video.addEventListener("loadedmetadata", onMetadata, { once: true });
  const unlisten = listen(tracks, ["change", "addtrack"], options.onTracks);
  video.src = options.url;
  return {
    kind: "native",
    audio: () =>
      Array.from(tracks ?? [], (t) => ({
        language: t.language,
        label: t.label,
        enabled: t.enabled,
      })),
    selectAudio(name) {
      const list = Array.from(tracks ?? []);
      const chosen = list.find((t) => matches(t, name));
      if (chosen) for (const t of list) t.enabled = t === chosen;
    },
    destroy() {
      video.removeEventListener("loadedmetadata", onMetadata);
      unlisten();
      video.removeAttribute("src");
      video.load();
    },
  };
}

export { matches as trackMatches };
