import { randomBytes } from "node:crypto";
import { readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { MAX_WATERMARK_BYTES } from "@streamkit/core/requests";
import type { Hono } from "hono";
import type { EmulatorContext } from "../context";
import { ApiError, badRequest, ErrorCode, notFound, ok } from "../envelope";
import { Fields, readJsonObject } from "../http/body";
import { API } from "../http/lookup";
import { isMultipart, readMultipartForm } from "../http/multipart";
import { isUid } from "../ids";
import { FetchOriginError, fetchToFile, OriginTooLarge } from "../processing/fetch-source";
import { decodesAsImage, readImageInfo } from "../watermarks/image";
import { placementFromForm, readPlacement } from "../watermarks/settings";
import type { WatermarkProfile } from "../watermarks/store";
import { assertHttpUrl } from "./videos";

const DOWNLOAD_TIMEOUT_MS = 30_000;

const imageTooLarge = () =>
  new ApiError(
    413,
    ErrorCode.TooLarge,
    `The watermark image is larger than ${MAX_WATERMARK_BYTES} bytes (the emulator's 2 MiB limit).`,
  );

/** `POST` with a `url`: the image is fetched now, so a bad URL fails the request itself. */
async function downloadImage(ctx: EmulatorContext, url: string): Promise<Buffer> {
  const tmp = path.join(ctx.watermarks.root, `.download-${randomBytes(6).toString("hex")}`);
  try {
    const signal = AbortSignal.any([ctx.shutdown, AbortSignal.timeout(DOWNLOAD_TIMEOUT_MS)]);
    await fetchToFile(url, tmp, signal, MAX_WATERMARK_BYTES);
    return await readFile(tmp);
  } catch (error) {
    if (error instanceof OriginTooLarge) throw imageTooLarge();
    const reason = error instanceof FetchOriginError ? error.message : String(error);
    throw badRequest(`url: the watermark image could not be downloaded. ${reason}`);
  } finally {
    await rm(tmp, { force: true });
  }
}

function requireProfile(ctx: EmulatorContext, uid: string | undefined): WatermarkProfile {
  if (!isUid(uid)) {
    throw badRequest(
      `${JSON.stringify(uid ?? "")} is not a watermark uid (32 lowercase hex characters).`,
    );
  }
  const profile = ctx.watermarks.get(uid);
  if (!profile) throw notFound(`No watermark profile with uid ${uid}.`);
  return profile;
}

/** Watermark profiles (§3.13): create from a file or a URL, list, get, delete. */
export function registerWatermarkRoutes(app: Hono, ctx: EmulatorContext): void {
  const base = `${API}/watermarks`;

  app.post(base, async (c) => {
    let bytes: Buffer;
    let placement: ReturnType<typeof readPlacement>;
    let downloadedFrom: string | null = null;
    if (isMultipart(c)) {
      let upload: Awaited<ReturnType<typeof readMultipartForm>>;
      try {
        upload = await readMultipartForm(c, MAX_WATERMARK_BYTES);
      } catch (error) {
        throw error instanceof ApiError && error.status === 413 ? imageTooLarge() : error;
      }
      placement = placementFromForm(upload.form);
      bytes = Buffer.from(await upload.file.arrayBuffer());
    } else {
      const fields = new Fields(await readJsonObject(c));
      const source = fields.string("url");
      if (source === undefined)
        throw badRequest("url: required (or send the image as multipart field file).");
      placement = readPlacement(fields);
      downloadedFrom = assertHttpUrl(source, "url");
      bytes = await downloadImage(ctx, downloadedFrom);
    }
    const notImage = () =>
      badRequest("The watermark file is not an image: expected a PNG, JPEG, WebP or GIF file.");
    const image = readImageInfo(bytes);
    if (!image) throw notImage();
    const profile = await ctx.watermarks.create(
      {
        ...placement,
        size: bytes.length,
        width: image.width,
        height: image.height,
        downloadedFrom,
      },
      image.type,
      async (target) => {
        await writeFile(target, bytes);
        if (!(await decodesAsImage(ctx.tools, target))) throw notImage();
      },
    );
    ctx.log(
      `watermark profile ${profile.uid} created (${image.width}x${image.height} ${image.type})`,
    );
    return ok(c, profile);
  });

  app.get(base, (c) => ok(c, ctx.watermarks.all()));

  app.get(`${base}/:uid`, (c) => ok(c, requireProfile(ctx, c.req.param("uid"))));

  app.delete(`${base}/:uid`, async (c) => {
    const profile = requireProfile(ctx, c.req.param("uid"));
    // Videos keep their own copy of the image and profile, so they are not affected.
    await ctx.watermarks.delete(profile.uid);
    return ok(c, "");
  });
}
