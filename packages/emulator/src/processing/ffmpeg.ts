import { spawn } from "node:child_process";
import path from "node:path";

export interface FfmpegTools {
  ffmpeg: string;
  ffprobe: string;
  /** First line of `ffmpeg -version`, for the start-up log. */
  version: string;
}

export class ToolError extends Error {
  constructor(
    message: string,
    readonly exitCode: number | null,
    readonly stderr: string,
  ) {
    super(message);
    this.name = "ToolError";
  }
}

export interface RunResult {
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  signal?: AbortSignal;
  /** Called with each chunk of stdout, e.g. to follow `-progress pipe:1`. */
  onStdout?: (chunk: string) => void;
  timeoutMs?: number;
}

const STDERR_KEEP = 8_000;

/** Runs a tool to completion; rejects with the tail of stderr when it fails or is aborted. */
export function run(bin: string, args: string[], options: RunOptions = {}): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    if (options.signal?.aborted) {
      reject(new ToolError(`${path.basename(bin)} aborted`, null, ""));
      return;
    }
    const child = spawn(bin, args, { stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8");
    child.stderr.setEncoding("utf8");
    child.stdout.on("data", (chunk: string) => {
      if (options.onStdout) options.onStdout(chunk);
      else stdout += chunk;
    });
    child.stderr.on("data", (chunk: string) => {
      stderr = (stderr + chunk).slice(-STDERR_KEEP);
    });
    const kill = () => child.kill("SIGKILL");
    options.signal?.addEventListener("abort", kill, { once: true });
    const timer = options.timeoutMs ? setTimeout(kill, options.timeoutMs) : undefined;
    child.on("error", (error) => {
      options.signal?.removeEventListener("abort", kill);
      if (timer) clearTimeout(timer);
      reject(new ToolError(`${path.basename(bin)}: ${error.message}`, null, stderr));
    });
    child.on("close", (code) => {
      options.signal?.removeEventListener("abort", kill);
      if (timer) clearTimeout(timer);
      if (code === 0) resolve({ stdout, stderr });
      else if (options.signal?.aborted)
        reject(new ToolError(`${path.basename(bin)} aborted`, code, stderr));
      else reject(new ToolError(`${path.basename(bin)} exited with ${code}`, code, stderr));
    });
  });
}

async function version(bin: string): Promise<string | undefined> {
  try {
    const { stdout } = await run(bin, ["-hide_banner", "-version"], { timeoutMs: 10_000 });
    return stdout.split("\n")[0]?.trim();
  } catch {
    return undefined;
  }
}

/**
 * Finds ffmpeg and ffprobe: the configured paths, else ffprobe beside ffmpeg, else PATH.
 * `undefined` means degraded mode.
 */
export async function locateFfmpeg(
  ffmpegPath: string | false | undefined,
  ffprobePath: string | undefined,
): Promise<FfmpegTools | undefined> {
  if (ffmpegPath === false) return undefined;
  const ffmpeg = ffmpegPath ?? "ffmpeg";
  const ffmpegVersion = await version(ffmpeg);
  if (!ffmpegVersion) return undefined;
  const candidates = ffprobePath
    ? [ffprobePath]
    : [
        ...(path.dirname(ffmpeg) !== "." ? [path.join(path.dirname(ffmpeg), "ffprobe")] : []),
        "ffprobe",
      ];
  for (const ffprobe of candidates) {
    if (await version(ffprobe)) return { ffmpeg, ffprobe, version: ffmpegVersion };
  }
  return undefined;
}

/**
 * Follows `-progress pipe:1` output (`out_time_us=…` lines) and reports the fraction done of a
 * job that should produce `durationSeconds` of media.
 */
export function progressParser(
  durationSeconds: number,
  report: (fraction: number) => void,
): (chunk: string) => void {
  let pending = "";
  return (chunk) => {
    pending += chunk;
    const lines = pending.split("\n");
    pending = lines.pop() ?? "";
    for (const line of lines) {
      const match = /^out_time_(?:us|ms)=(\d+)/.exec(line.trim());
      if (match?.[1] && durationSeconds > 0) {
        // Both keys carry microseconds (ffmpeg's out_time_ms is misnamed).
        report(Math.min(1, Number(match[1]) / 1e6 / durationSeconds));
      }
    }
  };
}
