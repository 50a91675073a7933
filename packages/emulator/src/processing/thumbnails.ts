import { mkdir, rename, rm } from "node:fs/promises";
import path from "node:path";
import { fileSize } from "../fsutil";
import type { VideoRecord } from "../records";
import type { VideoStore } from "../store";
import { parseDuration } from "../time";
import type { FfmpegTools } from "./ffmpeg";
import { run, ToolError } from "./ffmpeg";
import { placeholderPng } from "./placeholder";

export type Fit = "crop" | "clip" | "scale" | "fill";

export interface ThumbnailRequest {
  /** Seconds; `undefined` means `thumbnailTimestampPct × duration`. */
  time?: number;
  width?: number;
  height?: number;
  fit: Fit;
}

export interface GifRequest extends ThumbnailRequest {
  duration: number;
  fps: number;
}

export type Image = { file: string; contentType: string } | { body: Buffer; contentType: string };

/** The video (or its source file) went away while its image was being made, e.g. deleted. */
export class VideoGone extends Error {
  constructor(uid: string) {
    super(`video ${uid} is gone`);
    this.name = "VideoGone";
  }
}

/** A failure for the log: the message, plus the end of ffmpeg's stderr when there is one. */
export function describeFailure(error: unknown): string {
  const text = String(error);
  if (!(error instanceof ToolError) || !error.stderr.trim()) return text;
  const tail = error.stderr.trim().split("\n").slice(-4).join(" | ");
  return `${text}; stderr: ${tail.length > 600 ? tail.slice(-600) : tail}`;
}

const FITS: readonly Fit[] = ["crop", "clip", "scale", "fill"];
const DEFAULT_BOX = 640;
const MAX_SIDE = 2000;

function dimension(value: string | undefined, name: string): number | undefined {
  if (value === undefined || value === "") return undefined;
  const n = Number(value.replace(/px$/, ""));
  if (!Number.isInteger(n) || n < 1 || n > MAX_SIDE)
    throw new RangeError(`${name} must be a whole number of pixels, 1..${MAX_SIDE}`);
  return n;
}

/** Reads `time`, `width`, `height`, `fit` (§5.3); throws RangeError with a readable message. */
export function parseThumbnailQuery(query: Record<string, string | undefined>): ThumbnailRequest {
  const fit = (query.fit ?? "crop") as Fit;
  if (!FITS.includes(fit)) throw new RangeError('fit must be "crop", "clip", "scale" or "fill"');
  const time =
    query.time === undefined || query.time === "" ? undefined : parseDuration(query.time);
  if (time === undefined && query.time)
    throw new RangeError("time must be seconds or a duration like 1m30s");
  return {
    time,
    width: dimension(query.width, "width"),
    height: dimension(query.height, "height"),
    fit,
  };
}

export function parseGifQuery(query: Record<string, string | undefined>): GifRequest {
  const base = parseThumbnailQuery(query);
  const duration = query.duration ? parseDuration(query.duration) : 5;
  if (duration === undefined || duration <= 0 || duration > 15)
    throw new RangeError("duration must be 0..15 s, e.g. 5s");
  const fps = query.fps ? Number(query.fps) : 8;
  if (!Number.isFinite(fps) || fps < 1 || fps > 15) throw new RangeError("fps must be 1..15");
  return { ...base, duration, fps };
}

interface Geometry {
  width: number;
  height: number;
  filter: string;
}

const even = (n: number) => Math.max(2, Math.round(n / 2) * 2);

/** Output size and ffmpeg filter for a request, from the source's own size. */
export function geometry(
  source: { width: number; height: number },
  request: ThumbnailRequest,
): Geometry {
  const sw = source.width > 0 ? source.width : 16;
  const sh = source.height > 0 ? source.height : 9;
  const aspect = sw / sh;
  let { width, height } = request;
  let fit = request.fit;
  if (width === undefined && height === undefined) {
    // No size asked: the default 640 box, keeping the picture whole.
    fit = "clip";
    width = DEFAULT_BOX;
    height = DEFAULT_BOX;
  } else if (width === undefined) {
    width = Math.round((height ?? DEFAULT_BOX) * aspect);
    fit = "scale";
  } else if (height === undefined) {
    height = Math.round(width / aspect);
    fit = "scale";
  }
  const w = even(width);
  const h = even(height ?? DEFAULT_BOX);
  switch (fit) {
    case "scale":
      return { width: w, height: h, filter: `scale=${w}:${h}` };
    case "clip": {
      const scale = Math.min(w / sw, h / sh);
      const cw = even(sw * scale);
      const ch = even(sh * scale);
      return { width: cw, height: ch, filter: `scale=${cw}:${ch}` };
    }
    case "fill":
      return {
        width: w,
        height: h,
        filter: `scale=${w}:${h}:force_original_aspect_ratio=decrease,pad=${w}:${h}:(ow-iw)/2:(oh-ih)/2:black`,
      };
    default:
      return {
        width: w,
        height: h,
        filter: `scale=${w}:${h}:force_original_aspect_ratio=increase,crop=${w}:${h}`,
      };
  }
}

/** What thumbnails are made with (the emulator's context fits as it is). */
export interface ThumbnailDeps {
  store: Pick<VideoStore, "file" | "get">;
  /** `undefined` in degraded mode: placeholders only. */
  tools: FfmpegTools | undefined;
  shutdown: AbortSignal;
}

/**
 * Thumbnails and animated GIFs, made on demand with ffmpeg from the stored original and cached
 * under `thumbs/`. Without ffmpeg: a generated PNG placeholder of the right size.
 */
export class Thumbnails {
  private readonly inflight = new Map<string, Promise<string>>();

