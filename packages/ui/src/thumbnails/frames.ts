/**
 * `count` (1..50) frame times across `duration` seconds: from 0, evenly spaced, to the hundredth,
 * without repeats (a very short video has fewer distinct frames).
 */
export function frameTimes(duration: number, count: number): number[] {
  const n = Math.max(1, Math.min(50, Math.floor(count) || 1));
  const times = Array.from({ length: n }, (_, i) => Math.round(((duration * i) / n) * 100) / 100);
  return [...new Set(times)];
}

/** Index of the time closest to `target`. */
export function nearestFrame(times: number[], target: number): number {
  let best = 0;
  times.forEach((time, i) => {
    if (Math.abs(time - target) < Math.abs((times[best] ?? 0) - target)) best = i;
  });
  return best;
}

/** `thumbnailTimestampPct` for a frame: 0..1, to 4 decimals. */
export function timestampPct(time: number, duration: number): number {
  return Math.min(1, Math.max(0, Math.round((time / duration) * 10_000) / 10_000));
}
