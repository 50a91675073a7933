import { type ChildProcess, spawn } from "node:child_process";
import type { LiveOutputRecord } from "./records";

/** Wait before a forward that broke (the target went away, a network blip) is tried again. */
const RETRY_MS = 2_000;

interface Forward {
  child: ChildProcess | undefined;
  /** Where it pushes; a changed URL or key means a new forward. */
  target: string;
  retry: NodeJS.Timeout | undefined;
  stopped: boolean;
}

/** The URL ffmpeg pushes an output to: Stream joins `url` and `streamKey` with a slash for RTMP(S). */
export function outputTarget(output: Pick<LiveOutputRecord, "url" | "streamKey">): string {
  if (output.url.startsWith("srt://")) return output.url;
  return `${output.url.replace(/\/+$/, "")}/${output.streamKey}`;
}

/**
 * Simulcast for one broadcast: each enabled output gets an ffmpeg that plays the broadcast back
 * from the emulator's own ingest and pushes it, copied, to the output's URL (FLV over RTMP(S),
 * MPEG-TS over SRT). A forward that breaks is started again while the output is still wanted.
 */
export class Simulcast {
  private readonly forwards = new Map<string, Forward>();

  constructor(
    private readonly ffmpeg: string,
    private readonly source: string,
    private readonly log: (line: string) => void,
  ) {}

  /** Starts the enabled outputs that are not running and stops the rest. */
  sync(outputs: LiveOutputRecord[]): void {
    const wanted = new Map(outputs.filter((o) => o.enabled).map((o) => [o.uid, outputTarget(o)]));
    for (const [uid, forward] of this.forwards) {
      if (wanted.get(uid) === forward.target) continue;
      this.end(forward);
      this.forwards.delete(uid);
    }
    for (const [uid, target] of wanted) {
      if (this.forwards.has(uid)) continue;
      const forward: Forward = { child: undefined, target, retry: undefined, stopped: false };
      this.forwards.set(uid, forward);
      this.run(uid, forward);
    }
  }

  stop(): void {
    for (const forward of this.forwards.values()) this.end(forward);
    this.forwards.clear();
  }

  private run(uid: string, forward: Forward): void {
    const format = forward.target.startsWith("srt://") ? "mpegts" : "flv";
    const child = spawn(
      this.ffmpeg,
      [
        ...["-hide_banner", "-loglevel", "error", "-nostdin", "-i", this.source],
        ...["-map", "0", "-c", "copy", "-f", format, forward.target],
      ],
      { stdio: ["ignore", "ignore", "pipe"] },
    );
    let stderr = "";
    child.stderr?.setEncoding("utf8");
    child.stderr?.on("data", (chunk: string) => {
      stderr = (stderr + chunk).slice(-1000);
    });
    forward.child = child;
    const again = (why: string) => {
      if (forward.stopped) return;
      this.log(`simulcast output ${uid}: ${why}; trying again in ${RETRY_MS} ms`);
      forward.retry = setTimeout(() => this.run(uid, forward), RETRY_MS);
    };
    child.once("error", (error) => again(error.message));
    child.once("close", (code) => {
      if (forward.child === child)
        again(stderr.trim().split("\n").at(-1) || `ffmpeg exited ${code}`);
    });
  }

  private end(forward: Forward): void {
    forward.stopped = true;
    clearTimeout(forward.retry);
    forward.child?.kill("SIGKILL");
  }
}
