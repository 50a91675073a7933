import { type FfmpegTools, run } from "./ffmpeg";

export interface ProbeResult {
  duration: number;
  width: number;
  height: number;
  hasVideo: boolean;
  hasAudio: boolean;
  formatName: string;
  /** Frames per second of the video stream, when known. */
  fps: number;
}

interface FfprobeJson {
  format?: { duration?: string; format_name?: string };
  streams?: Array<{
    codec_type?: string;
    width?: number;
    height?: number;
    duration?: string;
    avg_frame_rate?: string;
    disposition?: { attached_pic?: number };
  }>;
}

function rate(value: string | undefined): number {
  const [num, den] = (value ?? "").split("/").map(Number);
  return num && den ? num / den : 0;
}

/** Asks ffprobe for duration, size and tracks; rejects (ToolError) when it cannot read the file. */
export async function probe(
  tools: FfmpegTools,
  file: string,
  signal?: AbortSignal,
): Promise<ProbeResult> {
  const { stdout } = await run(
    tools.ffprobe,
    ["-v", "error", "-print_format", "json", "-show_format", "-show_streams", file],
    { signal, timeoutMs: 60_000 },
  );
  const json = JSON.parse(stdout) as FfprobeJson;
  const streams = json.streams ?? [];
  // Cover art inside audio files shows up as a one-frame "video" stream; it is not a video.
  const video = streams.find((s) => s.codec_type === "video" && !s.disposition?.attached_pic);
  const duration = Number(json.format?.duration ?? video?.duration ?? Number.NaN);
  return {
    duration: Number.isFinite(duration) ? duration : -1,
    width: video?.width ?? -1,
    height: video?.height ?? -1,
    hasVideo: video !== undefined,
    hasAudio: streams.some((s) => s.codec_type === "audio"),
    formatName: json.format?.format_name ?? "",
    fps: rate(video?.avg_frame_rate),
  };
}
