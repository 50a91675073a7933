import { clip } from "../clips";
import { fail } from "../envelope";
import type { StreamState } from "../state";
import { audio } from "./audio";
import { liveInputs } from "./live";
import { captions, downloads } from "./media";
import { createTus, oneTimeUpload, tusTarget } from "./uploads";
import { copy, directUpload, list, storageUsage, token, video } from "./videos";
import { watermarks } from "./watermarks";

/** The path of `url` below `base` (absolute, or a path in a browser), if it is below it. */
function below(url: URL, base: string): string | undefined {
  const target = new URL(base, url.origin);
  const prefix = target.pathname.replace(/\/$/, "");
  if (url.origin !== target.origin) return undefined;
  if (url.pathname !== prefix && !url.pathname.startsWith(`${prefix}/`)) return undefined;
  return url.pathname.slice(prefix.length);
}

const noRoute = () => fail(404, 7003, "No route for the URI");

/** Changes answered by Storybook's "the backend refuses changes": not reads, tokens or uploads. */
function isWrite(method: string, parts: string[]): boolean {
  if (method === "GET" || method === "HEAD") return false;
  return parts.at(-1) !== "token" && parts[0] !== "direct_upload";
}

/** Answers one request the way the Stream API behind the proxy contract would. */
export async function route(model: StreamState, request: Request): Promise<Response> {
  const url = new URL(request.url);
  // Tus first: its Locations may sit below the upload URLs' prefix.
  const tus = below(url, model.tusBase);
  if (tus) return tusTarget(model, request, tus.slice(1));
  const upload = below(url, model.uploadBase);
  if (upload) return oneTimeUpload(model, request, upload.slice(1));
  const path = below(url, model.base);
  if (path === undefined) return noRoute();
  const parts = path.split("/").filter(Boolean).map(decodeURIComponent);
  const { method } = request;
  const failed = await model.enter(request, isWrite(method, parts));
  if (failed) return failed;
  const [first, second, ...rest] = parts;
  if (first === undefined) {
    if (method === "GET") return list(model, url);
    if (method === "POST" && request.headers.has("tus-resumable")) return createTus(model, request);
    return noRoute();
  }
  if (parts.length === 1 && method === "POST" && first === "copy") return copy(model, request);
  if (parts.length === 1 && method === "POST" && first === "direct_upload")
    return directUpload(model, request);
  if (parts.length === 1 && method === "GET" && first === "storage-usage")
    return storageUsage(model, url);
  if (parts.length === 1 && method === "POST" && first === "clip") return clip(model, request);
  if (first === "watermarks")
    return (await watermarks(model, request, parts.slice(1))) ?? noRoute();
  if (first === "live_inputs")
    return (await liveInputs(model, request, parts.slice(1))) ?? noRoute();
  let answer: Response | undefined;
  if (second === undefined) answer = await video(model, request, first);
  else if (second === "token" && rest.length === 0 && method === "POST")
    answer = token(model, first);
  else if (second === "captions") answer = await captions(model, request, first, rest);
  else if (second === "audio") answer = await audio(model, request, first, rest);
  else if (second === "downloads") answer = await downloads(model, request, first, rest);
  return answer ?? noRoute();
}
