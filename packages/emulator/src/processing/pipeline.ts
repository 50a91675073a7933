import { copyFile, rename, rm } from "node:fs/promises";
import type { ErrorReasonCode } from "@streamkit/core";
import { fileSize } from "../fsutil";
import type { ResolvedOptions } from "../options";
import { formatPct, type VideoRecord } from "../records";
import type { VideoStore } from "../store";
import type { Webhooks } from "../webhooks";
import { analyzeSource, type SourceInfo } from "./analyze";
import { FetchOriginError, fetchToFile } from "./fetch-source";
import type { FfmpegTools } from "./ffmpeg";
import { progressParser, run } from "./ffmpeg";
import { hlsArgs, planLadder } from "./hls";
import type { JobQueue } from "./queue";
import { Throttle } from "./throttle";
import { burnArgs } from "./watermark";

export const SOURCE_FILE = "source";
/**
 * The source with its watermark drawn in. It becomes the video's `sourceFile`, so every later
 * step (HLS, thumbnails, MP4/M4A downloads, clips cut from this video) shows the mark without
 * knowing about watermarks, as on Stream, where the mark is part of the encoded video. The
 * original stays beside it, so a re-run after a restart starts from clean frames.
 */
export const WATERMARKED_FILE = "watermarked.mp4";

/** What the pipeline works with (the emulator's context fits as it is). */
export interface PipelineDeps {
  store: VideoStore;
  queue: JobQueue;
  /** `undefined` in degraded mode: originals play as they are. */
  tools: FfmpegTools | undefined;
  webhooks: Pick<Webhooks, "notify">;
  options: Pick<ResolvedOptions, "processing">;
  shutdown: AbortSignal;
  log(line: string): void;
}

/**
 * Moves videos through Cloudflare's states as the work really happens:
 * `downloading` (copy) → `queued` → `inprogress` (probe, then encode with a live pctComplete)
 * → `ready` | `error`. Heavy work goes through the shared job queue.
 */
export class Pipeline {
  /** Copy downloads in flight (they do not use the job queue, as Stream's `downloading` does not). */
  private readonly downloads = new Map<
    string,
    { controller: AbortController; task: Promise<void> }
  >();

  constructor(private readonly deps: PipelineDeps) {}

  /** `POST /copy`: fetch the URL now (state `downloading`), then queue the encode. */
  startCopy(uid: string): void {
    if (this.downloads.has(uid)) return;
    const controller = new AbortController();
    const stop = () => controller.abort();
    this.deps.shutdown.addEventListener("abort", stop, { once: true });
    const task = this.copy(uid, controller.signal)
      .catch((error: unknown) => this.deps.log(`copy ${uid} failed: ${String(error)}`))
      .finally(() => {
        this.deps.shutdown.removeEventListener("abort", stop);
        if (this.downloads.get(uid)?.controller === controller) this.downloads.delete(uid);
      });
    this.downloads.set(uid, { controller, task });
  }

  /** Waits for aborted downloads to let go of their files (used by stop()). */
  async close(): Promise<void> {
    const pending = [...this.downloads.values()];
    for (const { controller } of pending) controller.abort();
    await Promise.all(pending.map((d) => d.task));
  }

  private async copy(uid: string, signal: AbortSignal): Promise<void> {
    const record = this.deps.store.get(uid);
    if (!record?.sourceUrl) return;
    const file = this.deps.store.file(uid, SOURCE_FILE);
    try {
      const size = await fetchToFile(record.sourceUrl, file, signal);
      const updated = await this.deps.store.update(uid, (r) => {
        r.sourceFile = SOURCE_FILE;
        r.size = size;
        r.uploaded = new Date().toISOString();
      });
      if (updated) await this.enqueue(uid);
    } catch (error) {
      if (signal.aborted) return;
      const text =
        error instanceof FetchOriginError ? error.message : `Download failed: ${String(error)}`;
      await this.fail(uid, "ERR_FETCH_ORIGIN_ERROR", text);
    }
  }

  /** The bytes are in place (upload finished, download done): state `queued`, then processing. */
  async enqueue(uid: string): Promise<void> {
    const record = await this.deps.store.update(uid, (r) => {
      r.state = "queued";
      r.pctComplete = formatPct(0);
      r.errorReasonCode = "";
      r.errorReasonText = "";
      delete r.step;
      // The upload URL stays known (HEAD still answers) but takes no more bytes.
      if (r.upload) r.upload.used = true;
    });
    if (!record) return;
    void this.deps.queue.add(`process:${uid}`, (signal) => this.process(uid, signal));
  }

