import { StreamApiError, StreamValidationError } from "../errors";
import { sendBasic } from "./basic";
import { fileRefused, linkIsDead, toStreamError } from "./errors";
import { abortError, type UploadJob } from "./job";
import { chooseProtocol } from "./limits";
import { fileName, type UploadOptions, type VideoSettings, videoSettings } from "./options";
import {
  type UploadEvent,
  type UploadListener,
  type UploadProtocol,
  type UploadResult,
  type UploadSnapshot,
  type UploadState,
  UploadStatus,
} from "./state";
import { createTarget, type Target } from "./targets";
import { sendTus, terminateTus, unstoreTus } from "./tus";
import { checkUploadInput, validateFile } from "./validation";

/** States in which `pause()` stops the upload. */
const PAUSABLE: readonly UploadState[] = ["queued", "validating", "uploading"];

/**
 * One file on its way to Stream: validation, a one-time target from the proxy, the bytes (basic
 * POST or tus), pause/resume/cancel/retry, progress and state events. No React, no Node built-ins.
 * Its state is the snapshot's one `state` (no flags beside it); the parts it runs (validation,
 * targets, transfers, storage) are functions of the `UploadJob` it hands them.
 */
export class StreamUpload {
  readonly file: Blob;
  readonly options: Readonly<UploadOptions>;
  readonly name: string;
  readonly #status: UploadStatus;
  readonly #job: UploadJob;
  /** Aborted by `cancel()`: every wait and transfer of this upload ends at once. */
  readonly #life = new AbortController();
  #validation: Promise<void> | undefined;
  #run: Promise<UploadResult> | undefined;
  #target: Target | undefined;
  #creating: Promise<Target> | undefined;
  #transfer: AbortController | undefined;
  #wake: (() => void) | undefined;
  #cleanup: Promise<void> | undefined;

