export type JobFn = (signal: AbortSignal) => Promise<void>;

interface Job {
  key: string;
  run: JobFn;
  controller: AbortController;
  started: boolean;
  done: Promise<void>;
  resolve: () => void;
}

/**
 * A FIFO of heavy jobs (encodes, MP4 exports) with a cap on how many run at once. Each job has a
 * key (e.g. `process:<uid>`) so it can be cancelled when its video is deleted, and so the same
 * work is never queued twice.
 */
export class JobQueue {
  private readonly waiting: Job[] = [];
  private readonly jobs = new Map<string, Job>();
  private running = 0;
  private closed = false;

  constructor(private readonly concurrency: number) {}

  has(key: string): boolean {
    return this.jobs.has(key);
  }

  /** Queues `run` unless a job with this key is already queued or running. */
  add(key: string, run: JobFn): Promise<void> {
    const existing = this.jobs.get(key);
    if (existing) return existing.done;
    let resolve!: () => void;
    const done = new Promise<void>((r) => {
      resolve = r;
    });
    const job: Job = { key, run, controller: new AbortController(), started: false, done, resolve };
    if (this.closed) {
      resolve();
      return done;
    }
    this.jobs.set(key, job);
    this.waiting.push(job);
    this.pump();
    return done;
  }

  /** Aborts the job (running or waiting); resolves once it has stopped. */
  async cancel(key: string): Promise<void> {
    const job = this.jobs.get(key);
    if (!job) return;
    job.controller.abort();
    if (!job.started) {
      this.waiting.splice(this.waiting.indexOf(job), 1);
      this.finish(job);
    }
    await job.done;
  }

  /** Cancels every job whose key starts with `prefix` (e.g. all audio tracks of a video). */
  async cancelPrefix(prefix: string): Promise<void> {
    const keys = [...this.jobs.keys()].filter((key) => key.startsWith(prefix));
    await Promise.all(keys.map((key) => this.cancel(key)));
  }

  /** Aborts everything and waits for running jobs to wind down. */
  async close(): Promise<void> {
    this.closed = true;
    await Promise.all([...this.jobs.keys()].map((key) => this.cancel(key)));
  }

  private pump(): void {
    while (!this.closed && this.running < this.concurrency && this.waiting.length > 0) {
      const job = this.waiting.shift();
      if (!job) break;
      job.started = true;
      this.running++;
      void job
        .run(job.controller.signal)
        .catch(() => {})
        .finally(() => {
          this.running--;
          this.finish(job);
          this.pump();
        });
    }
  }

  private finish(job: Job): void {
    if (this.jobs.get(job.key) === job) this.jobs.delete(job.key);
    job.resolve();
  }
}
