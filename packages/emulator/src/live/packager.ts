import { type ChildProcess, spawn } from "node:child_process";
import { mkdir, rm } from "node:fs/promises";
import path from "node:path";

/** Where a broadcast's live HLS window and its recording are written. */
export const LIVE_PLAYLIST = "index.m3u8";
export const RECORDING_FILE = "recording.ts";
/** Segments the live playlist keeps: a sliding window of about 12 s. */
const WINDOW_SEGMENTS = 6;
const SEGMENT_SECONDS = 2;

/**
 * One broadcast as ffmpeg sees it: it plays the stream back from the emulator's own RTMP ingest
 * and writes a sliding live HLS window (what players get) beside an MPEG-TS recording of the
 * whole broadcast (what becomes the video). Streams are copied, not re-encoded, as Stream keeps
 * the broadcaster's H.264 and AAC.
 */
export class LivePackager {
  private child: ChildProcess | undefined;
  private exited: Promise<void> = Promise.resolve();

  constructor(
    private readonly ffmpeg: string,
    readonly dir: string,
    private readonly log: (line: string) => void,
  ) {}

  get running(): boolean {
    return (
      this.child !== undefined && this.child.exitCode === null && this.child.signalCode === null
    );
  }

  /** Starts reading `source`; `waitMs` is how long a quiet stream (a broadcaster away) is waited for. */
  async start(source: string, waitMs: number): Promise<void> {
    await rm(this.dir, { recursive: true, force: true });
    await mkdir(this.dir, { recursive: true });
    const copy = ["-map", "0:v:0", "-map", "0:a:0?", "-c", "copy"];
    const child = spawn(
      this.ffmpeg,
      [
        ...["-hide_banner", "-loglevel", "error", "-nostdin"],
        ...["-rw_timeout", String((waitMs + 10_000) * 1000), "-i", source],
        ...copy,
        ...["-f", "hls", "-hls_time", String(SEGMENT_SECONDS)],
        ...["-hls_list_size", String(WINDOW_SEGMENTS), "-hls_flags", "delete_segments"],
        ...["-hls_segment_filename", path.join(this.dir, "seg_%05d.ts")],
        path.join(this.dir, LIVE_PLAYLIST),
        ...copy,
        ...["-f", "mpegts", path.join(this.dir, RECORDING_FILE)],
      ],
      { stdio: ["ignore", "ignore", "pipe"] },
    );
    let stderr = "";
    child.stderr?.setEncoding("utf8");
    child.stderr?.on("data", (chunk: string) => {
      stderr = (stderr + chunk).slice(-2000);
    });
    this.child = child;
    this.exited = new Promise((resolve) => {
      child.once("close", (code, signal) => {
        if (code !== 0 && signal === null && stderr.trim())
          this.log(`live packager exited with ${code}: ${stderr.trim().split("\n").at(-1)}`);
        resolve();
      });
      child.once("error", (error) => {
        this.log(`live packager could not start: ${error.message}`);
        resolve();
      });
    });
  }

  /**
   * Waits for ffmpeg to finish: the ingest ends its input when the broadcast ends, and ffmpeg
   * then closes the playlist (`#EXT-X-ENDLIST`) and the recording. If it is still reading after
   * `waitMs`, two SIGINTs interrupt the read (ffmpeg ignores one while blocked on input) and it
   * finishes the files; SIGKILL is the last resort.
   */
  async stop(waitMs = 5_000): Promise<void> {
    const child = this.child;
    const within = (ms: number) =>
      Promise.race([
        this.exited.then(() => true),
        new Promise<boolean>((r) => setTimeout(r, ms, false)),
      ]);
    if (child && this.running && !(await within(waitMs))) {
      child.kill("SIGINT");
      child.kill("SIGINT");
      if (!(await within(3_000))) child.kill("SIGKILL");
    }
    await this.exited;
  }
}
