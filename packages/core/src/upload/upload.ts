import type { StreamClient } from "../client";
import { parseRetryAfter } from "../envelope";
import {
  StreamApiError,
  type StreamError,
  StreamNetworkError,
  StreamValidationError,
} from "../errors";
import { MAX_DURATION_SECONDS } from "../requestChecks";
import type { DirectUploadRequest } from "../types";
import { assertNumberInRange, isUid } from "../validate";
import { readVideoDuration } from "./duration";
import { fromTusError, linkIsDead, toStreamError, uploadApiError } from "./errors";
import {
  checkDuration,
  checkFile,
  DEFAULT_ACCEPT,
  type FileRules,
  maxDurationFor,
} from "./fileChecks";
import { BASIC_UPLOAD_MAX_BYTES, chooseProtocol, tusChunkSize } from "./limits";
import { encodeUploadMetadata, tusMetaEntries } from "./metadata";
import type { StoredUpload, UploadUrlStorage } from "./storage";
import {
  blobFileReader,
  FetchHttpStack,
  postFile,
  type TransferAnswer,
  type TusHttpStack,
} from "./transport";

export type UploadProtocol = "basic" | "tus";

/**
 * `idle` (not started, or validated and waiting) → `validating` → `uploading` ⇄ `paused` →
 * `uploaded` (the bytes are in; Stream processes next). `error` can be retried; `cancelled` is final.
 */
export type UploadState =
  | "idle"
  | "validating"
  | "uploading"
  | "paused"
  | "uploaded"
  | "error"
  | "cancelled";

/** Everything a UI shows of one upload; a new object on every change. */
export interface UploadSnapshot {
  readonly state: UploadState;
  readonly protocol: UploadProtocol;
  /** Bytes sent so far (tus: may step back to the server's offset after a broken connection). */
  readonly bytesUploaded: number;
  readonly bytesTotal: number;
  /** The video's uid, once the proxy created the target. */
  readonly uid: string | undefined;
  /** Typed: `StreamValidationError`, `StreamApiError`, `StreamNetworkError`. */
  readonly error: StreamError | undefined;
  /** Read from the file in the browser, when it could be. */
  readonly durationSeconds: number | undefined;
  /** Type, size and duration were checked and passed. */
  readonly validated: boolean;
  /** This upload continues one started earlier (tus, found by the file's fingerprint). */
  readonly resumed: boolean;
}

export interface UploadResult {
  uid: string;
  protocol: UploadProtocol;
  bytes: number;
  durationSeconds: number | undefined;
  resumed: boolean;
}

/** Settings of the new video, as `POST /stream/direct_upload` takes them (tus: as metadata). */
export type UploadVideoSettings = Pick<
  DirectUploadRequest,
  | "creator"
  | "meta"
  | "requireSignedURLs"
  | "allowedOrigins"
  | "thumbnailTimestampPct"
  | "scheduledDeletion"
  | "watermark"
  | "expiry"
>;

export interface UploadOptions extends UploadVideoSettings, FileRules {
  /** The proxy client (`createStreamClient`); targets come from it, bytes go to them directly. */
  client: StreamClient;
  /** `meta.name` of the video. Defaults to the file's name. */
  name?: string;
  /** `auto` (default): basic POST up to 200 MB, tus above. */
  protocol?: "auto" | UploadProtocol;
  /**
   * Read the duration in the browser (refuse files over `maxDurationSeconds`; send a close
   * `maxDurationSeconds` to Stream). Defaults to true; a function replaces the reader.
   */
  readDuration?: boolean | ((file: Blob) => Promise<number | undefined>);
  /** Milliseconds the duration reader may take. Defaults to 5000. */
  durationTimeoutMs?: number;
  /** tus chunk size; clamped to Stream's rules (see `tusChunkSize`). */
  chunkSize?: number;
  /** Waits before each retry after a network failure or a 5xx; their count bounds the retries. */
  retryDelays?: readonly number[];
  /** Look for an earlier tus upload of the same file and continue it. Defaults to true. */
  resume?: boolean;
  /** Where tus URLs are remembered. Defaults to tus-js-client's (localStorage in browsers). */
  urlStorage?: UploadUrlStorage;
}

