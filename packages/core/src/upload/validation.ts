import { StreamValidationError } from "../errors";
import { MAX_DURATION_SECONDS } from "../requests/limits";
import { checkUploadSettings } from "../requests/uploadSettings";
import { assertNumberInRange } from "../validate";
import { readVideoDuration } from "./duration";
import { checkDuration, checkFile, DEFAULT_ACCEPT } from "./fileChecks";
import { BASIC_UPLOAD_MAX_BYTES } from "./limits";
import { fileName, pickSettings, type UploadOptions } from "./options";
import type { UploadProtocol } from "./state";

/** What `createUpload` refuses at once, before any state exists. */
export function checkUploadInput(file: unknown, options: UploadOptions | undefined): void {
  if (!(typeof Blob !== "undefined" && file instanceof Blob)) {
    throw new StreamValidationError("file", "expected a File or a Blob");
  }
  if (!options?.client || typeof options.client.request !== "function") {
    throw new StreamValidationError("client", "expected a client from createStreamClient");
  }
  if (options.maxDurationSeconds !== undefined) {
    assertNumberInRange(options.maxDurationSeconds, "maxDurationSeconds", 1, MAX_DURATION_SECONDS);
  }
}

/**
 * Type, size and duration (read in the browser), before anything is requested. Resolves with the
 * duration when it could be read; rejects with `StreamValidationError` (`field`: `type`, `size`
 * or `duration`; or the setting at fault, such as `watermark.uid`).
 */
export async function validateFile(
  file: Blob,
  options: UploadOptions,
  protocol: UploadProtocol,
): Promise<number | undefined> {
  // The settings go out with the target request: checked here, nothing is requested for them.
  checkUploadSettings(pickSettings(options));
  checkFile(
    { size: file.size, type: file.type, name: fileName(file) },
    { accept: options.accept ?? DEFAULT_ACCEPT, maxSizeBytes: options.maxSizeBytes },
  );
  if (protocol === "basic" && file.size > BASIC_UPLOAD_MAX_BYTES) {
    throw new StreamValidationError(
      "size",
      `basic uploads take at most ${BASIC_UPLOAD_MAX_BYTES} bytes; use protocol "tus" (or "auto")`,
    );
  }
  const reader = options.readDuration ?? true;
  let duration: number | undefined;
  if (reader !== false) {
    duration =
      typeof reader === "function"
        ? await reader(file)
        : await readVideoDuration(file, { timeoutMs: options.durationTimeoutMs });
  }
  checkDuration(duration, options.maxDurationSeconds, fileName(file));
  return duration;
}
