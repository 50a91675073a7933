import type { StreamClient } from "./client";
import { MAX_LIST_LIMIT } from "./requests/limits";
import type { Video } from "./types";
import { assertUid } from "./validate";

export interface StatusBatcherOptions {
  /**
   * Most uids in one `GET ?id=…`. The API takes up to 1000, but 1000 ids make a 33 KB URL that
   * most servers and proxies refuse (Node's default header limit is 16 KB), so 100 is the default.
   */
  maxBatchSize?: number;
  /** How long to gather callers before sending, in ms. Defaults to 0: one macrotask. */
  windowMs?: number;
}

export interface StatusBatcher {
  /** The video with this uid, fetched together with every other uid asked for in the same window. */
  load(uid: string, options?: { signal?: AbortSignal }): Promise<Video>;
}

interface Waiter {
  uid: string;
  resolve: (video: Video) => void;
  reject: (error: unknown) => void;
  signal: AbortSignal | undefined;
  settled: boolean;
}

/**
 * Coalesces status reads: many components watching many videos cost one list request per window
 * instead of one request per component.
 */
export function createStatusBatcher(
  client: StreamClient,
  options: StatusBatcherOptions = {},
): StatusBatcher {
  const maxBatchSize = Math.min(
    MAX_LIST_LIMIT,
    Math.max(1, Math.floor(options.maxBatchSize ?? 100)),
  );
  const windowMs = options.windowMs ?? 0;
  let pending: Waiter[] = [];
  let scheduled = false;

  function flush(): void {
    scheduled = false;
    const waiters = pending.filter((w) => !w.settled);
    pending = [];
    const uids = [...new Set(waiters.map((w) => w.uid))];
    for (let i = 0; i < uids.length; i += maxBatchSize) {
      const chunk = uids.slice(i, i + maxBatchSize);
      void send(
        chunk,
        waiters.filter((w) => chunk.includes(w.uid)),
      );
    }
  }

  async function send(uids: string[], waiters: Waiter[]): Promise<void> {
    const controller = new AbortController();
    // The shared request is cancelled only when every caller waiting on it has gone.
    const onAbort = () => {
      if (waiters.every((w) => w.settled)) controller.abort();
    };
    for (const w of waiters) w.signal?.addEventListener("abort", onAbort, { once: true });
    try {
      const { videos } = await client.listVideos(
        { id: uids, limit: uids.length },
        { signal: controller.signal },
      );
      const byUid = new Map(videos.map((v) => [v.uid, v]));
      for (const w of waiters) {
        const video = byUid.get(w.uid);
        if (video) settle(w, () => w.resolve(video));
      }
      // Lists can lag behind writes (a video created a moment ago may not be listed yet), so a uid
      // the list lacks is asked for on its own before it is called missing.
      const missing = [...new Set(waiters.filter((w) => !w.settled).map((w) => w.uid))];
      await Promise.all(
        missing.map(async (uid) => {
          const mine = waiters.filter((w) => w.uid === uid);
          try {
            const video = await client.getVideo(uid, { signal: controller.signal });
            for (const w of mine) settle(w, () => w.resolve(video));
          } catch (error) {
            for (const w of mine) settle(w, () => w.reject(error));
          }
        }),
      );
    } catch (error) {
      for (const w of waiters) settle(w, () => w.reject(error));
    } finally {
      for (const w of waiters) w.signal?.removeEventListener("abort", onAbort);
    }
  }

  function settle(waiter: Waiter, action: () => void): void {
    if (waiter.settled) return;
    waiter.settled = true;
    action();
  }

  return {
    load(uid, { signal } = {}) {
      try {
        assertUid(uid);
        signal?.throwIfAborted();
      } catch (error) {
        return Promise.reject(error);
      }
      return new Promise<Video>((resolve, reject) => {
        const waiter: Waiter = { uid, resolve, reject, signal, settled: false };
        signal?.addEventListener("abort", () => settle(waiter, () => reject(signal.reason)), {
          once: true,
        });
        pending.push(waiter);
        if (!scheduled) {
          scheduled = true;
          setTimeout(flush, windowMs);
        }
      });
    },
  };
}
