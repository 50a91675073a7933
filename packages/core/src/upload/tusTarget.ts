import { StreamNetworkError } from "../errors";
import { isUid } from "../validate";
import type { UploadJob } from "./job";
import { encodeUploadMetadata, tusMetaEntries } from "./metadata";
import type { VideoSettings } from "./options";
import { latestUpload, type StoredUpload } from "./storage";
import { loadTus, type TusLink, type TusTarget, type TusTask, tusOptions } from "./tus";

export type { TusTarget };

/**
 * A tus target: the upload remembered for this file (when `resume` is on and one is stored), or
 * a new one created through the proxy, which answers Location and stream-media-id.
 */
export async function createTusTarget(job: UploadJob): Promise<TusTarget> {
  const tus = await loadTus();
  const link: TusLink = {};
  const task = new tus.Upload(job.file, tusOptions(job, tus, link));
  if (job.options.resume !== false) {
    const stored = (await task.findPreviousUploads().catch(() => [])) as StoredUpload[];
    const previous = latestUpload(stored, job.file.size, isUid);
    if (previous?.uploadUrl) {
      task.resumeFromPreviousUpload(previous as Parameters<TusTask["resumeFromPreviousUpload"]>[0]);
      const uid = previous.metadata.streamMediaId as string;
      job.status.set({ uid, resumed: true });
      return { kind: "tus", uid, location: previous.uploadUrl, task, tus, link, resumed: true };
    }
  }
  const { location, uid } = await postCreation(job, job.settings());
  task.options.uploadUrl = location;
  task.options.metadata = { streamMediaId: uid, filename: job.name };
  job.status.set({ uid });
  return { kind: "tus", uid, location, task, tus, link, resumed: false };
}

/** The tus creation POST through the proxy, with the video's settings as Upload-Metadata. */
async function postCreation(
  job: UploadJob,
  settings: VideoSettings,
): Promise<{ location: string; uid: string }> {
  const metadata = encodeUploadMetadata({
    ...tusMetaEntries(settings.meta),
    name: job.name,
    maxdurationseconds: settings.maxDurationSeconds,
    requiresignedurls: settings.requireSignedURLs === true,
    allowedorigins: settings.allowedOrigins?.join(","),
    thumbnailtimestamppct: settings.thumbnailTimestampPct,
    watermark: settings.watermark?.uid,
    scheduleddeletion: settings.scheduledDeletion ?? undefined,
    expiry: settings.expiry,
  });
  const { client } = job.options;
  let location: string | null = null;
  let uid: string | null = null;
  await client.request<null>("", {
    method: "POST",
    headers: {
      "Tus-Resumable": "1.0.0",
      "Upload-Length": String(job.file.size),
      ...(metadata ? { "Upload-Metadata": metadata } : {}),
      ...(typeof settings.creator === "string" ? { "Upload-Creator": settings.creator } : {}),
    },
    onResponse: (response) => {
      location = response.headers.get("location");
      uid = response.headers.get("stream-media-id");
    },
  });
  if (!location || !isUid(uid)) {
    throw new StreamNetworkError(
      "body",
      "the tus creation answered without Location and stream-media-id headers (is the proxy exposing them?)",
    );
  }
  return { location: absoluteUrl(location, client.baseUrl), uid };
}

/** The proxy answers an absolute Location; a relative one is resolved against the proxy's URL. */
function absoluteUrl(location: string, baseUrl: string): string {
  try {
    const base =
      typeof globalThis.location !== "undefined"
        ? new URL(baseUrl, globalThis.location.href)
        : new URL(baseUrl);
    return new URL(location, base).toString();
  } catch {
    return location;
  }
}
