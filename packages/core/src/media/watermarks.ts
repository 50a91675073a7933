import type { RequestOptions, StreamClient } from "../client";
import {
  checkWatermarkRequest,
  MAX_WATERMARK_BYTES,
  type WatermarkPosition,
} from "../requests/media";
import type { Watermark } from "../types";
import { assertUid } from "../validate";
import { assertBlob, assertImage, assertSize } from "./files";

/** How a profile places its image; every field has the API's default (§3.13). */
export interface WatermarkSettings {
  name?: string;
  /** 0 (invisible) .. 1 (opaque). Default 1. */
  opacity?: number;
  /** Space to the nearest edges, as a fraction of the video's size. Default 0.05; ignored at `center`. */
  padding?: number;
  /** The image's width as a fraction of the video's width. Default 0.15. */
  scale?: number;
  /** Default `upperRight`. */
  position?: WatermarkPosition;
}

/** A profile from an image the API downloads, or from a file sent with the request. */
export type CreateWatermarkRequest = WatermarkSettings & ({ url: string } | { file: Blob });

/** A profile as the API answers it: `uid` and the placement are always there. */
export type WatermarkProfile = Watermark & { uid: string };

const base = "/watermarks";

/** `GET /stream/watermarks`: every profile of the account. */
export async function listWatermarks(
  client: StreamClient,
  options: RequestOptions = {},
): Promise<WatermarkProfile[]> {
  const { result } = await client.request<WatermarkProfile[]>(base, options);
  return Array.isArray(result) ? result : [];
}

export async function getWatermark(
  client: StreamClient,
  uid: string,
  options: RequestOptions = {},
): Promise<WatermarkProfile> {
  assertUid(uid);
  return (await client.request<WatermarkProfile>(`${base}/${uid}`, options)).result;
}

/**
 * `POST /stream/watermarks`: JSON with `url`, or multipart with `file` (checked first: an image
 * by its bytes, at most `MAX_WATERMARK_BYTES`).
 */
export async function createWatermark(
  client: StreamClient,
  body: CreateWatermarkRequest,
  options: RequestOptions = {},
): Promise<WatermarkProfile> {
  if ("file" in body && body.file !== undefined) {
    const { file, ...settings } = body;
    checkWatermarkRequest(settings, { needsUrl: false });
    assertBlob(file, "an image file");
    assertSize(file, MAX_WATERMARK_BYTES, "a watermark image");
    await assertImage(file);
    const form = new FormData();
    form.append("file", file, (file as Partial<File>).name || "watermark");
    for (const [key, value] of Object.entries(settings))
      if (value !== undefined) form.append(key, String(value));
    return (
      await client.request<WatermarkProfile>(base, { ...options, method: "POST", body: form })
    ).result;
  }
  checkWatermarkRequest(body);
  return (await client.request<WatermarkProfile>(base, { ...options, method: "POST", body }))
    .result;
}

/** `DELETE /stream/watermarks/{uid}`: videos made with it keep their mark. */
export async function deleteWatermark(
  client: StreamClient,
  uid: string,
  options: RequestOptions = {},
): Promise<void> {
  assertUid(uid);
  await client.request<string>(`${base}/${uid}`, { ...options, method: "DELETE" });
}
