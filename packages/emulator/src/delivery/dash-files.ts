import { readFile } from "node:fs/promises";
import type { EmulatorContext } from "../context";
import { audioRenditionIndex } from "../processing/hls";
import type { VideoRecord } from "../records";
import { buildMpd, type DashAudio, type DashRepresentation, parseMediaPlaylist } from "./dash";
import { audioRenditions, parseVariants } from "./master";

const read = (file: string) => readFile(file, "utf8").catch(() => undefined);

/**
 * The MPD of an fMP4 video, from what is on disk now: ffmpeg's master playlist for each
 * rendition's CODECS, the media playlists for the segments, the ready audio tracks (fMP4 ones:
 * tracks made before fMP4 are MPEG-TS and left out) and the ready captions. `undefined` when the
 * renditions are missing.
 */
export async function dashManifest(
  ctx: Pick<EmulatorContext, "store">,
  record: VideoRecord,
): Promise<string | undefined> {
  const media = record.media;
  if (!media?.hls) return undefined;
  const hls = (...parts: string[]) => ctx.store.file(record.uid, "hls", ...parts);
  const master = await read(hls("master.m3u8"));
  if (!master) return undefined;
  const variants = new Map(parseVariants(master).map((v) => [v.uri, v]));
  const codec = (uri: string, kind: "video" | "audio") =>
    variants.get(uri)?.codecs.find((c) => c.startsWith("mp4a") === (kind === "audio"));

  const video: DashRepresentation[] = [];
  for (const [i, r] of media.renditions.entries()) {
    const text = await read(hls(String(i), "index.m3u8"));
    if (!text) continue;
    video.push({
      id: `video-${i}`,
      bandwidth: r.bandwidth,
      codecs: codec(`${i}/index.m3u8`, "video") ?? "avc1.4d401e",
      width: r.width,
      height: r.height,
      base: `${i}/`,
      playlist: parseMediaPlaylist(text),
    });
  }

  const index = audioRenditionIndex(media.renditions);
  const soundUri = media.hasAudio ? `${index}/index.m3u8` : undefined;
  const renditions = audioRenditions(record.audio ?? [], media.hasAudio, (t) => t.uid, soundUri);
  const audio: DashAudio[] = [];
  for (const rendition of renditions) {
    const original = rendition.uri === soundUri;
    const file = original
      ? hls(String(index), "index.m3u8")
      : ctx.store.file(record.uid, "audio", rendition.uri ?? "", "hls", "index.m3u8");
    const text = await read(file);
    if (!text) continue;
    audio.push({
      label: rendition.name,
      default: rendition.default,
      representation: {
        id: original ? "audio" : `audio-${rendition.uri}`,
        bandwidth: original ? 96_000 : 128_000,
        codecs: (original ? codec(`${index}/index.m3u8`, "audio") : undefined) ?? "mp4a.40.2",
        base: original ? `${index}/` : `audio/${rendition.uri}/`,
        playlist: parseMediaPlaylist(text),
      },
    });
  }

  const text = record.captions
    .filter((t) => t.status === "ready")
    .map((t) => ({ language: t.language, label: t.label, uri: `../captions/${t.language}.vtt` }));

  return buildMpd({ duration: record.duration, video, audio, text });
}
