import type { Rendition } from "../records";

const even = (n: number) => Math.max(2, Math.round(n / 2) * 2);

/**
 * Picks rendition sizes: the configured heights that do not upscale the source, topped up with the
 * source height and then half of it so there are always at least two (an ABR ladder to switch on).
 */
export function planLadder(
  source: { width: number; height: number; fps: number },
  ladder: number[],
): Rendition[] {
  const height = source.height > 0 ? source.height : 360;
  const width = source.width > 0 ? source.width : Math.round((height * 16) / 9);
  const heights = [...new Set(ladder.filter((h) => h > 0 && h <= height).map(even))].sort(
    (a, b) => b - a,
  );
  if (heights.length < 2 && !heights.includes(even(height))) heights.unshift(even(height));
  if (heights.length < 2) heights.push(even(height / 2));
  const fps = source.fps > 0 ? Math.min(source.fps, 60) : 30;
  return heights.map((h) => {
    const w = even((width * h) / height);
    // About 0.07 bits per pixel per frame: small files, fine for local playback.
    const bandwidth = Math.max(100_000, Math.round(w * h * fps * 0.07));
    return { width: w, height: h, bandwidth };
  });
}

export interface HlsJob {
  input: string;
  outDir: string;
  renditions: Rendition[];
  hasAudio: boolean;
  preset: string;
  segmentSeconds: number;
  /** Cut window for clips, in seconds. */
  window?: { start: number; end: number };
}

/**
 * The init segment's name as given to ffmpeg. With more than one variant stream ffmpeg writes
 * `init_<n>.mp4` into each rendition's folder; the media playlists name it in `#EXT-X-MAP`.
 */
export const INIT_FILE = "init.mp4";

/** File names a rendition folder may hold: fMP4 (CMAF) now, MPEG-TS for videos processed before. */
export const RENDITION_FILE = /^(index\.m3u8|init(_\d{1,2})?\.mp4|seg_\d{3,6}\.(m4s|ts))$/;

/** The folder of a video's own sound: the one after the video renditions (fMP4 ladders only). */
export const audioRenditionIndex = (renditions: Rendition[]) => renditions.length;

/** `Content-Type` of a rendition file. */
export function renditionContentType(file: string, audio = false): string {
  if (file.endsWith(".m3u8")) return "application/vnd.apple.mpegurl";
  if (file.endsWith(".ts")) return "video/mp2t";
  return audio ? "audio/mp4" : "video/mp4";
}

/**
 * One ffmpeg run producing the ladder as fMP4 (CMAF) HLS, as Stream has served it since April
 * 2026: video-only renditions `<outDir>/<n>/` (`index.m3u8`, `init_<n>.mp4`, `seg_NNN.m4s`) and,
 * when the source has sound, one AAC rendition after them, all cut on the same key frames. Audio
 * apart from video is what lets the DASH manifest reuse the very same segments (players such as
 * dash.js refuse audio and video multiplexed in one representation). ffmpeg's `master.m3u8` is
 * kept for its CODECS and BANDWIDTH; the served master is composed from it (delivery/master.ts).
 */
export function hlsArgs(job: HlsJob): string[] {
  const n = job.renditions.length;
  const split = job.renditions.map((_, i) => `[v${i}]`).join("");
  const scales = job.renditions
    .map((r, i) => `[v${i}]scale=${r.width}:${r.height}[o${i}]`)
    .join(";");
  const args = ["-hide_banner", "-nostdin", "-y", "-nostats", "-progress", "pipe:1"];
  if (job.window) args.push("-ss", String(job.window.start), "-to", String(job.window.end));
  args.push("-i", job.input, "-filter_complex", `[0:v:0]split=${n}${split};${scales}`);
  job.renditions.forEach((r, i) => {
    args.push("-map", `[o${i}]`);
    const kbps = Math.round(r.bandwidth / 1000);
    args.push(
      `-b:v:${i}`,
      `${kbps}k`,
      `-maxrate:v:${i}`,
      `${Math.round(kbps * 1.5)}k`,
      `-bufsize:v:${i}`,
      `${kbps * 2}k`,
    );
  });
  if (job.hasAudio) args.push("-map", "0:a:0");
  args.push(
    "-c:v",
    "libx264",
    "-preset",
    job.preset,
    "-pix_fmt",
    "yuv420p",
    "-profile:v",
    "main",
    "-sc_threshold",
    "0",
    "-force_key_frames",
    `expr:gte(t,n_forced*${job.segmentSeconds})`,
  );
  if (job.hasAudio) args.push("-c:a", "aac", "-b:a", "96k", "-ac", "2");
  const group = job.hasAudio ? ",agroup:audio" : "";
  const streamMap = [
    ...job.renditions.map((_, i) => `v:${i}${group}`),
    ...(job.hasAudio ? [`a:0${group}`] : []),
  ].join(" ");
  args.push(
    "-f",
    "hls",
    "-hls_time",
    String(job.segmentSeconds),
    "-hls_playlist_type",
    "vod",
    "-hls_segment_type",
    "fmp4",
    "-hls_fmp4_init_filename",
    INIT_FILE,
    "-hls_segment_filename",
    `${job.outDir}/%v/seg_%03d.m4s`,
    "-master_pl_name",
    "master.m3u8",
    "-var_stream_map",
    streamMap,
    `${job.outDir}/%v/index.m3u8`,
  );
  return args;
}

/**
 * Keeps only the rendition closest to a bandwidth hint (Mbps), as `clientBandwidthHint` does; the
 * full master playlist when nothing is closer or the hint is absent.
 */
export function filterMaster(master: string, hintMbps: number | undefined): string {
  if (hintMbps === undefined || !Number.isFinite(hintMbps) || hintMbps <= 0) return master;
  const lines = master.split("\n");
  const variants: Array<{ info: number; uri: number; bandwidth: number }> = [];
  lines.forEach((line, i) => {
    const match = /^#EXT-X-STREAM-INF:.*?BANDWIDTH=(\d+)/.exec(line);
    if (match?.[1] && lines[i + 1] !== undefined)
      variants.push({ info: i, uri: i + 1, bandwidth: Number(match[1]) });
  });
  if (variants.length < 2) return master;
  const target = hintMbps * 1_000_000;
  const best = variants.reduce((a, b) =>
    Math.abs(b.bandwidth - target) < Math.abs(a.bandwidth - target) ? b : a,
  );
  const drop = new Set(variants.filter((v) => v !== best).flatMap((v) => [v.info, v.uri]));
  return lines.filter((_, i) => !drop.has(i)).join("\n");
}
