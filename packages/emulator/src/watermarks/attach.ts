import { readFile } from "node:fs/promises";
import path from "node:path";
import { ApiError, ErrorCode } from "../envelope";
import { writeFileAtomic } from "../fsutil";
import type { EmbeddedWatermark } from "../records";
import type { VideoStore } from "../store";
import type { WatermarkStore } from "./store";

/** The record fields of a video made with a watermark. */
export interface WatermarkFields {
  watermark?: EmbeddedWatermark;
  /** The profile's image, copied into the video's directory. */
  watermarkImage?: string;
}

export interface AttachedWatermark {
  fields: WatermarkFields;
  /** Writes the image beside the video; call once the record exists, before processing starts. */
  save(store: Pick<VideoStore, "file">, uid: string): Promise<void>;
}

const NONE: AttachedWatermark = { fields: {}, save: async () => {} };

/**
 * Resolves `watermark: { uid }` of an upload (copy, direct upload, clip, tus) to the full profile,
 * which the video embeds as Stream does. The image is read now and kept with the video: a profile
 * deleted or changed later does not touch videos made with it, even ones still in the queue.
 * An unknown profile refuses the upload (400).
 */
export async function attachWatermark(
  watermarks: WatermarkStore,
  requested: EmbeddedWatermark | null | undefined,
): Promise<AttachedWatermark> {
  const uid = requested?.uid;
  if (uid === undefined) return NONE;
  const profile = watermarks.get(uid);
  const image = watermarks.imagePath(uid);
  const bytes = image ? await readFile(image).catch(() => undefined) : undefined;
  if (!profile || !image || !bytes) {
    throw new ApiError(
      400,
      ErrorCode.BadRequest,
      `watermark.uid: no watermark profile with uid ${uid}.`,
    );
  }
  const file = `watermark${path.extname(image)}`;
  return {
    fields: { watermark: { ...profile }, watermarkImage: file },
    save: (store, videoUid) => writeFileAtomic(store.file(videoUid, file), bytes),
  };
}
