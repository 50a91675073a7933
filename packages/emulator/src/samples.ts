import { mkdir, rename, rm } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { fileSize } from "./fsutil";
import type { ResolvedOptions } from "./options";
import type { FfmpegTools } from "./processing/ffmpeg";
import { run } from "./processing/ffmpeg";

interface SampleSpec {
  name: string;
  description: string;
  width: number;
  height: number;
  duration: number;
  /** ffmpeg arguments before the output file; absent for the file shipped in the package. */
  ffmpegArgs?: string[];
}

export interface SampleInfo {
  name: string;
  url: string;
  description: string;
  width: number;
  height: number;
  duration: number;
  size: number | null;
}

const lavfi = (source: string, tone: number, seconds: number) => [
  "-f",
  "lavfi",
  "-i",
  `${source}:duration=${seconds}`,
  "-f",
  "lavfi",
  "-i",
  `sine=frequency=${tone}:duration=${seconds}`,
  "-c:v",
  "libx264",
  "-preset",
  "veryfast",
  "-pix_fmt",
  "yuv420p",
  "-g",
  "30",
  "-c:a",
  "aac",
  "-b:a",
  "64k",
  "-shortest",
  "-movflags",
  "+faststart",
];

const SPECS: SampleSpec[] = [
  {
    name: "tiny",
    description: "2 s, 160x90, H.264 + AAC; shipped with the package, works without ffmpeg",
    width: 160,
    height: 90,
    duration: 2,
  },
  {
    name: "testsrc-4s",
    description: "4 s, 320x180 test pattern with a 440 Hz tone",
    width: 320,
    height: 180,
    duration: 4,
    ffmpegArgs: lavfi("testsrc=size=320x180:rate=25", 440, 4),
  },
  {
    name: "testsrc2-6s",
    description: "6 s, 640x360 moving test pattern with a 660 Hz tone",
    width: 640,
    height: 360,
    duration: 6,
    ffmpegArgs: lavfi("testsrc2=size=640x360:rate=30", 660, 6),
  },
];

/** The MP4 committed in the package (resolved without bundler help, from src/ or dist/). */
export const TINY_SAMPLE = path.join(
  path.dirname(fileURLToPath(import.meta.url)),
  "..",
  "assets",
  "tiny.mp4",
);

/** What samples are made with (the emulator's context fits as it is). */
export interface SampleDeps {
  options: Pick<ResolvedOptions, "dataDir">;
  /** Without ffmpeg only the shipped sample exists. */
  tools: FfmpegTools | undefined;
  /** The public origin, known once the server listens. */
  origin(): string;
  shutdown: AbortSignal;
  log(line: string): void;
}

/**
 * Sample videos served at `/samples/<name>.mp4`, so that copy-from-URL works offline. ffmpeg makes
 * them once into `<dataDir>/samples`; without ffmpeg only the shipped `tiny` sample exists.
 */
export class Samples {
  private readonly making = new Map<string, Promise<string | undefined>>();
  private readonly dir: string;

  constructor(private readonly deps: SampleDeps) {
    this.dir = path.join(deps.options.dataDir, "samples");
  }

  private specs(): SampleSpec[] {
    return SPECS.filter((s) => !s.ffmpegArgs || this.deps.tools);
  }

  async list(): Promise<SampleInfo[]> {
    return Promise.all(
      this.specs().map(async (spec) => ({
        name: spec.name,
        url: `${this.deps.origin()}/samples/${spec.name}.mp4`,
        description: spec.description,
        width: spec.width,
        height: spec.height,
        duration: spec.duration,
        size: (await fileSize(this.pathOf(spec))) ?? null,
      })),
    );
  }

  /** Makes every sample in the background; failures only log (the file is retried on request). */
  prepare(): void {
    for (const spec of this.specs()) void this.file(spec.name).catch(() => {});
  }

  /** The sample's file, made now if needed; `undefined` for an unknown name. */
  async file(name: string): Promise<string | undefined> {
    const spec = this.specs().find((s) => s.name === name);
    if (!spec) return undefined;
    const file = this.pathOf(spec);
    if (!spec.ffmpegArgs || (await fileSize(file))) return file;
    let pending = this.making.get(name);
    if (!pending) {
      pending = this.make(spec, file).finally(() => this.making.delete(name));
      this.making.set(name, pending);
    }
    return pending;
  }

  private pathOf(spec: SampleSpec): string {
    return spec.ffmpegArgs ? path.join(this.dir, `${spec.name}.mp4`) : TINY_SAMPLE;
  }

  private async make(spec: SampleSpec, file: string): Promise<string | undefined> {
    const tools = this.deps.tools;
    if (!tools || !spec.ffmpegArgs) return undefined;
    await mkdir(this.dir, { recursive: true });
    const tmp = `${file}.tmp.mp4`;
    try {
      await run(tools.ffmpeg, ["-hide_banner", "-nostdin", "-y", ...spec.ffmpegArgs, tmp], {
        signal: this.deps.shutdown,
        timeoutMs: 120_000,
      });
      await rename(tmp, file);
      return file;
    } catch (error) {
      await rm(tmp, { force: true });
      if (!this.deps.shutdown.aborted)
        this.deps.log(`sample ${spec.name} could not be made: ${String(error)}`);
      throw error;
    }
  }
}