  /** Stops every piece of work for a video (before deleting it). */
  async cancel(uid: string): Promise<void> {
    const download = this.downloads.get(uid);
    download?.controller.abort();
    await Promise.all([
      download?.task,
      this.deps.queue.cancel(`process:${uid}`),
      this.deps.queue.cancel(`download:default:${uid}`),
      this.deps.queue.cancel(`download:audio:${uid}`),
      this.deps.queue.cancelPrefix(`audio:${uid}:`),
    ]);
  }

  private async process(uid: string, signal: AbortSignal): Promise<void> {
    const record = this.deps.store.get(uid);
    if (!record) return;
    if (!record.sourceFile && !record.clip) {
      await this.fail(uid, "ERR_UNKNOWN", "The source file is missing.");
      return;
    }
    await this.deps.store.update(uid, (r) => {
      r.state = "inprogress";
      r.step = "encoding";
      r.pctComplete = formatPct(0);
    });
    try {
      if (record.clip) await this.cutClip(record, signal);
      const file = this.deps.store.file(uid, SOURCE_FILE);
      const analysis = await analyzeSource(
        this.deps.tools,
        file,
        record.maxDurationSeconds,
        signal,
      );
      if (!analysis.ok) {
        await this.fail(uid, analysis.code, analysis.text);
        return;
      }
      // Burnt in before the duration is known: thumbnails are served from then on, and must
      // never show (and cache) unmarked frames.
      const marked = await this.burnWatermark(uid, analysis.info, signal);
      const info = marked ?? analysis.info;
      await this.deps.store.update(uid, (r) => {
        r.duration = Math.round(info.duration * 1000) / 1000;
        r.width = info.width;
        r.height = info.height;
      });
      if (this.deps.tools) await this.encode(record, info, signal, marked ? 40 : 0);
      await this.ready(uid, info);
    } catch (error) {
      if (signal.aborted) return; // Left as is; a restart re-queues it.
      const detail = error instanceof Error ? lastLine(error) : String(error);
      this.deps.log(`processing ${uid} failed: ${detail}`);
      await this.fail(uid, "ERR_MALFORMED_VIDEO", `The video could not be encoded: ${detail}`);
    }
  }

  private async cutClip(record: VideoRecord, signal: AbortSignal): Promise<void> {
    const clip = record.clip;
    if (!clip) return;
    const from = this.deps.store.get(clip.from);
    if (!from?.sourceFile) throw new Error("the clipped video is gone");
    const source = this.deps.store.file(clip.from, from.sourceFile);
    const target = this.deps.store.file(record.uid, SOURCE_FILE);
    const tools = this.deps.tools;
    if (tools) {
      const tmp = `${target}.tmp.mp4`;
      await run(
        tools.ffmpeg,
        [
          "-hide_banner",
          "-nostdin",
          "-y",
          "-ss",
          String(clip.start),
          "-to",
          String(clip.end),
          "-i",
          source,
          "-map",
          "0:v:0",
          "-map",
          "0:a:0?",
          "-c:v",
          "libx264",
          "-preset",
          this.deps.options.processing.preset,
          "-pix_fmt",
          "yuv420p",
          "-c:a",
          "aac",
          "-movflags",
          "+faststart",
          tmp,
        ],
        { signal },
      );
      await rename(tmp, target);
    } else {
      await copyFile(source, target);
    }
    await this.deps.store.update(record.uid, (r) => {
      r.sourceFile = SOURCE_FILE;
      delete r.clip;
    });
    const size = await fileSize(target);
    if (size !== undefined)
      await this.deps.store.update(record.uid, (r) => {
        r.size = size;
      });
  }

  /**
   * Draws the video's watermark into {@link WATERMARKED_FILE} (pctComplete 0..40) and makes it
   * the source; `undefined` when there is none to draw (no watermark, or no ffmpeg: degraded
   * mode keeps the profile on the record but cannot draw it).
   */
  private async burnWatermark(
    uid: string,
    info: SourceInfo,
    signal: AbortSignal,
  ): Promise<SourceInfo | undefined> {
    const tools = this.deps.tools;
    const record = this.deps.store.get(uid);
    const mark = record?.watermark;
    if (!tools || !record?.watermarkImage || !mark?.width || !mark.height) return undefined;
    const output = this.deps.store.file(uid, WATERMARKED_FILE);
    const tmp = `${output}.tmp`;
    const throttle = new Throttle(300);
    const onStdout = progressParser(info.duration, (fraction) => {
      if (!throttle.ready()) return;
      const pct = formatPct(fraction * 40);
      this.deps.store
        .update(uid, (r) => {
          if (r.state === "inprogress") r.pctComplete = pct;
        })
        .catch(() => {});
    });
    try {
      await run(
        tools.ffmpeg,
        burnArgs({
          input: this.deps.store.file(uid, SOURCE_FILE),
          image: this.deps.store.file(uid, record.watermarkImage),
          output: tmp,
          video: { width: info.width, height: info.height },
          imageSize: { width: mark.width, height: mark.height },
          profile: mark,
          preset: this.deps.options.processing.preset,
          hasAudio: info.hasAudio,
        }),
        { signal, onStdout },
      );
      await rename(tmp, output);
    } finally {
      await rm(tmp, { force: true });
    }
    await this.deps.store.update(uid, (r) => {
      r.sourceFile = WATERMARKED_FILE;
    });
    return { ...info, container: "mp4", contentType: "video/mp4", playable: true };
  }

