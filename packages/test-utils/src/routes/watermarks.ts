import type { WatermarkProfile } from "@streamkit/core/media";
import { fail, notFound, ok } from "../envelope";
import { makeUid } from "../ids";
import type { StreamState } from "../state";
import { readForm, waitWrite } from "./forms";

/** `/watermarks…`: the account's watermark profiles (§3.13). */

const POSITIONS = ["upperRight", "upperLeft", "lowerLeft", "lowerRight", "center"];

/** The image of a profile made from a URL, as the API would measure it after downloading. */
const FETCHED = { size: 2_048, width: 320, height: 120 };

/** A profile with the API's defaults for what `fields` leaves out. */
export function makeWatermark(
  fields: Partial<WatermarkProfile> = {},
  uid = makeUid(),
): WatermarkProfile {
  return {
    uid,
    name: "",
    opacity: 1,
    padding: 0.05,
    scale: 0.15,
    position: "upperRight",
    size: FETCHED.size,
    width: FETCHED.width,
    height: FETCHED.height,
    created: new Date().toISOString(),
    ...fields,
  };
}

/** The placement fields of a JSON body or a form, checked as the API does; or the 400. */
function placement(source: Record<string, unknown>): Partial<WatermarkProfile> | Response {
  const out: Partial<WatermarkProfile> = {};
  if (source.name !== undefined) out.name = String(source.name);
  for (const key of ["opacity", "padding", "scale"] as const) {
    if (source[key] === undefined || source[key] === "") continue;
    const value = Number(source[key]);
    if (!Number.isFinite(value) || value < 0 || value > 1)
      return fail(400, 10005, `${key}: must be a number from 0 to 1`);
    out[key] = value;
  }
  if (source.position !== undefined) {
    if (!POSITIONS.includes(String(source.position)))
      return fail(400, 10005, `position: must be one of ${POSITIONS.join(", ")}`);
    out.position = source.position as WatermarkProfile["position"];
  }
  return out;
}

const PNG = [0x89, 0x50, 0x4e, 0x47];

async function create(model: StreamState, request: Request): Promise<Response> {
  const type = request.headers.get("content-type") ?? "";
  let fields: Record<string, unknown>;
  let image: Partial<WatermarkProfile> = FETCHED;
  if (/^multipart\/form-data/.test(type)) {
    const form = await readForm(request);
    // A test DOM's FormData cannot be read here: the profile gets the defaults then.
    fields = form
      ? Object.fromEntries([...form.entries()].filter(([, v]) => typeof v === "string"))
      : {};
    const file = form?.get("file");
    if (form && (file === null || typeof file === "string"))
      return fail(400, 10005, "file: the watermark image is required");
    // Only a browser sends the bytes as they are (see `readCaptionFiles`).
    if (file && typeof file !== "string" && model.options.readCaptionFiles) {
      const head = new Uint8Array(await file.slice(0, 4).arrayBuffer());
      const isImage =
        PNG.every((b, i) => head[i] === b) ||
        head[0] === 0xff ||
        head[0] === 0x47 ||
        head[0] === 0x52;
      if (!isImage) return fail(400, 10005, "The watermark file is not an image.");
    }
    if (file && typeof file !== "string") image = { size: file.size, width: 200, height: 80 };
  } else {
    fields = (await request.json().catch(() => ({}))) as Record<string, unknown>;
    if (typeof fields.url !== "string" || !/^https?:\/\//.test(fields.url))
      return fail(400, 10005, "url: the URL of the watermark image is required");
    image = { ...FETCHED, downloadedFrom: fields.url };
  }
  const settings = placement(fields);
  if (settings instanceof Response) return settings;
  const profile = makeWatermark({ ...image, ...settings });
  model.watermarks.set(profile.uid, profile);
  return ok({ ...profile });
}

export async function watermarks(
  model: StreamState,
  request: Request,
  [uid, ...rest]: (string | undefined)[],
): Promise<Response | undefined> {
  const { method } = request;
  if (rest.length > 0) return undefined;
  if (uid === undefined) {
    if (method === "GET") return ok([...model.watermarks.values()].map((w) => ({ ...w })));
    if (method === "POST") {
      await waitWrite(model);
      return create(model, request);
    }
    return undefined;
  }
  const found = model.watermarks.get(uid);
  if (method === "GET") return found ? ok({ ...found }) : notFound("No such watermark profile");
  if (method === "DELETE") {
    await waitWrite(model);
    if (!model.watermarks.delete(uid) && !model.options.lenient)
      return notFound("No such watermark profile");
    return ok("");
  }
  return undefined;
}
