import { StreamNetworkError } from "../errors";
import { isRetryable, retryWait, sleep } from "../retryPolicy";
import { uploadApiError } from "./errors";
import type { UploadJob } from "./job";
import { DEFAULT_RETRY_DELAYS, fileName } from "./options";
import type { BasicTarget } from "./targets";
import { postFile, type TransferAnswer } from "./transport";

/**
 * One multipart POST of the file to its one-time URL, again after `retryDelays` when the retry
 * policy says so. A 409 ("already used") is checked against the video: an earlier attempt of
 * ours whose answer was lost may have landed.
 */
export async function sendBasic(
  target: BasicTarget,
  job: UploadJob,
  signal: AbortSignal,
): Promise<void> {
  const delays = job.options.retryDelays ?? DEFAULT_RETRY_DELAYS;
  for (let attempt = 0; ; attempt++) {
    job.status.progress(0);
    let answer: TransferAnswer | undefined;
    let failure: unknown;
    try {
      answer = await postFile(target.uploadURL, job.file, fileName(job.file), {
        signal,
        onProgress: (bytes) => job.status.progress(bytes),
      });
    } catch (error) {
      if (signal.aborted) throw error;
      failure = error;
    }
    if (answer && answer.status >= 200 && answer.status < 300) return;
    const error = answer
      ? uploadApiError(answer.status, answer.body, answer.retryAfter, "basic")
      : new StreamNetworkError(
          "fetch",
          `The upload lost its connection and ${attempt} retries did not bring it back: ${
            failure instanceof Error ? failure.message : String(failure)
          }`,
          { cause: failure },
        );
    // "Already used": by our own earlier attempt whose answer was lost (or cut by a pause)?
    let heldByUs = false;
    if (answer?.status === 409) {
      if (await landed(job, target.uid)) return;
      // Not landed: after an attempt of ours broke off, the server may still hold the URL for
      // it until it notices the drop, so ask again within the retries.
      heldByUs = attempt > 0;
    }
    if (!(heldByUs || isRetryable(error)) || attempt >= delays.length) throw error;
    await sleep(retryWait(delays[attempt] ?? 0, error), signal);
  }
}

async function landed(job: UploadJob, uid: string): Promise<boolean> {
  try {
    const video = await job.options.client.getVideo(uid);
    return video.status?.state !== undefined && video.status.state !== "pendingupload";
  } catch {
    return false;
  }
}
