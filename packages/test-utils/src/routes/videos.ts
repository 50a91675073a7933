import type { Video } from "@streamkit/core";
import { advanceClip, storageUsageOf } from "../clips";
import { notFound, ok } from "../envelope";
import { updateMock } from "../lifecycle";
import type { StreamState } from "../state";

/** The library routes: list, copy, read, update, delete, token, storage usage. */

const json = async (request: Request): Promise<Record<string, unknown>> =>
  (await request.json().catch(() => ({}))) as Record<string, unknown>;

/** The creator the proxy stamped: the body's, or the `upload-creator` header. */
const creatorOf = (request: Request, body: Record<string, unknown> = {}) =>
  (body.creator as string | undefined) ?? request.headers.get("upload-creator") ?? null;

export function list(model: StreamState, url: URL): Response {
  const q = url.searchParams;
  for (const uid of model.processing.keys()) advanceClip(model, uid);
  let videos = model.all();
  const ids = q.get("id")?.split(",");
  if (ids) videos = videos.filter((v) => ids.includes(v.uid ?? ""));
  const status = q.get("status");
  if (status) videos = videos.filter((v) => v.status?.state === status);
  const creator = q.get("creator");
  if (creator) videos = videos.filter((v) => v.creator === creator);
  // A live input's recordings: the videos it made.
  const liveInput = q.get("live_input_id");
  if (liveInput) videos = videos.filter((v) => v.liveInput === liveInput);
  const search = q.get("search")?.toLowerCase();
  if (search)
    videos = videos.filter((v) =>
      String(v.meta?.name ?? "")
        .toLowerCase()
        .includes(search),
    );
  const asc = q.get("asc") === "true";
  videos.sort((a, b) => (asc ? 1 : -1) * String(a.created).localeCompare(String(b.created)));
  const before = q.get("before");
  if (before) videos = videos.filter((v) => String(v.created) < before);
  const after = q.get("after");
  if (after) videos = videos.filter((v) => String(v.created) > after);
  const total = videos.length;
  const page = videos.slice(0, Number(q.get("limit") ?? 1000));
  return ok(page, {
    range: total - page.length,
    ...(q.get("include_counts") === "true" ? { total } : {}),
  });
}

export async function copy(model: StreamState, request: Request): Promise<Response> {
  const body = await json(request);
  return ok(model.addCopy(body, creatorOf(request, body)));
}

export async function directUpload(model: StreamState, request: Request): Promise<Response> {
  const body = await json(request);
  const video = model.addPendingUpload(body, creatorOf(request, body));
  const uid = String(video.uid);
  model.links.set(uid, { bytes: 0, used: false });
  return ok({ uid, uploadURL: `${model.uploadBase}/${uid}` });
}

/** Computed from the model's videos: see `storageUsageOf`. */
export function storageUsage(model: StreamState, url: URL): Response {
  return ok(storageUsageOf(model, url.searchParams.get("creator")));
}

export async function video(
  model: StreamState,
  request: Request,
  uid: string,
): Promise<Response | undefined> {
  if (request.method === "GET") advanceClip(model, uid);
  const current = model.view(uid);
  if (request.method === "GET") return current ? ok(current) : notFound();
  if (request.method === "POST") {
    if (!current) return notFound();
    // Fields sent replace the stored ones whole, `meta` included; the rest stay.
    const changes = (await json(request)) as Partial<Video>;
    const mock = model.lifecycles.get(uid);
    if (mock) updateMock(mock, changes);
    else model.videos.set(uid, { ...current, ...changes, modified: new Date().toISOString() });
    return ok(model.view(uid));
  }
  if (request.method === "DELETE") {
    return model.remove(uid) ? new Response(null, { status: 200 }) : notFound();
  }
  return undefined;
}

export function token(model: StreamState, uid: string): Response {
  return ok({ token: model.token(uid) });
}
