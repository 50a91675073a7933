import { StreamApiError } from "../errors";
import { isRetryable, retryWait } from "../retryPolicy";
import { fromTusError } from "./errors";
import type { UploadJob } from "./job";
import { abortError } from "./job";
import { tusChunkSize } from "./limits";
import { DEFAULT_RETRY_DELAYS } from "./options";
import { fingerprintOf, forgetUpload, type UploadUrlStorage } from "./storage";
import { blobFileReader, FetchHttpStack, type TusHttpStack } from "./transport";

export type TusModule = typeof import("tus-js-client");
export type TusTask = InstanceType<TusModule["Upload"]>;
type TusUploadOptions = NonNullable<ConstructorParameters<TusModule["Upload"]>[1]>;

/** Where tus-js-client's callbacks go: set while a transfer runs, empty between transfers. */
export interface TusLink {
  handlers?: { progress(bytes: number): void; success(): void; error(error: unknown): void };
}

/** A tus upload: its Location, and the tus-js-client task that sends to it. */
export interface TusTarget {
  kind: "tus";
  uid: string;
  location: string;
  task: TusTask;
  tus: TusModule;
  link: TusLink;
  /** Found in URL storage rather than created now. */
  resumed: boolean;
}

/** tus answers that mean "ask again" on top of the retry policy's: an offset race, a lock. */
const TUS_CONFLICTS = [409, 423];

export async function loadTus(): Promise<TusModule> {
  // Loaded only when a tus upload starts: most uploads (≤ 200 MB) never pay for it.
  const loaded = (await import("tus-js-client")) as TusModule & { default?: TusModule };
  return typeof loaded.Upload === "function" ? loaded : (loaded.default ?? loaded);
}

export function tusOptions(job: UploadJob, tus: TusModule, link: TusLink): TusUploadOptions {
  const defaults = tus.defaultOptions;
  const httpStack: TusHttpStack =
    defaults.httpStack?.getName() === "XHRHttpStack" ? defaults.httpStack : new FetchHttpStack();
  const scope = job.options.client.baseUrl;
  const delays = [...(job.options.retryDelays ?? DEFAULT_RETRY_DELAYS)];
  return {
    chunkSize: tusChunkSize(job.file.size, job.options.chunkSize),
    retryDelays: [...delays],
    metadata: { filename: job.name },
    // A Blob without a name has no fingerprint (null): it is simply not remembered.
    fingerprint: (file: Blob) => Promise.resolve(fingerprintOf(file, scope)) as Promise<string>,
    urlStorage: (job.options.urlStorage ?? defaults.urlStorage) as TusUploadOptions["urlStorage"],
    fileReader: blobFileReader as TusUploadOptions["fileReader"],
    httpStack: httpStack as TusUploadOptions["httpStack"],
    storeFingerprintForResuming: job.options.resume !== false,
    removeFingerprintOnSuccess: true,
    onShouldRetry: (error, attempt, options) => {
      const typed = fromTusError(error, attempt);
      const retry =
        isRetryable(typed) ||
        (typed instanceof StreamApiError && TUS_CONFLICTS.includes(typed.status));
      // tus-js-client waits `retryDelays[attempt]` next and knows nothing of retry-after: the
      // server's wait goes into that slot (a floor, as everywhere), or a 429 would be answered
      // by coming straight back.
      if (retry && options.retryDelays && attempt < delays.length) {
        options.retryDelays[attempt] = retryWait(delays[attempt] ?? 0, typed);
      }
      return retry;
    },
    onProgress: (sent) => link.handlers?.progress(sent),
    onSuccess: () => link.handlers?.success(),
    onError: (error) => link.handlers?.error(error),
  };
}

/** Sends the rest of the file; `signal` stops it (the server keeps the offset for a resume). */
export function sendTus(target: TusTarget, job: UploadJob, signal: AbortSignal): Promise<void> {
  const retries = (job.options.retryDelays ?? DEFAULT_RETRY_DELAYS).length;
  return new Promise<void>((resolve, reject) => {
    const settle = () => {
      signal.removeEventListener("abort", stop);
      target.link.handlers = undefined;
    };
    const stop = () => {
      settle();
      void target.task.abort(false);
      reject(abortError());
    };
    target.link.handlers = {
      progress: (bytes) => job.status.progress(bytes),
      success: () => {
        settle();
        resolve();
      },
      error: (error) => {
        settle();
        reject(fromTusError(error, retries));
      },
    };
    if (signal.aborted) return stop();
    signal.addEventListener("abort", stop, { once: true });
    target.task.start();
  });
}

function storageOf(job: UploadJob, target: TusTarget): UploadUrlStorage | undefined {
  return (job.options.urlStorage ?? target.tus.defaultOptions.urlStorage) as
    | UploadUrlStorage
    | undefined;
}

/** Forgets the remembered Location, so a reload does not try to resume a dead upload. */
export function unstoreTus(job: UploadJob, target: TusTarget): Promise<void> {
  const fingerprint = fingerprintOf(job.file, job.options.client.baseUrl);
  return forgetUpload(storageOf(job, target), fingerprint, target.location);
}

/** Stops the task and ends the upload on the server (tus DELETE); best effort. */
export async function terminateTus(job: UploadJob, target: TusTarget): Promise<void> {
  await target.task.abort(false).catch(() => {});
  await target.tus.Upload.terminate(target.location, {
    httpStack: target.task.options.httpStack,
    retryDelays: [0, 500],
  }).catch(() => {});
  await unstoreTus(job, target);
}