export const DEFAULT_RETRY_DELAYS: readonly number[] = [1_000, 3_000, 5_000, 10_000, 20_000];

/** `state`: the state changed, or the uid became known. `progress`: bytes moved (at most every 50 ms). */
export type UploadEvent = "state" | "progress";
export type UploadListener = (snapshot: UploadSnapshot) => void;

type TusModule = typeof import("tus-js-client");
type TusUpload = InstanceType<TusModule["Upload"]>;
type TusUploadOptions = NonNullable<ConstructorParameters<TusModule["Upload"]>[1]>;

interface BasicTarget {
  kind: "basic";
  uid: string;
  uploadURL: string;
}
interface TusTarget {
  kind: "tus";
  uid: string;
  location: string;
  task: TusUpload;
  tus: TusModule;
  /** Found in URL storage rather than created now. */
  resumed: boolean;
}
type Target = BasicTarget | TusTarget;

interface TusHandlers {
  progress(bytes: number): void;
  success(): void;
  error(error: unknown): void;
}

const PROGRESS_INTERVAL_MS = 50;

async function loadTus(): Promise<TusModule> {
  // Loaded only when a tus upload starts: most uploads (≤ 200 MB) never pay for it.
  const loaded = (await import("tus-js-client")) as TusModule & { default?: TusModule };
  return typeof loaded.Upload === "function" ? loaded : (loaded.default ?? loaded);
}

function abortError(): DOMException {
  return new DOMException("The upload was cancelled", "AbortError");
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal.removeEventListener("abort", stop);
      resolve();
    }, ms);
    const stop = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    signal.addEventListener("abort", stop, { once: true });
  });
}

function fileName(file: Blob): string {
  return typeof File !== "undefined" && file instanceof File && file.name ? file.name : "video";
}

/**
 * One file on its way to Stream: validation, a one-time target from the proxy, the bytes (basic
 * POST or tus), pause/resume/cancel/retry, progress and state events. No React, no Node built-ins.
 */
