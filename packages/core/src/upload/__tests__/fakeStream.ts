import { HttpResponse, http } from "msw";
import { vi } from "vitest";
import type { StreamClient } from "../../client";
import type { DirectUploadRequest } from "../../types";

export const ORIGIN = "http://upload.test";
const BASE = "http://app.test/api/stream";

let counter = 0;
export const uid = () => {
  counter += 1;
  return counter.toString(16).padStart(32, "a");
};

export interface TusRecord {
  length: number;
  offset: number;
  metadata: string | null;
  creator: string | null;
  /** Content-Length of each accepted PATCH. */
  patches: number[];
}

/**
 * The far ends of an upload, in memory: a fake proxy client (direct uploads, tus creation,
 * delete) and msw handlers for the one-time URLs and tus Locations it hands out.
 */
export function fakeStream() {
  const basic = new Map<string, { bytes: number; used: boolean; fail: number[] }>();
  const tus = new Map<string, TusRecord>();
  const deleted: string[] = [];
  const terminated: string[] = [];
  /** Statuses the next one-time POSTs answer with (then 200); "network" drops the connection. */
  const basicFailures: (number | "network")[] = [];
  let gate: Promise<void> | undefined;

  const createDirectUpload = vi.fn(async (_body: DirectUploadRequest) => {
    const id = uid();
    basic.set(id, { bytes: 0, used: false, fail: [] });
    return { uid: id, uploadURL: `${ORIGIN}/upload/${id}` };
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
      const id = uid();
      tus.set(id, {
        length: Number(headers.get("upload-length")),
        offset: 0,
        metadata: headers.get("upload-metadata"),
        creator: headers.get("upload-creator"),
        patches: [],
      });
      init.onResponse?.(
        new Response(null, {
          status: 201,
          headers: { location: `${ORIGIN}/tus/${id}`, "stream-media-id": id },
        }),
      );
      return { result: null, success: true, errors: [], messages: [] };
    },
  );
  const deleteVideo = vi.fn(async (id: string) => {
    deleted.push(id);
    basic.delete(id);
    tus.delete(id);
  });
  const getVideo = vi.fn(async (id: string) => ({
    uid: id,
    status: {
      state: basic.get(id)?.used ? "queued" : "pendingupload",
      pctComplete: "0",
      errorReasonCode: "",
      errorReasonText: "",
    },
  }));
  const client = {
    baseUrl: BASE,
    createDirectUpload,
    request,
    deleteVideo,
    getVideo,
  } as unknown as StreamClient;

  const handlers = [
    http.post(`${ORIGIN}/upload/:id`, async ({ params, request: req }) => {
      const record = basic.get(String(params.id));
      if (!record) return HttpResponse.json({ success: false, errors: [] }, { status: 404 });
      if (gate) await gate;
      const failure = basicFailures.shift();
      if (failure === "network") return HttpResponse.error();
      if (failure !== undefined)
        return HttpResponse.json(
          {
            result: null,
            success: false,
            errors: [{ code: 10000, message: "injected" }],
            messages: [],
          },
          { status: failure },
        );
      if (record.used)
        return HttpResponse.json(
          { success: false, errors: [{ code: 10011, message: "already used" }] },
          { status: 409 },
        );
      const form = await req.formData();
      const file = form.get("file");
      record.bytes = file instanceof Blob ? file.size : -1;
      record.used = true;
      return new HttpResponse(null, { status: 200 });
    }),
    http.head(`${ORIGIN}/tus/:id`, ({ params }) => {
      const record = tus.get(String(params.id));
      if (!record) return new HttpResponse(null, { status: 404 });
      return new HttpResponse(null, {
        status: 200,
        headers: {
          "upload-offset": String(record.offset),
          "upload-length": String(record.length),
          "tus-resumable": "1.0.0",
        },
      });
    }),
    http.patch(`${ORIGIN}/tus/:id`, async ({ params, request: req }) => {
      const record = tus.get(String(params.id));
      if (!record) return new HttpResponse(null, { status: 404 });
      if (gate) await gate;
      const offset = Number(req.headers.get("upload-offset"));
      if (offset !== record.offset) return new HttpResponse(null, { status: 409 });
      const body = new Uint8Array(await req.arrayBuffer());
      record.patches.push(body.byteLength);
      record.offset += body.byteLength;
      return new HttpResponse(null, {
        status: 204,
        headers: { "upload-offset": String(record.offset), "tus-resumable": "1.0.0" },
      });
    }),
    http.delete(`${ORIGIN}/tus/:id`, ({ params }) => {
      terminated.push(String(params.id));
      tus.delete(String(params.id));
      return new HttpResponse(null, { status: 204 });
    }),
  ];

  return {
    client,
    handlers,
    basic,
    tus,
    deleted,
    terminated,
    basicFailures,
    createDirectUpload,
    request,
    deleteVideo,
    /** Holds every upload request until the returned function is called. */
    hold(): () => void {
      let release: () => void = () => {};
      gate = new Promise<void>((resolve) => {
        release = () => {
          gate = undefined;
          resolve();
        };
      });
      return release;
    },
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
