import { StreamValidationError } from "../errors";
import type { UploadOptions } from "./options";
import type { UploadSnapshot, UploadState } from "./state";
import { createUpload, type StreamUpload } from "./upload";

export interface QueueItem {
  readonly id: string;
  readonly file: Blob;
  readonly name: string;
  /** The upload's state, `queued` while a resume or retry waits for a slot. */
  readonly state: UploadState;
  readonly snapshot: UploadSnapshot;
  readonly upload: StreamUpload;
}

export interface UploadQueueOptions {
  /** Uploads sending at once. Defaults to 2. */
  concurrency?: number;
}

export interface UploadQueue {
  /** Queues files; each is validated at once (refused files end in `error` without a request). */
  add(files: Iterable<Blob> | ArrayLike<Blob>, options: UploadOptions): QueueItem[];
  pause(id: string): void;
  resume(id: string): void;
  cancel(id: string): Promise<void>;
  retry(id: string): void;
  /** Cancels it if it is still under way, and drops it from the list. */
  remove(id: string): Promise<void>;
  cancelAll(): Promise<void>;
  get(id: string): QueueItem | undefined;
  /** The same array until something changes (for `useSyncExternalStore`). */
  getItems(): readonly QueueItem[];
  subscribe(listener: () => void): () => void;
  setConcurrency(concurrency: number): void;
  /**
   * Stops every unfinished upload (`cancel`: deleted on the server; `pause`: left resumable) and
   * goes silent: no listener is called afterwards.
   */
  dispose(mode?: "cancel" | "pause"): Promise<void>;
}

export const DEFAULT_CONCURRENCY = 2;

interface Entry {
  id: string;
  upload: StreamUpload;
  started: boolean;
  /** Waiting for a slot to resume or retry. */
  pending: "resume" | "retry" | undefined;
  item: QueueItem;
  unsubscribe: () => void;
}

const FINISHED = new Set<UploadState>(["processing", "cancelled"]);
const STOPPED = new Set<UploadState>(["paused", "error", "processing", "cancelled"]);

function checkConcurrency(value: number): number {
  if (!Number.isInteger(value) || value < 1) {
    throw new StreamValidationError("concurrency", `expected a whole number ≥ 1, got ${value}`);
  }
  return value;
}

/** A list of uploads, at most `concurrency` sending at once, in the order they were added. */
export function createUploadQueue(options: UploadQueueOptions = {}): UploadQueue {
  let concurrency = checkConcurrency(options.concurrency ?? DEFAULT_CONCURRENCY);
  const entries = new Map<string, Entry>();
  const listeners = new Set<() => void>();
  let items: readonly QueueItem[] = [];
  let disposed = false;
  let counter = 0;
  const prefix = Math.random().toString(36).slice(2, 8);

  const quiet = (promise: Promise<unknown>) => {
    promise.catch(() => {});
  };

  function describe(entry: Entry): QueueItem {
    const snapshot = entry.upload.snapshot;
    const waiting = entry.pending && (snapshot.state === "paused" || snapshot.state === "error");
    const state: UploadState = waiting ? "queued" : snapshot.state;
    return Object.freeze({
      id: entry.id,
      file: entry.upload.file,
      name: entry.upload.name,
      state,
      snapshot,
      upload: entry.upload,
    });
  }

  function changed(): void {
    if (disposed) return;
    items = [...entries.values()].map((entry) => entry.item);
    for (const listener of [...listeners]) listener();
  }

  function refresh(entry: Entry): void {
    entry.item = describe(entry);
    changed();
  }

  /** Started and not stopped (an engine just started may still say `idle` for a tick). */
  const sending = () =>
    [...entries.values()].filter((e) => e.started && !e.pending && !STOPPED.has(e.upload.state))
      .length;

  function pump(): void {
    if (disposed) return;
    for (const entry of entries.values()) {
      if (sending() >= concurrency) return;
      const state = entry.upload.state;
      if (entry.pending === "resume" && state === "paused") {
        entry.pending = undefined;
        entry.upload.resume();
      } else if (entry.pending === "retry" && state === "error") {
        entry.pending = undefined;
        quiet(entry.upload.retry());
      } else if (!entry.started && (state === "queued" || state === "validating")) {
        entry.started = true;
        quiet(entry.upload.start());
      }
    }
  }

  const find = (id: string) => entries.get(id);

  return {
    add(files, uploadOptions) {
      if (disposed) return [];
      const added: QueueItem[] = [];
      for (const file of Array.from(files as ArrayLike<Blob>)) {
        counter += 1;
        const upload = createUpload(file, uploadOptions);
        const entry: Entry = {
          id: `${prefix}-${counter}`,
          upload,
          started: false,
          pending: undefined,
          item: undefined as unknown as QueueItem,
          unsubscribe: () => {},
        };
        entry.item = describe(entry);
        const offState = upload.on("state", () => {
          refresh(entry);
          pump();
        });
        const offProgress = upload.on("progress", () => refresh(entry));
        entry.unsubscribe = () => {
          offState();
          offProgress();
        };
        entries.set(entry.id, entry);
        added.push(entry.item);
      }
      changed();
      // Validation (type, size, duration) runs for every file now, whatever the queue holds.
      for (const item of added) quiet(item.upload.validate());
      pump();
      return added.map((item) => find(item.id)?.item ?? item);
    },
    pause(id) {
      const entry = find(id);
      if (!entry) return;
      entry.pending = undefined;
      entry.upload.pause();
      refresh(entry);
      pump();
    },
    resume(id) {
      const entry = find(id);
      if (entry?.upload.state !== "paused") return;
      if (entry.started) entry.pending = "resume";
      else entry.upload.resume();
      refresh(entry);
      pump();
    },
    async cancel(id) {
      const entry = find(id);
      if (!entry) return;
      entry.pending = undefined;
      const done = entry.upload.cancel();
      pump();
      await done;
    },
    retry(id) {
      const entry = find(id);
      if (entry?.upload.state !== "error") return;
      if (entry.upload.snapshot.error instanceof StreamValidationError) return;
      entry.pending = "retry";
      refresh(entry);
      pump();
    },
    async remove(id) {
      const entry = find(id);
      if (!entry) return;
      const done = FINISHED.has(entry.upload.state) ? undefined : entry.upload.cancel();
      entry.unsubscribe();
      entries.delete(id);
      changed();
      pump();
      await done;
    },
    async cancelAll() {
      await Promise.all(
        [...entries.values()].map((entry) => {
          entry.pending = undefined;
          return entry.upload.cancel();
        }),
      );
    },
    get: (id) => find(id)?.item,
    getItems: () => items,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    setConcurrency(value) {
      concurrency = checkConcurrency(value);
      pump();
    },
    async dispose(mode = "cancel") {
      if (disposed) return;
      disposed = true;
      listeners.clear();
      const stopping: Promise<void>[] = [];
      for (const entry of entries.values()) {
        entry.unsubscribe();
        if (FINISHED.has(entry.upload.state)) continue;
        if (mode === "pause") entry.upload.pause();
        else stopping.push(entry.upload.cancel());
      }
      await Promise.all(stopping);
    },
  };
}
