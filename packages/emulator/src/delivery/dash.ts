/**
 * The DASH manifest (`/<id>/manifest/video.mpd`), written over the HLS renditions' own fMP4
 * (CMAF) files: the same init segments and `.m4s` media segments serve both protocols, as on
 * Stream, where one CMAF encode is packaged as HLS and DASH. That is no second encode and no
 * second copy on disk, and the two manifests can never disagree about the media. ffmpeg's dash
 * muxer would have meant a second packaging run and a second set of files; instead the MPD is
 * composed at request time from the media playlists (segment names and EXTINF durations), so it
 * also lists the audio tracks and captions as they are now.
 */

export interface MediaPlaylist {
  /** `#EXT-X-MAP` URI: absent for MPEG-TS playlists, which DASH players cannot take here. */
  init?: string;
  segments: Array<{ uri: string; duration: number }>;
}

/** Reads a VOD media playlist: its init segment and its segments with their durations. */
export function parseMediaPlaylist(text: string): MediaPlaylist {
  const lines = text.split("\n").map((l) => l.trim());
  const playlist: MediaPlaylist = { segments: [] };
  let duration: number | undefined;
  for (const line of lines) {
    const map = /^#EXT-X-MAP:.*?URI="([^"]+)"/.exec(line);
    if (map?.[1]) playlist.init = map[1];
    else if (line.startsWith("#EXTINF:")) duration = Number.parseFloat(line.slice(8));
    else if (line && !line.startsWith("#") && duration !== undefined) {
      playlist.segments.push({ uri: line, duration });
      duration = undefined;
    }
  }
  return playlist;
}

export interface DashRepresentation {
  id: string;
  bandwidth: number;
  codecs: string;
  width?: number;
  height?: number;
  /** Folder of the files relative to the MPD, with its trailing `/` (`0/`, `audio/<uid>/`). */
  base: string;
  playlist: MediaPlaylist;
}

export interface DashAudio {
  label: string;
  default: boolean;
  representation: DashRepresentation;
}

export interface DashText {
  language: string;
  label: string;
  /** The WebVTT file relative to the MPD. */
  uri: string;
}

export interface DashPresentation {
  /** Seconds. */
  duration: number;
  video: DashRepresentation[];
  audio: DashAudio[];
  text: DashText[];
}

const TIMESCALE = 1000;

const xml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (ch) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" })[ch] ?? ch,
  );

const seconds = (s: number) => `PT${Math.max(0, s).toFixed(3)}S`;

/**
 * `$Number$` template for segments named as ffmpeg names them (`seg_000.m4s`, `seg_001.m4s`, …);
 * `undefined` when the names are not one zero-padded sequence.
 */
export function numberTemplate(uris: string[]): { media: string; startNumber: number } | undefined {
  const first = /^(.*?)(\d+)(\.[A-Za-z0-9]+)$/.exec(uris[0] ?? "");
  if (!first) return undefined;
  const [, prefix = "", digits = "", suffix = ""] = first;
  const start = Number(digits);
  const width = digits.length;
  const ok = uris.every(
    (uri, i) => uri === `${prefix}${String(start + i).padStart(width, "0")}${suffix}`,
  );
  if (!ok) return undefined;
  return { media: `${prefix}$Number%0${width}d$${suffix}`, startNumber: start };
}

/** `<SegmentTimeline>` in milliseconds, rounded on the running total so no drift builds up. */
function timeline(durations: number[]): string {
  const runs: Array<{ t: number; d: number; r: number }> = [];
  let total = 0;
  for (const duration of durations) {
    const t = Math.round(total * TIMESCALE);
    total += duration;
    const d = Math.round(total * TIMESCALE) - t;
    const last = runs[runs.length - 1];
    if (last && last.d === d) last.r++;
    else runs.push({ t, d, r: 0 });
  }
  const entries = runs.map(
    (run, i) => `<S${i === 0 ? ` t="${run.t}"` : ""} d="${run.d}"${run.r ? ` r="${run.r}"` : ""}/>`,
  );
  return `<SegmentTimeline>${entries.join("")}</SegmentTimeline>`;
}