  constructor(private readonly deps: ThumbnailDeps) {}

  /**
   * Waits for the generations under way (shutdown has aborted their ffmpeg): each removes its
   * temporary file as it ends, so after this nothing writes under the data directory, and a
   * caller may delete it.
   */
  async close(): Promise<void> {
    await Promise.allSettled([...this.inflight.values()]);
  }

  private time(record: VideoRecord, requested: number | undefined): number {
    const duration = Math.max(record.duration, 0);
    const t = requested ?? record.thumbnailTimestampPct * duration;
    return Math.max(0, Math.min(t, duration - 0.1));
  }

  async jpeg(record: VideoRecord, request: ThumbnailRequest): Promise<Image> {
    const geo = geometry(record, request);
    if (!this.deps.tools || !record.sourceFile) {
      return { body: placeholderPng(geo.width, geo.height, record.uid), contentType: "image/png" };
    }
    const t = this.time(record, request.time);
    const name = `t${t.toFixed(2)}-${geo.width}x${geo.height}-${request.fit}.jpg`;
    const file = await this.cached(record, name, (out, signal) =>
      this.frame(record, t, geo.filter, out, signal).catch(async (error) => {
        // Seeking right at the end can yield no frame; the first frame always exists.
        if (t === 0 || signal.aborted || !(await this.hasSource(record))) throw error;
        await this.frame(record, 0, geo.filter, out, signal);
      }),
    );
    return { file, contentType: "image/jpeg" };
  }

  async gif(record: VideoRecord, request: GifRequest): Promise<Image> {
    const geo = geometry(record, request);
    const tools = this.deps.tools;
    if (!tools || !record.sourceFile) {
      return { body: placeholderPng(geo.width, geo.height, record.uid), contentType: "image/png" };
    }
    const t = this.time(record, request.time);
    const name = `t${t.toFixed(2)}-d${request.duration}-f${request.fps}-${geo.width}x${geo.height}-${request.fit}.gif`;
    const source = this.deps.store.file(record.uid, record.sourceFile);
    const make = async (start: number, out: string, signal: AbortSignal) => {
      await run(
        tools.ffmpeg,
        [
          "-hide_banner",
          "-nostdin",
          "-y",
          "-ss",
          String(start),
          "-t",
          String(request.duration),
          "-i",
          source,
          "-vf",
          `fps=${request.fps},${geo.filter},split[a][b];[a]palettegen=max_colors=128[p];[b][p]paletteuse`,
          "-loop",
          "0",
          "-f",
          "gif",
          out,
        ],
        { signal, timeoutMs: 120_000 },
      );
      // A start near the end at a low fps can leave no frame: ffmpeg then writes an empty file.
      if (!(await fileSize(out))) throw new Error("ffmpeg produced no frame");
    };
    const file = await this.cached(record, name, (out, signal) =>
      make(t, out, signal).catch(async (error) => {
        if (t === 0 || signal.aborted || !(await this.hasSource(record))) throw error;
        await make(0, out, signal);
      }),
    );
    return { file, contentType: "image/gif" };
  }

  private async frame(
    record: VideoRecord,
    t: number,
    filter: string,
    out: string,
    signal: AbortSignal,
  ): Promise<void> {
    const tools = this.deps.tools;
    if (!tools || !record.sourceFile) throw new Error("no ffmpeg");
    await run(
      tools.ffmpeg,
      [
        "-hide_banner",
        "-nostdin",
        "-y",
        "-ss",
        String(t),
        "-i",
        this.deps.store.file(record.uid, record.sourceFile),
        "-frames:v",
        "1",
        "-update",
        "1",
        "-vf",
        filter,
        "-q:v",
        "3",
        "-f",
        "image2",
        "-c:v",
        "mjpeg",
        out,
      ],
      { signal, timeoutMs: 60_000 },
    );
    if (!(await fileSize(out))) throw new Error("ffmpeg produced no frame");
  }

  /** The video still exists and its source file is on disk. */
  private async hasSource(record: VideoRecord): Promise<boolean> {
    const current = this.deps.store.get(record.uid);
    if (!current?.sourceFile) return false;
    return Boolean(await fileSize(this.deps.store.file(record.uid, current.sourceFile)));
  }

  /**
   * One generation per file at a time; later requests wait for it and then read the cache. A video
   * deleted meanwhile ends in `VideoGone` (ffmpeg fails on the missing source), and its directory is
   * not brought back.
   */
  private async cached(
    record: VideoRecord,
    name: string,
    make: (out: string, signal: AbortSignal) => Promise<void>,
  ): Promise<string> {
    const file = this.deps.store.file(record.uid, "thumbs", name);
    if (await fileSize(file)) return file;
    const existing = this.inflight.get(file);
    if (existing) return existing;
    const job = (async () => {
      if (!(await this.hasSource(record))) throw new VideoGone(record.uid);
      // Not recursive: the video's own directory must still be there.
      await mkdir(path.dirname(file)).catch((error: NodeJS.ErrnoException) => {
        if (error.code === "ENOENT") throw new VideoGone(record.uid);
        if (error.code !== "EEXIST") throw error;
      });
      const tmp = `${file}.${process.pid}.tmp`;
      try {
        await make(tmp, this.deps.shutdown);
        await rename(tmp, file);
        return file;
      } catch (error) {
        if (!this.deps.shutdown.aborted && !(await this.hasSource(record)))
          throw new VideoGone(record.uid);
        throw error;
      } finally {
        await rm(tmp, { force: true });
      }
    })();
    this.inflight.set(file, job);
    try {
      return await job;
    } finally {
      this.inflight.delete(file);
    }
  }
}
