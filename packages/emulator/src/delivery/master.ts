import type { AudioTrackRecord } from "../records";

export const AUDIO_GROUP = "audio";
const ORIGINAL = "Original";

export interface AudioRendition {
  name: string;
  default: boolean;
  /** Absent for the audio muxed into the video renditions. */
  uri?: string;
}

/** HLS quoted strings cannot hold `"` (labels have no control characters: the API refuses them). */
const quoted = (text: string) => `"${text.replaceAll('"', "'")}"`;

/**
 * The alternate audio renditions of a video with ready additional tracks. The video's own audio
 * comes first as "Original" without a URI (HLS: "the rendition is in the variant stream"), so
 * players that follow the group, hls.js included, keep playing it until a track is picked.
 * Exactly one rendition is DEFAULT: the track marked default, else the original audio, else
 * (a video without sound) the first track.
 */
export function audioRenditions(
  tracks: AudioTrackRecord[],
  hasOriginalAudio: boolean,
  uriFor: (track: AudioTrackRecord) => string,
): AudioRendition[] {
  const ready = tracks.filter((t) => t.status === "ready");
  if (ready.length === 0) return [];
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
    renditions.unshift({ name, default: chosen === undefined });
  }
  return renditions;
}

/**
 * Adds the audio group to ffmpeg's master playlist: `#EXT-X-MEDIA` lines before the variants,
 * and `AUDIO="audio"` (plus AAC in CODECS when the variants have no sound of their own) on each
 * `#EXT-X-STREAM-INF`. No renditions: the playlist comes back unchanged, byte for byte.
 */
export function withAudioGroup(master: string, renditions: AudioRendition[]): string {
  if (renditions.length === 0) return master;
  const media = renditions.map(
    (r) =>
      `#EXT-X-MEDIA:TYPE=AUDIO,GROUP-ID="${AUDIO_GROUP}",NAME=${quoted(r.name)},DEFAULT=${r.default ? "YES" : "NO"},AUTOSELECT=YES${r.uri ? `,URI=${quoted(r.uri)}` : ""}`,
  );
  const lines = master.split("\n");
  const out: string[] = [];
  let inserted = false;
  for (const line of lines) {
    if (!inserted && line.startsWith("#EXT-X-STREAM-INF:")) {
      out.push(...media, "");
      inserted = true;
    }
    if (line.startsWith("#EXT-X-STREAM-INF:")) {
      const codecs = line.replace(/CODECS="([^"]*)"/, (whole, list: string) =>
        /mp4a/.test(list) ? whole : `CODECS="${list},mp4a.40.2"`,
      );
      out.push(`${codecs},AUDIO="${AUDIO_GROUP}"`);
    } else {
      out.push(line);
    }
  }
  return out.join("\n");
}
