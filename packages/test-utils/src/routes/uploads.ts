import { failureResponse } from "../failures";
import type { StreamState } from "../state";

/** Where upload bytes go: tus creation under the base, one-time URLs and tus Locations. */

const json404 = () => Response.json({ success: false, errors: [] }, { status: 404 });

export function createTus(model: StreamState, request: Request): Response {
  const headers = request.headers;
  const creator = headers.get("upload-creator");
  const video = model.addPendingUpload({}, creator);
  const uid = String(video.uid);
  model.tus.set(uid, {
    length: Number(headers.get("upload-length")),
    offset: 0,
    metadata: headers.get("upload-metadata"),
    creator,
    patches: [],
  });
  const location = model.options.tusLocation?.(uid) ?? `${model.tusBase}/${uid}`;
  return new Response(null, {
    status: 201,
    headers: { location, "stream-media-id": uid, "tus-resumable": "1.0.0" },
  });
}

/** The next queued failure of a one-time POST, if any. */
function nextUploadFailure(model: StreamState): Response | undefined {
  const next = model.uploadFailures[0];
  if (next === undefined) return undefined;
  if (typeof next === "object" && (next.times ?? 1) > 1) {
    model.uploadFailures[0] = { ...next, times: (next.times ?? 1) - 1 };
  } else {
    model.uploadFailures.shift();
  }
  if (next === "network") return Response.error();
  return failureResponse(typeof next === "number" ? { status: next } : next);
}

async function fileSize(request: Request): Promise<number> {
  try {
    const file = (await request.formData()).get("file");
    // Duck-typed: the File a form yields need not be an instance of this realm's Blob.
    return typeof file === "object" && file !== null ? file.size : -1;
  } catch {
    // A test DOM's multipart body may not parse in Node's Request: the bytes arrived all the same.
    return -1;
  }
}

/** `POST {uploadBase}/{uid}`: the file, once. */
export async function oneTimeUpload(
  model: StreamState,
  request: Request,
  uid: string,
): Promise<Response> {
  const link = model.links.get(uid);
  if (!link || request.method !== "POST") return json404();
  if (model.gate) await model.gate;
  if (model.uploadDelay) await new Promise((resolve) => setTimeout(resolve, model.uploadDelay));
  const failed = nextUploadFailure(model);
  if (failed) return failed;
  if (link.used) {
    return Response.json(
      {
        success: false,
        errors: [{ code: 10011, message: "This one-time upload URL has already been used." }],
      },
      { status: 409 },
    );
  }
  link.bytes = await fileSize(request);
  link.used = true;
  model.markUploaded(uid);
  return new Response(null, { status: 200 });
}

/** HEAD, PATCH and DELETE of a tus Location. */
export async function tusTarget(
  model: StreamState,
  request: Request,
  uid: string,
): Promise<Response> {
  const record = model.tus.get(uid);
  if (request.method === "DELETE") {
    model.terminated.push(uid);
    model.tus.delete(uid);
    return new Response(null, { status: 204 });
  }
  if (!record) return new Response(null, { status: 404 });
  if (request.method === "HEAD") {
    return new Response(null, {
      status: 200,
      headers: {
        "upload-offset": String(record.offset),
        "upload-length": String(record.length),
        "tus-resumable": "1.0.0",
      },
    });
  }
  if (request.method !== "PATCH") return new Response(null, { status: 405 });
  if (model.gate) await model.gate;
  const offset = Number(request.headers.get("upload-offset"));
  if (offset !== record.offset) return new Response(null, { status: 409 });
  const body = new Uint8Array(await request.arrayBuffer());
  record.patches.push(body.byteLength);
  record.offset += body.byteLength;
  if (record.offset >= record.length) model.markUploaded(uid);
  return new Response(null, {
    status: 204,
    headers: { "upload-offset": String(record.offset), "tus-resumable": "1.0.0" },
  });
}