export class StreamUpload {
  readonly file: Blob;
  readonly options: Readonly<UploadOptions>;
  readonly name: string;
  #protocol: UploadProtocol;
  #state: UploadState = "idle";
  #bytes = 0;
  #uid: string | undefined;
  #error: StreamError | undefined;
  #duration: number | undefined;
  #validated = false;
  #resumed = false;
  #snapshot: UploadSnapshot;
  #listeners = new Map<UploadEvent, Set<UploadListener>>();
  #validation: Promise<void> | undefined;
  #run: Promise<UploadResult> | undefined;
  #target: Target | undefined;
  #creating: Promise<Target> | undefined;
  #transfer: AbortController | undefined;
  #paused = false;
  #cancelled = false;
  #wake: (() => void) | undefined;
  #cleanup: Promise<void> | undefined;
  #tusHandlers: TusHandlers | undefined;
  #lastProgressAt = 0;
  #progressTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(file: Blob, options: UploadOptions) {
    if (!(typeof Blob !== "undefined" && file instanceof Blob)) {
      throw new StreamValidationError("file", "expected a File or a Blob");
    }
    if (!options?.client || typeof options.client.request !== "function") {
      throw new StreamValidationError("client", "expected a client from createStreamClient");
    }
    if (options.maxDurationSeconds !== undefined) {
      assertNumberInRange(
        options.maxDurationSeconds,
        "maxDurationSeconds",
        1,
        MAX_DURATION_SECONDS,
      );
    }
    this.file = file;
    this.options = options;
    this.name =
      options.name ?? (typeof options.meta?.name === "string" ? options.meta.name : fileName(file));
    this.#protocol = chooseProtocol(file.size, options.protocol);
    this.#snapshot = this.#makeSnapshot();
  }

  get state(): UploadState {
    return this.#state;
  }

  get snapshot(): UploadSnapshot {
    return this.#snapshot;
  }

  /** Listens to `state` or `progress`; returns the unsubscribe. */
  on(event: UploadEvent, listener: UploadListener): () => void {
    let set = this.#listeners.get(event);
    if (!set) {
      set = new Set();
      this.#listeners.set(event, set);
    }
    set.add(listener);
    return () => set.delete(listener);
  }

  /**
   * Checks type, size and duration (reading it in the browser) before anything is requested.
   * Rejects with `StreamValidationError` (`field`: `type`, `size` or `duration`) and ends in
   * `error`. `start()` does this itself; call it early to refuse files before they are queued.
   */
  validate(): Promise<void> {
    this.#validation ??= this.#validate();
    return this.#validation;
  }

  /** Uploads the file; resolves when the bytes are in. The same promise until it settles. */
  start(): Promise<UploadResult> {
    if (this.#cancelled) return Promise.reject(abortError());
    this.#run ??= this.#go();
    return this.#run;
  }

  /** After an `error`: tries again (a new link if the old one expired or was used). */
  retry(): Promise<UploadResult> {
    if (this.#state !== "error" || this.#snapshot.error instanceof StreamValidationError) {
      return this.#run ?? this.start();
    }
    this.#error = undefined;
    this.#run = this.#go();
    return this.#run;
  }

  /** Stops sending; `resume()` continues (tus from the server's offset, basic from the start). */
  pause(): void {
    if (!["idle", "validating", "uploading"].includes(this.#state)) return;
    this.#paused = true;
    this.#transfer?.abort();
    this.#setState("paused");
  }

  resume(): void {
    if (this.#state !== "paused") return;
    this.#paused = false;
    this.#setState(this.#run ? "uploading" : this.#validated ? "idle" : "validating");
    this.#wake?.();
  }

  /**
   * Stops for good and removes what was created: the tus upload is terminated (DELETE) and the
   * video deleted through the proxy, so no half video is left. Resolves when that is done.
   */
  cancel(): Promise<void> {
    if (this.#state === "uploaded") return Promise.resolve();
    if (this.#cancelled) return this.#cleanup ?? Promise.resolve();
    this.#cancelled = true;
    this.#paused = false;
    this.#transfer?.abort();
    this.#wake?.();
    this.#setState("cancelled");
    this.#cleanup = this.#removeRemote();
    return this.#cleanup;
  }

  /* ---------------------------------- internals ---------------------------------- */

  #makeSnapshot(): UploadSnapshot {
    return Object.freeze({
      state: this.#state,
      protocol: this.#protocol,
      bytesUploaded: this.#bytes,
      bytesTotal: this.file.size,
      uid: this.#uid,
      error: this.#error,
      durationSeconds: this.#duration,
      validated: this.#validated,
      resumed: this.#resumed,
    });
  }

  #emit(event: UploadEvent): void {
    for (const listener of [...(this.#listeners.get(event) ?? [])]) listener(this.#snapshot);
  }

  #setState(state: UploadState): void {
    clearTimeout(this.#progressTimer);
    this.#progressTimer = undefined;
    this.#state = state;
    this.#snapshot = this.#makeSnapshot();
    this.#emit("state");
  }

  #progress(bytes: number): void {
    if (this.#cancelled || bytes === this.#bytes) return;
    this.#bytes = Math.max(0, Math.min(bytes, this.file.size));
    const now = Date.now();
    const flush = () => {
      this.#progressTimer = undefined;
      if (this.#cancelled) return;
      this.#lastProgressAt = Date.now();
      this.#snapshot = this.#makeSnapshot();
      this.#emit("progress");
    };
    if (now - this.#lastProgressAt >= PROGRESS_INTERVAL_MS || this.#bytes === this.file.size) {
      clearTimeout(this.#progressTimer);
      flush();
    } else {
      this.#progressTimer ??= setTimeout(flush, PROGRESS_INTERVAL_MS);
    }
  }

  async #validate(): Promise<void> {
    if (this.#validated) return;
    const wasPaused = this.#state === "paused";
    if (!wasPaused) this.#setState("validating");
    try {
      checkFile(
        { size: this.file.size, type: this.file.type, name: fileName(this.file) },
        {
          accept: this.options.accept ?? DEFAULT_ACCEPT,
          maxSizeBytes: this.options.maxSizeBytes,
        },
      );
      if (this.#protocol === "basic" && this.file.size > BASIC_UPLOAD_MAX_BYTES) {
        throw new StreamValidationError(
          "size",
          `basic uploads take at most ${BASIC_UPLOAD_MAX_BYTES} bytes; use protocol "tus" (or "auto")`,
        );
      }
      const reader = this.options.readDuration ?? true;
      if (reader !== false) {
        this.#duration =
          typeof reader === "function"
            ? await reader(this.file)
            : await readVideoDuration(this.file, { timeoutMs: this.options.durationTimeoutMs });
      }
      checkDuration(this.#duration, this.options.maxDurationSeconds, fileName(this.file));
      this.#validated = true;
      if (this.#state === "validating") this.#setState("idle");
      else this.#snapshot = this.#makeSnapshot();
    } catch (error) {
      this.#validation = undefined;
      if (!this.#cancelled) {
        this.#error = toStreamError(error);
        this.#setState("error");
      }
      throw error;
    }
  }

  /** Resolves once not paused; rejects once cancelled. */
  async #whileNotPaused(): Promise<void> {
    while (this.#paused && !this.#cancelled) {
      await new Promise<void>((resolve) => {
        this.#wake = resolve;
      });
    }
    this.#wake = undefined;
    if (this.#cancelled) throw abortError();
  }

  async #go(): Promise<UploadResult> {
    try {
      await this.validate();
      await this.#whileNotPaused();
      this.#setState("uploading");
      for (let fresh = 0; ; ) {
        await this.#whileNotPaused();
        if (!this.#target) {
          this.#creating = this.#createTargetWithRetries();
          this.#target = await this.#creating;
        }
        await this.#whileNotPaused();
        const target = this.#target;
        const transfer = new AbortController();
        this.#transfer = transfer;
        try {
          if (target.kind === "basic") await this.#sendBasic(target, transfer.signal);
          else await this.#sendTus(target, transfer.signal);
          break;
        } catch (error) {
          if (this.#cancelled) throw abortError();
          if (transfer.signal.aborted) continue; // paused: wait at the top, then go on
          if (target.kind === "tus" && target.resumed && linkIsDead(error, "tus") && fresh === 0) {
            // The upload remembered from an earlier visit is gone: start this file afresh, once.
            fresh += 1;
            void this.#forget(target);
            continue;
          }
          throw error;
        } finally {
          this.#transfer = undefined;
        }
      }
      this.#progress(this.file.size);
      this.#setState("uploaded");
      const uid = this.#uid as string;
      return {
        uid,
        protocol: this.#protocol,
        bytes: this.file.size,
        durationSeconds: this.#duration,
        resumed: this.#resumed,
      };
    } catch (caught) {
      if (this.#cancelled) throw abortError();
      if (this.#state === "error" && this.#error === caught) throw caught; // validation said so
      const error =
        caught instanceof StreamValidationError || caught instanceof StreamApiError
          ? caught
          : toStreamError(caught);
      const target = this.#target;
      if (target && linkIsDead(error, target.kind)) void this.#forget(target);
      this.#error = error;
      this.#setState("error");
      throw error;
    }
  }

  /** Drops a target whose link is useless; its half video is deleted (best effort). */
  async #forget(target: Target): Promise<void> {
    if (this.#target === target) this.#target = undefined;
    this.#resumed = false;
    if (target.kind === "tus") await this.#unstore(target);
    await this.options.client.deleteVideo(target.uid).catch(() => {});
  }

  #settings(): { maxDurationSeconds: number; body: Record<string, unknown> } {
    const o = this.options;
    const meta = { ...o.meta, name: this.name };
    const body: Record<string, unknown> = { meta };
    for (const key of [
      "creator",
      "requireSignedURLs",
      "allowedOrigins",
      "thumbnailTimestampPct",
      "scheduledDeletion",
      "watermark",
      "expiry",
    ] as const) {
      if (o[key] !== undefined) body[key] = o[key];
    }
    // An `expiry` already past (a retry after the link expired) would be refused: the new link
    // gets Stream's default lifetime instead.
    if (typeof o.expiry === "string" && Date.parse(o.expiry) <= Date.now()) {
      delete body.expiry;
    }
    return { maxDurationSeconds: maxDurationFor(this.#duration, o.maxDurationSeconds), body };
  }

  /**
   * Asks for a target, again after `retryDelays` when the proxy could not be reached or answered
   * 429, 502, 503 or 504 (the request was not processed). A timeout, or an answer the proxy lost
   * after sending (`outcomeUnknown`), is not retried: the target may exist, and a second one would
   * be left behind as an unused video.
   */
  async #createTargetWithRetries(): Promise<Target> {
    const delays = this.options.retryDelays ?? DEFAULT_RETRY_DELAYS;
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.#createTarget();
      } catch (error) {
        const unprocessed =
          (error instanceof StreamNetworkError && error.kind === "fetch") ||
          (error instanceof StreamApiError &&
            [429, 502, 503, 504].includes(error.status) &&
            !error.outcomeUnknown);
        if (!unprocessed || attempt >= delays.length || this.#cancelled) throw error;
        const wait = Math.max(
          delays[attempt] ?? 0,
          (error instanceof StreamApiError ? (error.retryAfter ?? 0) : 0) * 1000,
        );
        await new Promise((resolve) => setTimeout(resolve, wait));
      }
    }
  }

  async #createTarget(): Promise<Target> {
    const { client } = this.options;
    const { maxDurationSeconds, body } = this.#settings();
    if (this.#protocol === "basic") {
      const created = await client.createDirectUpload({
        ...(body as UploadVideoSettings),
        maxDurationSeconds,
      });
      this.#uid = created.uid;
      this.#setState(this.#state); // the uid is known: tell listeners
      return { kind: "basic", uid: created.uid, uploadURL: created.uploadURL };
    }

    const tus = await loadTus();
    const task = new tus.Upload(this.file, this.#tusOptions(tus));
    if (this.options.resume !== false) {
      const previous = pickPrevious(
        (await task.findPreviousUploads().catch(() => [])) as StoredUpload[],
        this.file.size,
      );
      if (previous?.uploadUrl) {
        task.resumeFromPreviousUpload(
          previous as Parameters<TusUpload["resumeFromPreviousUpload"]>[0],
        );
        const uid = previous.metadata.streamMediaId as string;
        this.#uid = uid;
        this.#resumed = true;
        this.#setState(this.#state); // the uid is known: tell listeners
        return { kind: "tus", uid, location: previous.uploadUrl, task, tus, resumed: true };
      }
    }

    const metadata = encodeUploadMetadata({
      ...tusMetaEntries(body.meta as Record<string, unknown>),
      name: this.name,
      maxdurationseconds: maxDurationSeconds,
      requiresignedurls: body.requireSignedURLs === true,
      allowedorigins: Array.isArray(body.allowedOrigins)
        ? body.allowedOrigins.join(",")
        : undefined,
      thumbnailtimestamppct: body.thumbnailTimestampPct as number | undefined,
      watermark: (body.watermark as { uid?: string } | undefined)?.uid,
      scheduleddeletion: body.scheduledDeletion as string | undefined,
      expiry: body.expiry as string | undefined,
    });
    let location: string | null = null;
    let uid: string | null = null;
    await client.request<null>("", {
      method: "POST",
      headers: {
        "Tus-Resumable": "1.0.0",
        "Upload-Length": String(this.file.size),
        ...(metadata ? { "Upload-Metadata": metadata } : {}),
        ...(typeof body.creator === "string" ? { "Upload-Creator": body.creator } : {}),
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
    const absolute = absoluteUrl(location, client.baseUrl);
    task.options.uploadUrl = absolute;
    task.options.metadata = { streamMediaId: uid, filename: this.name };
    this.#uid = uid;
    this.#setState(this.#state); // the uid is known: tell listeners
    return { kind: "tus", uid, location: absolute, task, tus, resumed: false };
  }

  #tusOptions(tus: TusModule): TusUploadOptions {
    const defaults = tus.defaultOptions;
    const httpStack: TusHttpStack =
      defaults.httpStack?.getName() === "XHRHttpStack" ? defaults.httpStack : new FetchHttpStack();
    const scope = this.options.client.baseUrl;
    const handlers = () => this.#tusHandlers;
    const delays = [...(this.options.retryDelays ?? DEFAULT_RETRY_DELAYS)];
    return {
      chunkSize: tusChunkSize(this.file.size, this.options.chunkSize),
      retryDelays: [...delays],
      metadata: { filename: this.name },
      // A Blob without a name has no fingerprint (null): it is simply not remembered.
      fingerprint: (file: Blob) => Promise.resolve(fingerprintOf(file, scope)) as Promise<string>,
      urlStorage: (this.options.urlStorage ??
        defaults.urlStorage) as TusUploadOptions["urlStorage"],
      fileReader: blobFileReader as TusUploadOptions["fileReader"],
      httpStack: httpStack as TusUploadOptions["httpStack"],
      storeFingerprintForResuming: this.options.resume !== false,
      removeFingerprintOnSuccess: true,
      onShouldRetry: (error, attempt, options) => {
        const status = error.originalResponse?.getStatus() ?? 0;
        const retry = status === 0 || status >= 500 || [408, 409, 423, 429].includes(status);
        // tus-js-client waits `retryDelays[attempt]` next and knows nothing of retry-after: the
        // server's wait goes into that slot (a floor, as for basic uploads), or a 429 would be
        // answered by coming straight back.
        const header = error.originalResponse?.getHeader("retry-after");
        const retryAfter = parseRetryAfter(header ?? null);
        if (retry && options.retryDelays && attempt < delays.length) {
          options.retryDelays[attempt] = Math.max(delays[attempt] ?? 0, (retryAfter ?? 0) * 1000);
        }
        return retry;
      },
      onProgress: (sent) => handlers()?.progress(sent),
      onSuccess: () => handlers()?.success(),
      onError: (error) => handlers()?.error(error),
    };
  }

  #sendTus(target: TusTarget, signal: AbortSignal): Promise<void> {
    const retries = (this.options.retryDelays ?? DEFAULT_RETRY_DELAYS).length;
    return new Promise<void>((resolve, reject) => {
      const stop = () => {
        this.#tusHandlers = undefined;
        void target.task.abort(false);
        reject(abortError());
      };
      this.#tusHandlers = {
        progress: (bytes) => this.#progress(bytes),
        success: () => {
          signal.removeEventListener("abort", stop);
          this.#tusHandlers = undefined;
          resolve();
        },
        error: (error) => {
          signal.removeEventListener("abort", stop);
          this.#tusHandlers = undefined;
          reject(fromTusError(error, retries));
        },
      };
      if (signal.aborted) return stop();
      signal.addEventListener("abort", stop, { once: true });
      target.task.start();
    });
  }

  async #sendBasic(target: BasicTarget, signal: AbortSignal): Promise<void> {
    const delays = this.options.retryDelays ?? DEFAULT_RETRY_DELAYS;
    for (let attempt = 0; ; attempt++) {
      this.#progress(0);
      let answer: TransferAnswer | undefined;
      let failure: unknown;
      try {
        answer = await postFile(target.uploadURL, this.file, fileName(this.file), {
          signal,
          onProgress: (bytes) => this.#progress(bytes),
        });
      } catch (error) {
        if (signal.aborted) throw error;
        failure = error;
      }
      if (answer && answer.status >= 200 && answer.status < 300) return;
      // "Already used": by our own earlier attempt whose answer was lost (or cut by a pause)?
      let heldByUs = false;
      if (answer?.status === 409) {
        if (await this.#landed(target.uid)) return;
        // Not landed: after an attempt of ours broke off, the server may still hold the URL for
        // it until it notices the drop, so ask again within the retries.
        heldByUs = attempt > 0;
      }
      const retryable =
        !answer ||
        heldByUs ||
        answer.status === 408 ||
        answer.status === 429 ||
        answer.status >= 500;
      if (!retryable || attempt >= delays.length) {
        if (answer) throw uploadApiError(answer.status, answer.body, answer.retryAfter, "basic");
        const text = failure instanceof Error ? failure.message : String(failure);
        throw new StreamNetworkError(
          "fetch",
          `The upload lost its connection and ${attempt} retries did not bring it back: ${text}`,
          { cause: failure },
        );
      }
      const wait = Math.max(delays[attempt] ?? 0, (answer?.retryAfter ?? 0) * 1000);
      await sleep(wait, signal);
    }
  }

  async #landed(uid: string): Promise<boolean> {
    try {
      const video = await this.options.client.getVideo(uid);
      return video.status?.state !== undefined && video.status.state !== "pendingupload";
    } catch {
      return false;
    }
  }

  async #unstore(target: TusTarget): Promise<void> {
    const storage = (this.options.urlStorage ?? target.tus.defaultOptions.urlStorage) as
      | UploadUrlStorage
      | undefined;
    const fingerprint = fingerprintOf(this.file, this.options.client.baseUrl);
    if (!storage || !fingerprint) return;
    try {
      const entries = await storage.findUploadsByFingerprint(fingerprint);
      for (const entry of entries) {
        if (entry.uploadUrl === target.location && entry.urlStorageKey)
          await storage.removeUpload(entry.urlStorageKey);
      }
    } catch {
      // Storage is a convenience; failing to clean it never fails the upload.
    }
  }

  async #removeRemote(): Promise<void> {
    const target = this.#target ?? (await this.#creating?.catch(() => undefined));
    if (!target) return;
    if (target.kind === "tus") {
      await target.task.abort(false).catch(() => {});
      await target.tus.Upload.terminate(target.location, {
        httpStack: target.task.options.httpStack,
        retryDelays: [0, 500],
      }).catch(() => {});
      await this.#unstore(target);
    }
    // Best effort: a 404 (tus termination already deleted it) is what we wanted anyway.
    await this.options.client.deleteVideo(target.uid).catch(() => {});
  }
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

/** Who the file is: name, type, size and mtime, scoped to the proxy. Blobs without a name have none. */
export function fingerprintOf(file: Blob, scope: string): string | null {
  if (!(typeof File !== "undefined" && file instanceof File) || !file.name) return null;
  return ["streamkit", scope, file.name, file.type, file.size, file.lastModified].join("::");
}

function pickPrevious(list: StoredUpload[], size: number): StoredUpload | undefined {
  return list
    .filter((p) => p.uploadUrl && p.size === size && isUid(p.metadata?.streamMediaId))
    .sort((a, b) => Date.parse(b.creationTime) - Date.parse(a.creationTime))[0];
}

/** A new upload of `file`; nothing happens until `validate()` or `start()`. */
export function createUpload(file: Blob, options: UploadOptions): StreamUpload {
  return new StreamUpload(file, options);
}
