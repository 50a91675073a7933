import type { ErrorReasonCode } from "@streamkit/core";
import type { FfmpegTools } from "./ffmpeg";
import { readMp4Info } from "./mp4-info";
import { probe } from "./probe";
import { type Container, containerContentType, readHead, sniffContainer } from "./sniff";

export interface SourceInfo {
  duration: number;
  width: number;
  height: number;
  fps: number;
  hasAudio: boolean;
  container: Container;
  contentType: string;
  /** Browsers can play the original as is (used when there is no HLS). */
  playable: boolean;
}

export type Analysis =
  | { ok: true; info: SourceInfo }
  | { ok: false; code: ErrorReasonCode; text: string };

/** Cloudflare's floor (§7). */
export const MIN_DURATION_SECONDS = 0.1;

const nonVideo = (text: string): Analysis => ({ ok: false, code: "ERR_NON_VIDEO", text });
const malformed = (text: string): Analysis => ({ ok: false, code: "ERR_MALFORMED_VIDEO", text });

function checkDuration(info: SourceInfo, maxDurationSeconds: number | null): Analysis {
  if (!(info.duration > 0)) return malformed("The duration of the video could not be determined.");
  if (info.duration < MIN_DURATION_SECONDS) {
    return {
      ok: false,
      code: "ERR_DURATION_TOO_SHORT",
      text: `The video is ${info.duration.toFixed(3)} s long; the minimum is 0.1 s.`,
    };
  }
  if (maxDurationSeconds !== null && maxDurationSeconds > 0 && info.duration > maxDurationSeconds) {
    return {
      ok: false,
      code: "ERR_DURATION_EXCEED_CONSTRAINT",
      text: `The video is ${info.duration.toFixed(1)} s long, above the upload's maxDurationSeconds of ${maxDurationSeconds}.`,
    };
  }
  return { ok: true, info };
}

/** Image formats ffprobe reads as a one-frame "video"; Cloudflare rejects them as non-video. */
const IMAGE_FORMAT = /(^|,)(image2|\w+_pipe|gif|webp|apng)(,|$)/;

/**
 * Decides whether the file is a video Stream would accept, and what it contains. With ffprobe when
 * there is one; otherwise from magic bytes and the MP4 header (degraded mode).
 */
export async function analyzeSource(
  tools: FfmpegTools | undefined,
  file: string,
  maxDurationSeconds: number | null,
  signal: AbortSignal,
): Promise<Analysis> {
  const container = sniffContainer(await readHead(file));
  const contentType = containerContentType(container);
  const playable = container === "mp4" || container === "webm";
  if (tools) {
    let result: Awaited<ReturnType<typeof probe>>;
    try {
      result = await probe(tools, file, signal);
    } catch (error) {
      if (signal.aborted) throw error;
      return container === "unknown"
        ? nonVideo("The file was not recognized as a valid video file.")
        : malformed("The file looks like a video container but could not be read.");
    }
    if (!result.hasVideo || IMAGE_FORMAT.test(result.formatName)) {
      return nonVideo(
        result.hasAudio
          ? "The file has no video track (audio only)."
          : "The file was not recognized as a valid video file.",
      );
    }
    return checkDuration({ ...result, container, contentType, playable }, maxDurationSeconds);
  }
  if (container === "unknown")
    return nonVideo("The file was not recognized as a valid video file.");
  if (container !== "mp4") {
    return malformed(`Without ffmpeg the emulator can only read MP4/MOV files, not ${container}.`);
  }
  const mp4 = await readMp4Info(file).catch(() => undefined);
  if (!mp4) return malformed("The MP4 file has no readable moov box.");
  if (!mp4.hasVideo) return nonVideo("The file has no video track.");
  return checkDuration({ ...mp4, fps: 0, container, contentType, playable }, maxDurationSeconds);
}
