export interface ReadDurationOptions {
  /** Give up after this many ms (unknown duration). Defaults to 5000. */
  timeoutMs?: number;
}

/**
 * The duration of a video file in seconds, read by the browser from its metadata (a `<video>`
 * element on an object URL; only the header is read, never the whole file). `undefined` when it
 * cannot tell: no DOM (a server, a worker), a container the browser cannot open, a live-like
 * infinite duration, or no answer within the timeout.
 */
export function readVideoDuration(
  file: Blob,
  { timeoutMs = 5_000 }: ReadDurationOptions = {},
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
