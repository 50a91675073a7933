export interface ReadDurationOptions {
  /** Give up after this many ms (unknown duration). Defaults to 5000. */
  timeoutMs?: number;
}

/**
 * The duration of a video file in seconds. MP4, MOV and M4V files (ISO BMFF) are read from their
 * own header (`moov/mvhd`: a few small slices of the file, never the whole of it), which needs no
 * DOM and no media permission: a strict Content-Security-Policy without `media-src blob:` is fine.
 * Other containers are read by the browser (a `<video>` element on an object URL, metadata only),
 * which such a policy must allow. `undefined` when it cannot tell: no DOM for a non-MP4 file, a
 * container the browser cannot open, an unknown or infinite duration, or no answer in time.
 */
export async function readVideoDuration(
  file: Blob,
  options: ReadDurationOptions = {},
): Promise<number | undefined> {
  return (
    (await readIsoBmffDuration(file).catch(() => undefined)) ?? readWithMediaElement(file, options)
  );
}

const BOX_HEADER = 16;
/** Top-level boxes walked at most (ftyp, free, mdat, moov, … rarely more than a handful). */
const MAX_BOXES = 64;
/** Bytes of `moov` read to find `mvhd`, which comes first or nearly so. */
const MOOV_HEAD = 64 * 1024;

async function bytes(file: Blob, start: number, end: number): Promise<DataView> {
  return new DataView(await file.slice(start, Math.min(end, file.size)).arrayBuffer());
}

const fourCc = (view: DataView, at: number) =>
  String.fromCharCode(
    view.getUint8(at),
    view.getUint8(at + 1),
    view.getUint8(at + 2),
    view.getUint8(at + 3),
  );

/** A box at `at` of `view`: its type, where its content starts and where it ends (relative). */
function box(view: DataView, at: number, limit: number) {
  if (at + 8 > view.byteLength) return undefined;
  let size = view.getUint32(at);
  const type = fourCc(view, at + 4);
  let header = 8;
  if (size === 1) {
    if (at + 16 > view.byteLength) return undefined;
    size = Number(view.getBigUint64(at + 8));
    header = 16;
  } else if (size === 0) size = limit - at;
  return size < header ? undefined : { type, content: at + header, end: at + size };
}

/**
 * `moov/mvhd` duration / timescale of an ISO BMFF file (MP4, MOV, M4V, 3GP); `undefined` when
 * the file is not one, or declares no duration (fragmented MP4 may not).
 */
export async function readIsoBmffDuration(file: Blob): Promise<number | undefined> {
  let offset = 0;
  for (let i = 0; i < MAX_BOXES && offset + 8 <= file.size; i++) {
    const head = await bytes(file, offset, offset + BOX_HEADER);
    const top = box(head, 0, file.size - offset);
    if (!top) return undefined;
    // ISO BMFF starts with ftyp (QuickTime files may start with wide, free, skip or mdat).
    if (i === 0 && !["ftyp", "wide", "free", "skip", "mdat", "moov"].includes(top.type))
      return undefined;
    if (top.type === "moov") {
      const moov = await bytes(
        file,
        offset + top.content,
        offset + Math.min(top.end, top.content + MOOV_HEAD),
      );
      for (let at = 0; at + 8 <= moov.byteLength; ) {
        const child = box(moov, at, moov.byteLength);
        if (!child) return undefined;
        if (child.type === "mvhd") {
          const v = child.content;
          if (v + 4 > moov.byteLength) return undefined;
          const version = moov.getUint8(v);
          const [scaleAt, durationAt] = version === 1 ? [v + 20, v + 24] : [v + 12, v + 16];
          if (durationAt + (version === 1 ? 8 : 4) > moov.byteLength) return undefined;
          const timescale = moov.getUint32(scaleAt);
          const units =
            version === 1 ? Number(moov.getBigUint64(durationAt)) : moov.getUint32(durationAt);
          const unknown = version === 1 ? units >= 2 ** 53 : units === 0xffffffff;
          const seconds = units / timescale;
          return timescale > 0 && !unknown && seconds > 0 && Number.isFinite(seconds)
            ? seconds
            : undefined;
        }
        at = child.end;
      }
      return undefined;
    }
    offset += top.end;
  }
  return undefined;
}

function readWithMediaElement(
  file: Blob,
  { timeoutMs = 5_000 }: ReadDurationOptions,
): Promise<number | undefined> {
  if (
    typeof document === "undefined" ||
    typeof URL === "undefined" ||
    typeof URL.createObjectURL !== "function"
  ) {
    return Promise.resolve(undefined);
  }
  return new Promise((resolve) => {
    const video = document.createElement("video");
    const url = URL.createObjectURL(file);
    let timer: ReturnType<typeof setTimeout> | undefined;
    const finish = (value: number | undefined) => {
      clearTimeout(timer);
      video.removeEventListener("loadedmetadata", loaded);
      video.removeEventListener("error", failed);
      video.removeAttribute("src");
      try {
        video.load();
      } catch {
        // Some environments have no media pipeline at all; nothing to release then.
      }
      URL.revokeObjectURL(url);
      resolve(value);
    };
    const loaded = () => {
      const duration = video.duration;
      finish(Number.isFinite(duration) && duration > 0 ? duration : undefined);
    };
    const failed = () => finish(undefined);
    timer = setTimeout(failed, timeoutMs);
    video.preload = "metadata";
    video.muted = true;
    video.addEventListener("loadedmetadata", loaded);
    video.addEventListener("error", failed);
    video.src = url;
  });
}
