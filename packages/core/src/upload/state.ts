import type { StreamError } from "../errors";

export type UploadProtocol = "basic" | "tus";

/**
 * The one vocabulary of an upload, from the engine to the components:
 * `queued` (not sending yet: waiting to start, for a slot, or validated and waiting) →
 * `validating` → `uploading` ⇄ `paused` → `processing` (the bytes are in; Stream encodes) →
 * `ready`. `error` (typed, often retryable) and `cancelled` end it. The engine itself stops at
 * `processing`; `uploadItemState` carries an item on to `ready` or a processing `error` from
 * the video's status.
 */
export type UploadState =
  | "queued"
  | "validating"
  | "uploading"
  | "paused"
  | "processing"
  | "ready"
  | "error"
  | "cancelled";

/** Everything a UI shows of one upload; a new object on every change. */
export interface UploadSnapshot {
  readonly state: UploadState;
  readonly protocol: UploadProtocol;
  /** Bytes sent so far (tus: may step back to the server's offset after a broken connection). */
  readonly bytesUploaded: number;
  readonly bytesTotal: number;
  /**
   * The video's uid, once the proxy created the target; `undefined` again once the upload deleted
   * that video itself (cancelled, its link dead, or the file refused).
   */
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

/** `state`: the state changed, or the uid became known or was forgotten. `progress`: bytes moved (at most every 50 ms). */
export type UploadEvent = "state" | "progress";
export type UploadListener = (snapshot: UploadSnapshot) => void;

const PROGRESS_INTERVAL_MS = 50;

/**
 * Where an upload's state lives: one frozen snapshot, replaced on every change, and the
 * listeners told of it. Progress is throttled so a fast disk does not re-render a page 1,000
 * times a second; a state change flushes it.
 */
export class UploadStatus {
  #snapshot: UploadSnapshot;
  #bytes: number;
  #listeners = new Map<UploadEvent, Set<UploadListener>>();
  #lastProgressAt = 0;
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor(initial: UploadSnapshot) {
    this.#snapshot = Object.freeze({ ...initial });
    this.#bytes = initial.bytesUploaded;
  }

  get snapshot(): UploadSnapshot {
    return this.#snapshot;
  }

  get state(): UploadState {
    return this.#snapshot.state;
  }

  on(event: UploadEvent, listener: UploadListener): () => void {
    let set = this.#listeners.get(event);
    if (!set) {
      set = new Set();
      this.#listeners.set(event, set);
    }
    set.add(listener);
    return () => set.delete(listener);
  }

  /** Changes fields and tells `state` listeners (also when only the uid became known). */
  set(change: Partial<Omit<UploadSnapshot, "bytesUploaded">>): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#replace(change);
    this.#emit("state");
  }

  /** Changes fields nobody waits for (read with the next snapshot). */
  patch(change: Partial<Omit<UploadSnapshot, "bytesUploaded">>): void {
    this.#replace(change);
  }

  progress(bytes: number): void {
    if (this.state === "cancelled" || bytes === this.#bytes) return;
    this.#bytes = Math.max(0, Math.min(bytes, this.#snapshot.bytesTotal));
    const flush = () => {
      this.#timer = undefined;
      if (this.state === "cancelled") return;
      this.#lastProgressAt = Date.now();
      this.#replace({});
      this.#emit("progress");
    };
    const due = Date.now() - this.#lastProgressAt >= PROGRESS_INTERVAL_MS;
    if (due || this.#bytes === this.#snapshot.bytesTotal) {
      clearTimeout(this.#timer);
      flush();
    } else {
      this.#timer ??= setTimeout(flush, PROGRESS_INTERVAL_MS);
    }
  }

  #replace(change: Partial<UploadSnapshot>): void {
    this.#snapshot = Object.freeze({ ...this.#snapshot, ...change, bytesUploaded: this.#bytes });
  }

  #emit(event: UploadEvent): void {
    for (const listener of [...(this.#listeners.get(event) ?? [])]) listener(this.#snapshot);
  }
}
