import type { AudioTrackRecord, CaptionRecord } from "../records";

export const AUDIO_GROUP = "audio";
export const SUBTITLE_GROUP = "subs";
const ORIGINAL = "Original";

export interface AudioRendition {
  name: string;
  default: boolean;
  /** Absent for audio muxed into the video renditions (MPEG-TS videos processed before fMP4). */
  uri?: string;
}

export interface SubtitleRendition {
  name: string;
  language: string;
  uri: string;
}

/** HLS quoted strings cannot hold `"` (labels have no control characters: the API refuses them). */
const quoted = (text: string) => `"${text.replaceAll('"', "'")}"`;

/**
 * The alternate audio renditions of a video. The video's own sound comes first as "Original":
 * with `originalUri` (fMP4 ladders, where the sound is a rendition of its own) it is always
 * listed; without (MPEG-TS ladders, sound muxed into each variant) it is listed without a URI
 * (HLS: "the rendition is in the variant stream"), and only when there are ready tracks, so
 * players that follow the group, hls.js included, keep playing it until a track is picked.
 * Exactly one rendition is DEFAULT: the track marked default, else the original audio, else
 * (a video without sound) the first track.
 */
export function audioRenditions(
  tracks: AudioTrackRecord[],
  hasOriginalAudio: boolean,
  uriFor: (track: AudioTrackRecord) => string,
  originalUri?: string,
): AudioRendition[] {
  const ready = tracks.filter((t) => t.status === "ready");
  if (ready.length === 0 && !(hasOriginalAudio && originalUri)) return [];
  const chosen = ready.find((t) => t.default) ?? (hasOriginalAudio ? undefined : ready[0]);
  const renditions: AudioRendition[] = ready.map((t) => ({
    name: t.label,
    default: t === chosen,
    uri: uriFor(t),
  }));
  if (hasOriginalAudio) {
    // Names are unique within a group; a track may itself be labelled "Original".
    let name = ORIGINAL;
    for (let n = 2; renditions.some((r) => r.name === name); n++) name = `${ORIGINAL} ${n}`;
    renditions.unshift({
      name,
      default: chosen === undefined,
      ...(originalUri ? { uri: originalUri } : {}),
    });
  }
  return renditions;
}

/** One subtitle rendition per ready caption (in-progress and errored generated ones are left out). */
export function subtitleRenditions(
  captions: CaptionRecord[],
  uriFor: (language: string) => string,
): SubtitleRendition[] {
  return captions
    .filter((t) => t.status === "ready")
    .map((t) => ({ name: t.label, language: t.language, uri: uriFor(t.language) }));
}

export interface MasterAdditions {
  audio: AudioRendition[];
  subtitles: SubtitleRendition[];
  /** Variant URIs of ffmpeg's playlist to leave out (its audio-only entry for the sound). */
  dropVariants?: string[];
}

/**
 * The served master playlist, from ffmpeg's: ffmpeg's own `#EXT-X-MEDIA` lines and the variants
 * in `dropVariants` go; the audio group (`#EXT-X-MEDIA:TYPE=AUDIO`) and the subtitle group
 * (`#EXT-X-MEDIA:TYPE=SUBTITLES`) come before the variants, and each `#EXT-X-STREAM-INF` names
 * them (`AUDIO="audio"`, plus AAC in CODECS when the variants carry no sound of their own;
 * `SUBTITLES="subs"`). Nothing to add or drop: the playlist comes back unchanged, byte for byte.
 */
export function composeMaster(master: string, additions: MasterAdditions): string {
  const { audio, subtitles } = additions;
  const drop = new Set(additions.dropVariants ?? []);
  if (audio.length === 0 && subtitles.length === 0 && drop.size === 0) return master;
  const media = [
    ...audio.map(
      (r) =>
        `#EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID="${AUDIO_GROUP}",NAME=${quoted(r.name)},DEFAULT=${r.default ? "YES" : "NO"},AUTOSELECT=YES${r.uri ? `,URI=${quoted(r.uri)}` : ""}`,
    ),
    ...subtitles.map(
      (s) =>
        `#EXT-X-MEDIA:TYPE=SUBTITLES,GROUP-ID="${SUBTITLE_GROUP}",NAME=${quoted(s.name)},LANGUAGE=${quoted(s.language)},DEFAULT=NO,AUTOSELECT=YES,FORCED=NO,URI=${quoted(s.uri)}`,
    ),
  ];
  const lines = master.split("\n");
  const out: string[] = [];
  let inserted = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? "";
    if (line.startsWith("#EXT-X-MEDIA:")) continue;
    if (!line.startsWith("#EXT-X-STREAM-INF:")) {
      out.push(line);
      continue;
    }
    const uri = lines[i + 1] ?? "";
    if (drop.has(uri.trim())) {
      i++; // the URI line goes with it
      if (lines[i + 1] === "") i++; // and ffmpeg's blank line after it
      continue;
    }
    if (!inserted) {
      if (media.length > 0) out.push(...media, "");
      inserted = true;
    }
    let info = line.replace(/,(AUDIO|SUBTITLES)="[^"]*"/g, "");
    if (audio.length > 0) {
      info = info.replace(/CODECS="([^"]*)"/, (whole, list: string) =>
        /mp4a/.test(list) ? whole : `CODECS="${list},mp4a.40.2"`,
      );
      info += `,AUDIO="${AUDIO_GROUP}"`;
    }
    if (subtitles.length > 0) info += `,SUBTITLES="${SUBTITLE_GROUP}"`;
    out.push(info);
  }
  return out.join("\n");
}

/**
 * The media playlist of one subtitle rendition: the caption's whole WebVTT as a single segment
 * as long as the video (`#EXT-X-TARGETDURATION` is its duration rounded up, as HLS requires).
 */
export function subtitlePlaylist(vttUri: string, duration: number): string {
  const seconds = duration > 0 ? duration : 1;
  return [
    "#EXTM3U",
    "#EXT-X-VERSION:3",
    `#EXT-X-TARGETDURATION:${Math.ceil(seconds)}`,
    "#EXT-X-MEDIA-SEQUENCE:0",
    "#EXT-X-PLAYLIST-TYPE:VOD",
    `#EXTINF:${seconds.toFixed(3)},`,
    vttUri,
    "#EXT-X-ENDLIST",
    "",
  ].join("\n");
}

/** One variant of a master playlist: its attributes and URI. */
export interface Variant {
  uri: string;
  bandwidth?: number;
  resolution?: { width: number; height: number };
  codecs: string[];
}

/** The `#EXT-X-STREAM-INF` variants of a master playlist, in order. */
export function parseVariants(master: string): Variant[] {
  const lines = master.split("\n");
  const variants: Variant[] = [];
  lines.forEach((line, i) => {
    if (!line.startsWith("#EXT-X-STREAM-INF:")) return;
    const uri = lines[i + 1]?.trim();
    if (!uri) return;
    const bandwidth = /[:,]BANDWIDTH=(\d+)/.exec(line)?.[1];
    const resolution = /RESOLUTION=(\d+)x(\d+)/.exec(line);
    const codecs = /CODECS="([^"]*)"/.exec(line)?.[1];
    variants.push({
      uri,
      ...(bandwidth ? { bandwidth: Number(bandwidth) } : {}),
      ...(resolution
        ? { resolution: { width: Number(resolution[1]), height: Number(resolution[2]) } }
        : {}),
      codecs: codecs ? codecs.split(",").map((c) => c.trim()) : [],
    });
  });
  return variants;
}
