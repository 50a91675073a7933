import { randomBytes } from "node:crypto";
import { mkdir, readFile, symlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { startEmulator } from "@streamkit/emulator";
import { blankRecord, type VideoRecord } from "../../../emulator/src/records";

export interface SeedLibraryOptions {
  /** Videos to write. */
  count: number;
  /**
   * How many of them are unfinished, spread evenly through the list (every `count / unfinished`th
   * video), so a library page shows rows that poll their status live. Defaults to 0.
   *
   * They are direct uploads still waiting for their file (`pendingupload`, polled like `queued`).
   * A `queued` or `inprogress` record cannot be seeded: at start the emulator resumes processing,
   * which fails a video without a source file ("the source file is gone") and transcodes one
   * with a file, so either way it soon stops being unfinished.
   */
  unfinished?: number;
  /**
   * A processed video's directory (`<dataDir>/videos/<uid>`, see {@link processedVideo}): every
   * ready video gets its media fields and symlinks to its files, so thumbnails, manifests and
   * segments are served for real. Without it ready videos have no media: thumbnails are the
   * emulator's generated placeholders, manifests and segments are missing.
   */
  media?: string;
  /** `created` of the newest video. Defaults to a minute ago. */
  newest?: Date;
  /** Milliseconds between two videos' `created`. Defaults to a minute. */
  spacingMs?: number;
}

export interface SeededLibrary {
  /** Every uid, oldest first (the API lists newest first, so this reversed). */
  uids: string[];
  /** The unfinished ones, oldest first. */
  unfinished: string[];
  /** The name of the `i`th video (oldest first), as in `meta.name`. */
  nameOf(index: number): string;
}

/** Files written at once: enough to keep the disk busy without running out of descriptors. */
const BATCH = 256;

/**
 * Writes a library of `count` videos straight into an emulator data directory, as
 * `<dataDir>/videos/<uid>/video.json`, for an emulator started on it afterwards (it reads them at
 * start): thousands of videos in seconds, with no upload or ffmpeg run per video. `created`
 * strictly increases, so the list API's `before`/`after` cursors page through them exactly; names
 * are `Video 0001.mp4`, … in that order.
 */
export async function seedLibrary(
  dataDir: string,
  options: SeedLibraryOptions,
): Promise<SeededLibrary> {
  const { count, unfinished = 0, spacingMs = 60_000 } = options;
  if (!Number.isInteger(count) || count < 0) throw new RangeError("count: a whole number ≥ 0");
  // Whole milliseconds apart: ISO strings carry no finer time, and cursors need no two equal.
  if (!Number.isInteger(spacingMs) || spacingMs < 1)
    throw new RangeError("spacingMs: a whole number ≥ 1");
  if (!Number.isInteger(unfinished) || unfinished < 0 || unfinished > count)
    throw new RangeError("unfinished: a whole number, 0..count");
  const newest = (options.newest ?? new Date(Date.now() - 60_000)).getTime();
  const template = options.media ? await readTemplate(options.media) : undefined;
  const digits = Math.max(4, String(count).length);
  const nameOf = (index: number) => `Video ${String(index + 1).padStart(digits, "0")}.mp4`;
  // Every `every`th video, starting half a step in, so none sits at either end of the list.
  const every = unfinished > 0 ? count / unfinished : 0;
  const isUnfinished = new Set(
    Array.from({ length: unfinished }, (_, i) => Math.floor(i * every + every / 2)),
  );

  const uids = Array.from({ length: count }, () => randomBytes(16).toString("hex"));
  const records = uids.map((uid, index): VideoRecord => {
    const created = new Date(newest - (count - 1 - index) * spacingMs).toISOString();
    const name = nameOf(index);
    if (isUnfinished.has(index)) {
      return {
        ...blankRecord("direct", "pendingupload"),
        uid,
        created,
        modified: created,
        meta: { name },
        maxDurationSeconds: 3600,
        // Far enough ahead that the emulator's sweep never expires it during a run.
        uploadExpiry: new Date(Date.now() + 7 * 24 * 3600_000).toISOString(),
        upload: { offset: 0, public: true, used: false },
      };
    }
    const readyAt = new Date(Date.parse(created) + 5_000).toISOString();
    const base = {
      ...blankRecord("basic", "ready"),
      uid,
      created,
      modified: readyAt,
      uploaded: created,
      meta: { name },
      pctComplete: "100.000000",
      readyToStream: true,
      readyToStreamAt: readyAt,
    };
    if (template) return { ...base, ...template.fields };
    // No media: sizes and durations that vary like a real library's.
    return {
      ...base,
      duration: 5 + ((index * 37) % 1800),
      width: 1920,
      height: 1080,
      size: 1_000_000 + ((index * 7919) % 50_000_000),
    };
  });

  const root = path.join(dataDir, "videos");
  await mkdir(root, { recursive: true });
  for (let start = 0; start < records.length; start += BATCH) {
    await Promise.all(
      records.slice(start, start + BATCH).map(async (record) => {
        const dir = path.join(root, record.uid);
        await mkdir(dir);
        await writeFile(path.join(dir, "video.json"), JSON.stringify(record));
        if (template && record.state === "ready") {
          await Promise.all(
            template.files.map((file) =>
              symlink(path.join(template.dir, file), path.join(dir, file)),
            ),
          );
        }
      }),
    );
  }
  return {
    uids,
    unfinished: uids.filter((_, i) => isUnfinished.has(i)),
    nameOf,
  };
}

/** The fields every seeded ready video takes from the processed one, and the files it links. */
async function readTemplate(dir: string) {
  const source = JSON.parse(await readFile(path.join(dir, "video.json"), "utf8")) as VideoRecord;
  if (source.state !== "ready" || !source.media || !source.sourceFile)
    throw new Error(`seedLibrary: ${dir} is not a processed, ready video`);
  // The thumbnail cache is shared too: the first request for a size makes it, every video after
  // that is served the file (they all show the same frame), as a CDN would serve them.
  await mkdir(path.join(dir, "thumbs"), { recursive: true });
  const files = [source.sourceFile, "thumbs", ...(source.media.hls ? ["hls"] : [])];
  const fields: Partial<VideoRecord> = {
    duration: source.duration,
    width: source.width,
    height: source.height,
    size: source.size,
    sourceFile: source.sourceFile,
    media: source.media,
  };
  return { dir: path.resolve(dir), files, fields };
}

/**
 * One real video processed by an emulator on `dataDir` (a sample copied with the smallest
 * ladder, about a second of ffmpeg), for {@link SeedLibraryOptions.media}: returns its directory
 * inside `dataDir`. The emulator is stopped again; the caller removes `dataDir` when done.
 */
export async function processedVideo(dataDir: string, sample = "testsrc2-6s"): Promise<string> {
  const emulator = await startEmulator({
    port: 0,
    dataDir,
    samples: false,
    log: false,
    processing: { ladder: [180], preset: "ultrafast" },
  });
  try {
    const base = `${emulator.apiBase}/accounts/${emulator.accountId}/stream`;
    const headers = { authorization: `Bearer ${emulator.token}` };
    const created = await fetch(`${base}/copy`, {
      method: "POST",
      headers: { ...headers, "content-type": "application/json" },
      body: JSON.stringify({ input: `${emulator.url}/samples/${sample}.mp4` }),
    });
    const { result } = (await created.json()) as { result: { uid: string } };
    const deadline = Date.now() + 120_000;
    for (;;) {
      const answer = await fetch(`${base}/${result.uid}`, { headers });
      const video = (await answer.json()) as { result: { status: { state: string } } };
      const state = video.result.status.state;
      if (state === "ready") break;
      if (state === "error" || Date.now() > deadline)
        throw new Error(`processedVideo: the sample ended ${state}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    return path.join(emulator.dataDir, "videos", result.uid);
  } finally {
    await emulator.stop();
  }
}
