import type { Engine } from "./engine";
import { trackMatches } from "./engine";
import type { StreamVideoTextTrack, StreamVideoTracks } from "./types";

const isText = (track: TextTrack): track is TextTrack & { kind: StreamVideoTextTrack["kind"] } =>
  track.kind === "subtitles" || track.kind === "captions";

/** The element's caption and subtitle tracks (hls.js adds the manifest's there, as Safari does). */
export const textTracksOf = (video: HTMLVideoElement) =>
  Array.from(video.textTracks).filter(isText);

export function readTracks(video: HTMLVideoElement, engine: Engine | undefined): StreamVideoTracks {
  return {
    text: textTracksOf(video).map((t) => ({
      language: t.language,
      label: t.label,
      kind: t.kind,
      showing: t.mode === "showing",
    })),
    audio: engine?.audio() ?? [],
  };
}

/** Shows the track of that language or label and no other; `null` shows none. */
export function showTextTrack(video: HTMLVideoElement, name: string | null): void {
  const tracks = textTracksOf(video);
  const chosen = name === null ? undefined : tracks.find((t) => trackMatches(t, name));
  // Off first, then on: a browser shows one track of a kind, and a skin reads the last change.
  for (const t of tracks) if (t !== chosen) t.mode = "disabled";
  if (chosen) chosen.mode = "showing";
}
