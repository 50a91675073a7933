import { isRetryable, retryWait, sleep } from "../retryPolicy";
import type { UploadJob } from "./job";
import { DEFAULT_RETRY_DELAYS } from "./options";
import { createTusTarget, type TusTarget } from "./tusTarget";

/** A one-time URL for one basic POST. */
export interface BasicTarget {
  kind: "basic";
  uid: string;
  uploadURL: string;
}

export type Target = BasicTarget | TusTarget;
export type { TusTarget };

/**
 * Asks the proxy for a target, again after `retryDelays` when the retry policy says the request
 * was not carried out (`isRetryable(error, false)`: no connection, or 429/502/503/504). A timeout,
 * or an answer the proxy lost after sending (`outcomeUnknown`), is not retried: the target may
 * exist, and a second one would be left behind as an unused video. Waits end at once on `signal`.
 */
export async function createTarget(job: UploadJob, signal: AbortSignal): Promise<Target> {
  const delays = job.options.retryDelays ?? DEFAULT_RETRY_DELAYS;
  for (let attempt = 0; ; attempt++) {
    try {
      return job.protocol === "basic" ? await createBasicTarget(job) : await createTusTarget(job);
    } catch (error) {
      if (signal.aborted || !isRetryable(error, false) || attempt >= delays.length) throw error;
      await sleep(retryWait(delays[attempt] ?? 0, error), signal);
    }
  }
}

async function createBasicTarget(job: UploadJob): Promise<BasicTarget> {
  const created = await job.options.client.createDirectUpload(job.settings());
  job.status.set({ uid: created.uid });
  return { kind: "basic", uid: created.uid, uploadURL: created.uploadURL };
}
