import type { DirectUploadRequest, StreamClient } from "@streamkit/core";
import { vi } from "vitest";
import { StreamModel } from "../model";
import { PENDING_UPLOAD } from "../video";

export const UPLOAD_ORIGIN = "http://upload.test";

/**
 * The far ends of an upload for the core engine's tests: a client whose calls the engine makes
 * (direct uploads, tus creation, delete, get) are spies answered by a fresh model, and the msw
 * handlers for the one-time URLs and tus Locations it hands out.
 */
export function uploadFake() {
  const model = new StreamModel({
    uploadBase: `${UPLOAD_ORIGIN}/upload`,
    tusBase: `${UPLOAD_ORIGIN}/tus`,
  });
  const deleted: string[] = [];
  const base = model.base;

  const createDirectUpload = vi.fn(async (body: DirectUploadRequest) => {
    const answer = await model.fetch(`${base}/direct_upload`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    });
    return ((await answer.json()) as { result: { uid: string; uploadURL: string } }).result;
  });
  const request = vi.fn(
    async (
      path: string,
      init: { method?: string; headers?: HeadersInit; onResponse?: (r: Response) => void } = {},
    ) => {
      const headers = new Headers(init.headers);
      if (path !== "" || init.method !== "POST" || headers.get("tus-resumable") !== "1.0.0") {
        throw new Error(`unexpected request ${init.method} ${path}`);
      }
      init.onResponse?.(await model.fetch(base, { method: "POST", headers }));
      return { result: null, success: true, errors: [], messages: [] };
    },
  );
  const deleteVideo = vi.fn(async (id: string) => {
    deleted.push(id);
    model.remove(id);
  });
  // A link a test marks used by hand counts as bytes arrived, as if its POST had landed.
  const getVideo = vi.fn(async (id: string) => {
    const video = model.view(id) ?? { uid: id, status: PENDING_UPLOAD };
    if (model.links.get(id)?.used && video.status?.state === "pendingupload") {
      return { ...video, status: { ...PENDING_UPLOAD, state: "queued" as const } };
    }
    return video;
  });
  const client = {
    baseUrl: base,
    createDirectUpload,
    request,
    deleteVideo,
    getVideo,
  } as unknown as StreamClient;

  return {
    model,
    client,
    handlers: model.handlers(),
    /** One-time URLs by uid: the size that arrived, and whether one did. */
    basic: model.links,
    tus: model.tus,
    deleted,
    terminated: model.terminated,
    /** Statuses the next one-time POSTs answer with (then 200); "network" drops the connection. */
    basicFailures: model.uploadFailures,
    createDirectUpload,
    request,
    deleteVideo,
    /** Holds every upload request until the returned function is called. */
    hold: () => model.hold(),
  };
}

/** A deferred promise, for holding a fake call until the test says so. */
export function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}