/** A representation's `<SegmentTemplate>`, or `undefined` when its files cannot be described. */
function segmentTemplate(rep: DashRepresentation): string | undefined {
  const { init, segments } = rep.playlist;
  if (!init || segments.length === 0) return undefined;
  const template = numberTemplate(segments.map((s) => s.uri));
  if (!template) return undefined;
  return `<SegmentTemplate timescale="${TIMESCALE}" initialization="${xml(rep.base + init)}" media="${xml(rep.base + template.media)}" startNumber="${template.startNumber}">${timeline(segments.map((s) => s.duration))}</SegmentTemplate>`;
}

function representation(rep: DashRepresentation, indent: string): string | undefined {
  const segments = segmentTemplate(rep);
  if (!segments) return undefined;
  const size = rep.width && rep.height ? ` width="${rep.width}" height="${rep.height}"` : "";
  return [
    `${indent}<Representation id="${xml(rep.id)}" bandwidth="${rep.bandwidth}" codecs="${xml(rep.codecs)}"${size}>`,
    `${indent}  ${segments}`,
    `${indent}</Representation>`,
  ].join("\n");
}

const ROLE = "urn:mpeg:dash:role:2011";

/**
 * A static (VOD) MPD: one video AdaptationSet with every rendition, one audio AdaptationSet per
 * sound (the original and each ready track; the default one has role `main` and the higher
 * `selectionPriority`), and one text AdaptationSet per ready caption (WebVTT, side-loaded).
 * `undefined` when no video rendition can be described.
 */
export function buildMpd(presentation: DashPresentation): string | undefined {
  const indent = "      ";
  const video = presentation.video
    .map((rep) => representation(rep, indent))
    .filter((r): r is string => r !== undefined);
  if (video.length === 0) return undefined;
  const sets: string[] = [];
  const maxWidth = Math.max(...presentation.video.map((r) => r.width ?? 0));
  const maxHeight = Math.max(...presentation.video.map((r) => r.height ?? 0));
  sets.push(
    [
      `    <AdaptationSet id="0" contentType="video" mimeType="video/mp4" segmentAlignment="true" startWithSAP="1"${maxWidth && maxHeight ? ` maxWidth="${maxWidth}" maxHeight="${maxHeight}"` : ""}>`,
      ...video,
      "    </AdaptationSet>",
    ].join("\n"),
  );
  let id = 1;
  for (const sound of presentation.audio) {
    const rep = representation(sound.representation, indent);
    if (!rep) continue;
    sets.push(
      [
        `    <AdaptationSet id="${id++}" contentType="audio" mimeType="audio/mp4" segmentAlignment="true" startWithSAP="1" selectionPriority="${sound.default ? 2 : 1}">`,
        `      <Label>${xml(sound.label)}</Label>`,
        `      <Role schemeIdUri="${ROLE}" value="${sound.default ? "main" : "alternate"}"/>`,
        rep,
        "    </AdaptationSet>",
      ].join("\n"),
    );
  }
  for (const text of presentation.text) {
    sets.push(
      [
        `    <AdaptationSet id="${id++}" contentType="text" mimeType="text/vtt" lang="${xml(text.language)}">`,
        `      <Label>${xml(text.label)}</Label>`,
        `      <Role schemeIdUri="${ROLE}" value="subtitle"/>`,
        `      <Representation id="text-${xml(text.language)}" bandwidth="256">`,
        `        <BaseURL>${xml(text.uri)}</BaseURL>`,
        "      </Representation>",
        "    </AdaptationSet>",
      ].join("\n"),
    );
  }
  const longest = Math.max(
    1,
    ...presentation.video.flatMap((r) => r.playlist.segments.map((s) => s.duration)),
  );
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<MPD xmlns="urn:mpeg:dash:schema:mpd:2011" profiles="urn:mpeg:dash:profile:isoff-live:2011" type="static" mediaPresentationDuration="${seconds(presentation.duration)}" minBufferTime="${seconds(Math.ceil(longest))}">`,
    `  <Period id="0" start="PT0S">`,
    ...sets,
    "  </Period>",
    "</MPD>",
    "",
  ].join("\n");
}
