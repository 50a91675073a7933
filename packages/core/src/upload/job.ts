import type { UploadOptions, VideoSettings } from "./options";
import type { UploadProtocol, UploadStatus } from "./state";

/** What the parts of one upload (targets, transfers, cleanup) share: the file and where to report. */
export interface UploadJob {
  readonly file: Blob;
  readonly name: string;
  readonly options: Readonly<UploadOptions>;
  readonly protocol: UploadProtocol;
  readonly status: UploadStatus;
  /** The new video's settings, read when a target is made (the duration is known by then). */
  settings(): VideoSettings;
}

export function abortError(): DOMException {
  return new DOMException("The upload was cancelled", "AbortError");
}
