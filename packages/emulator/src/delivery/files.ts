import { type FileHandle, open } from "node:fs/promises";
import { Readable } from "node:stream";
import type { Context } from "hono";

export interface ServeOptions {
  contentType: string;
  /** Sets `Content-Disposition: attachment` with this file name. */
  downloadName?: string;
  /** Seconds for `Cache-Control`; 0 means no-store. */
  maxAge?: number;
}

type ByteRange = { start: number; end: number } | "unsatisfiable" | undefined;

/** One `bytes=` range (the only form players and the copy fetcher send). */
export function parseRange(header: string | undefined, size: number): ByteRange {
  if (!header) return undefined;
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!match) return undefined;
  const [, from, to] = match;
  if (from === "" && to === "") return undefined;
  let start: number;
  let end: number;
  if (from === "") {
    const suffix = Number(to);
    if (suffix === 0) return "unsatisfiable";
    start = Math.max(0, size - suffix);
    end = size - 1;
  } else {
    start = Number(from);
    end = to === "" ? size - 1 : Math.min(Number(to), size - 1);
  }
  if (start >= size || start > end) return "unsatisfiable";
  return { start, end };
}

/** Streams a file with `HEAD`, `Range` (206/416) and `Accept-Ranges` support. */
export async function serveFile(
  c: Context,
  file: string,
  options: ServeOptions,
): Promise<Response> {
  // Opened first and streamed from the handle: a file deleted after this (a video deleted while
  // its thumbnail is on the way) still reads to the end instead of failing mid-answer.
  let handle: FileHandle;
  let size: number;
  try {
    handle = await open(file, "r");
  } catch {
    return c.text("Not found", 404);
  }
  try {
    const info = await handle.stat();
    if (!info.isFile()) throw new Error("not a file");
    size = info.size;
  } catch {
    await handle.close();
    return c.text("Not found", 404);
  }
  const headers = new Headers({
    "Content-Type": options.contentType,
    "Accept-Ranges": "bytes",
    "Cache-Control": options.maxAge ? `public, max-age=${options.maxAge}` : "no-store",
  });
  if (options.downloadName)
    headers.set("Content-Disposition", `attachment; filename="${options.downloadName}"`);
  const range = parseRange(c.req.header("range"), size);
  if (range === "unsatisfiable") {
    headers.set("Content-Range", `bytes */${size}`);
    await handle.close();
    return new Response(null, { status: 416, headers });
  }
  const start = range?.start ?? 0;
  const end = range?.end ?? size - 1;
  headers.set("Content-Length", String(size === 0 ? 0 : end - start + 1));
  if (range) headers.set("Content-Range", `bytes ${start}-${end}/${size}`);
  const status = range ? 206 : 200;
  if (c.req.method === "HEAD" || size === 0) {
    await handle.close();
    return new Response(null, { status, headers });
  }
  // The stream closes the handle when it ends or is destroyed.
  const stream = Readable.toWeb(
    handle.createReadStream({ start, end }),
  ) as ReadableStream<Uint8Array>;
  return new Response(stream, { status, headers });
}