  constructor(file: Blob, options: UploadOptions) {
    checkUploadInput(file, options);
    this.file = file;
    this.options = options;
    this.name =
      options.name ?? (typeof options.meta?.name === "string" ? options.meta.name : fileName(file));
    const protocol: UploadProtocol = chooseProtocol(file.size, options.protocol);
    this.#status = new UploadStatus({
      state: "queued",
      protocol,
      bytesUploaded: 0,
      bytesTotal: file.size,
      uid: undefined,
      error: undefined,
      durationSeconds: undefined,
      validated: false,
      resumed: false,
    });
    this.#job = {
      file,
      name: this.name,
      options,
      protocol,
      status: this.#status,
      settings: (): VideoSettings =>
        videoSettings(options, this.name, this.#status.snapshot.durationSeconds),
    };
  }

  get state(): UploadState {
    return this.#status.state;
  }

  get snapshot(): UploadSnapshot {
    return this.#status.snapshot;
  }

  /** Listens to `state` or `progress`; returns the unsubscribe. */
  on(event: UploadEvent, listener: UploadListener): () => void {
    return this.#status.on(event, listener);
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
    if (this.#cancelled()) return Promise.reject(abortError());
    this.#run ??= this.#go();
    return this.#run;
  }

  /** After an `error`: tries again (a new link if the old one expired or was used). */
  retry(): Promise<UploadResult> {
    const { state, error } = this.snapshot;
    if (state !== "error" || error instanceof StreamValidationError) {
      return this.#run ?? this.start();
    }
    this.#status.patch({ error: undefined });
    this.#run = this.#go();
    return this.#run;
  }

  /** Stops sending; `resume()` continues (tus from the server's offset, basic from the start). */
  pause(): void {
    if (!PAUSABLE.includes(this.state)) return;
    this.#transfer?.abort();
    this.#status.set({ state: "paused" });
  }

  resume(): void {
    if (this.state !== "paused") return;
    const state = this.#run ? "uploading" : this.snapshot.validated ? "queued" : "validating";
    this.#status.set({ state });
    this.#wake?.();
  }

  /**
   * Stops for good and removes what was created: the tus upload is terminated (DELETE) and the
   * video deleted through the proxy, so no half video is left. Resolves when that is done; a
   * cancel during a retry wait ends the wait at once, and nothing more is created.
   */
  cancel(): Promise<void> {
    if (this.state === "processing") return Promise.resolve();
    if (this.#cancelled()) return this.#cleanup ?? Promise.resolve();
    this.#status.set({ state: "cancelled" });
    this.#life.abort(abortError());
    this.#transfer?.abort();
    this.#wake?.();
    this.#cleanup = this.#removeRemote();
    return this.#cleanup;
  }

  /* ---------------------------------- internals ---------------------------------- */

  #cancelled(): boolean {
    return this.#life.signal.aborted;
  }

  async #validate(): Promise<void> {
    if (this.snapshot.validated) return;
    if (this.state !== "paused") this.#status.set({ state: "validating" });
    try {
      const durationSeconds = await validateFile(this.file, this.options, this.#job.protocol);
      const change = { durationSeconds, validated: true };
      if (this.state === "validating") this.#status.set({ ...change, state: "queued" });
      else this.#status.patch(change);
    } catch (error) {
      this.#validation = undefined;
      if (!this.#cancelled()) this.#status.set({ error: toStreamError(error), state: "error" });
      throw error;
    }
  }

  /** Resolves once not paused; rejects once cancelled. */
  async #whileNotPaused(): Promise<void> {
    while (this.state === "paused") {
      await new Promise<void>((resolve) => {
        this.#wake = resolve;
      });
    }
    this.#wake = undefined;
    if (this.#cancelled()) throw abortError();
  }

  async #go(): Promise<UploadResult> {
    try {
      await this.validate();
      await this.#whileNotPaused();
      this.#status.set({ state: "uploading" });
      await this.#send();
      this.#status.progress(this.file.size);
      this.#status.set({ state: "processing" });
      const s = this.snapshot;
      return {
        uid: s.uid as string,
        protocol: s.protocol,
        bytes: this.file.size,
        durationSeconds: s.durationSeconds,
        resumed: s.resumed,
      };
    } catch (caught) {
      if (this.#cancelled()) throw abortError();
      if (this.state === "error" && this.snapshot.error === caught) throw caught; // validation said so
      const error =
        caught instanceof StreamValidationError || caught instanceof StreamApiError
          ? caught
          : toStreamError(caught);
      const target = this.#target;
      // A dead link or a refused file leaves a placeholder nobody can fill: it goes at once
      // (a retry makes a new one), so no "waiting for upload" video is left in the library.
      if (target && (linkIsDead(error, target.kind) || fileRefused(error))) {
        void this.#forget(target);
      }
      this.#status.set({ error, state: "error" });
      throw error;
    }
  }

  /** Target, then bytes, until they are in; a pause aborts the transfer and waits here. */
  async #send(): Promise<void> {
    for (let fresh = 0; ; ) {
      await this.#whileNotPaused();
      if (!this.#target) {
        this.#creating = createTarget(this.#job, this.#life.signal);
        this.#target = await this.#creating;
      }
      await this.#whileNotPaused();
      const target = this.#target;
      const transfer = new AbortController();
      this.#transfer = transfer;
      try {
        if (target.kind === "basic") await sendBasic(target, this.#job, transfer.signal);
        else await sendTus(target, this.#job, transfer.signal);
        return;
      } catch (error) {
        if (this.#cancelled()) throw abortError();
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
  }

  /** Drops a target whose link is useless; its half video is deleted (best effort). */
  async #forget(target: Target): Promise<void> {
    if (this.#target === target) this.#target = undefined;
    this.#status.patch({ resumed: false });
    if (target.kind === "tus") await unstoreTus(this.#job, target);
    await this.options.client.deleteVideo(target.uid).catch(() => {});
    this.#dropUid(target.uid);
  }

  async #removeRemote(): Promise<void> {
    const target = this.#target ?? (await this.#creating?.catch(() => undefined));
    if (!target) return;
    if (target.kind === "tus") await terminateTus(this.#job, target);
    // Best effort: a 404 (tus termination already deleted it) is what we wanted anyway.
    await this.options.client.deleteVideo(target.uid).catch(() => {});
    this.#dropUid(target.uid);
  }

  /** The video is gone: the snapshot stops naming it (unless a newer target took its place). */
  #dropUid(uid: string): void {
    if (this.snapshot.uid === uid) this.#status.set({ uid: undefined });
  }
}

/** A new upload of `file`; nothing happens until `validate()` or `start()`. */
export function createUpload(file: Blob, options: UploadOptions): StreamUpload {
  return new StreamUpload(file, options);
}
