import type { EmulatorContext } from "../context";
import { ApiError, ErrorCode, notFound } from "../envelope";
import { isUid } from "../ids";
import type { VideoRecord } from "../records";

/** Every REST route lives under this prefix (the SDK's baseURL is `<origin>/client/v4`). */
export const API = "/client/v4/accounts/:account_id/stream";

/** The video named in the path: 400 for a malformed uid, 404 for an unknown one. */
export function requireVideo(ctx: EmulatorContext, uid: string | undefined): VideoRecord {
  if (!isUid(uid)) {
    throw new ApiError(
      400,
      ErrorCode.BadRequest,
      `${JSON.stringify(uid ?? "")} is not a video uid (32 lowercase hex characters).`,
    );
  }
  const record = ctx.store.get(uid);
  if (!record) throw notFound(`No video with uid ${uid}.`);
  return record;
}

/** For captions and downloads: the video has to be playable first. */
export function requireReady(record: VideoRecord, what: string): void {
  if (record.state !== "ready") {
    throw new ApiError(
      400,
      ErrorCode.Conflict,
      `${what} needs a ready video; ${record.uid} is ${record.state}.`,
    );
  }
}