  private async encode(
    record: VideoRecord,
    info: SourceInfo,
    signal: AbortSignal,
    pctFrom = 0,
  ): Promise<void> {
    const tools = this.deps.tools;
    if (!tools) return;
    const { ladder, preset, segmentSeconds } = this.deps.options.processing;
    const renditions = planLadder(info, ladder);
    const outDir = this.deps.store.file(record.uid, "hls.tmp");
    const finalDir = this.deps.store.file(record.uid, "hls");
    await rm(outDir, { recursive: true, force: true });
    const throttle = new Throttle(300);
    const onStdout = progressParser(info.duration, (fraction) => {
      // Stays below 100 until the renditions are on disk.
      const pct = formatPct(Math.min(99, pctFrom + fraction * (100 - pctFrom)));
      if (!throttle.ready()) return;
      this.deps.store
        .update(record.uid, (r) => {
          if (r.state === "inprogress") r.pctComplete = pct;
        })
        .catch(() => {}); // A lost progress write is harmless; the next one follows.
    });
    await run(
      tools.ffmpeg,
      hlsArgs({
        input: this.deps.store.file(
          record.uid,
          this.deps.store.get(record.uid)?.sourceFile ?? SOURCE_FILE,
        ),
        outDir,
        renditions,
        hasAudio: info.hasAudio,
        preset,
        segmentSeconds,
      }),
      { signal, onStdout },
    );
    await this.deps.store.update(record.uid, (r) => {
      r.step = "manifest";
    });
    await rm(finalDir, { recursive: true, force: true });
    await rename(outDir, finalDir);
    await this.deps.store.update(record.uid, (r) => {
      r.media = {
        hls: true,
        renditions,
        hasAudio: info.hasAudio,
        playableSource: info.playable,
        sourceContentType: info.contentType,
        segments: "fmp4",
      };
    });
  }

  private async ready(uid: string, info: SourceInfo): Promise<void> {
    const record = await this.deps.store.update(uid, (r) => {
      r.state = "ready";
      r.pctComplete = formatPct(100);
      r.readyToStream = true;
      r.readyToStreamAt = new Date().toISOString();
      delete r.step;
      r.media ??= {
        hls: false,
        renditions: [],
        hasAudio: info.hasAudio,
        playableSource: info.playable,
        sourceContentType: info.contentType,
      };
    });
    if (record) {
      this.deps.log(
        `video ${uid} ready (${info.duration.toFixed(1)} s, ${info.width}x${info.height})`,
      );
      await this.deps.webhooks.notify(uid);
    }
  }

  async fail(uid: string, code: ErrorReasonCode, text: string): Promise<void> {
    const record = await this.deps.store.update(uid, (r) => {
      r.state = "error";
      r.errorReasonCode = code;
      r.errorReasonText = text;
      r.readyToStream = false;
      r.step ??= "encoding";
      if (r.upload) r.upload.used = true;
    });
    if (record) {
      this.deps.log(`video ${uid} error ${code}: ${text}`);
      await this.deps.webhooks.notify(uid);
    }
  }

  /**
   * After a restart: anything that was moving moves again. Downloads start over, queued and
   * half-encoded videos are encoded again, and a video whose bytes are gone ends in `error`.
   */
  async recover(): Promise<void> {
    for (const record of this.deps.store.all()) {
      const uid = record.uid;
      if (record.state === "downloading") {
        if (record.sourceUrl) this.startCopy(uid);
        else
          await this.fail(
            uid,
            "ERR_FETCH_ORIGIN_ERROR",
            "The copy was interrupted and has no URL to resume from.",
          );
      } else if (record.state === "queued" || record.state === "inprogress") {
        const hasSource =
          record.sourceFile !== undefined &&
          (await fileSize(this.deps.store.file(uid, record.sourceFile))) !== undefined;
        if (hasSource || record.clip) await this.enqueue(uid);
        else
          await this.fail(
            uid,
            "ERR_UNKNOWN",
            "The emulator restarted while processing and the source file is gone.",
          );
      }
    }
  }
}

function lastLine(error: Error): string {
  const stderr = (error as { stderr?: unknown }).stderr;
  const lines = typeof stderr === "string" ? stderr.trim().split("\n") : [];
  return (lines[lines.length - 1] ?? error.message).trim() || error.message;
}
