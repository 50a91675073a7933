import { mkdir, readdir } from "node:fs/promises";
import path from "node:path";
import { readJsonFile, removeDir, writeFileAtomic } from "./fsutil";
import { isUid, newUid } from "./ids";
import type { VideoRecord } from "./records";

export type NewVideo = Omit<VideoRecord, "uid" | "created" | "modified"> & { uid?: string };

/**
 * Videos on disk: `<dataDir>/videos/<uid>/video.json` beside the video's files. All records sit in
 * memory as well; every change is written through, one write at a time per video.
 */
export class VideoStore {
  private readonly records = new Map<string, VideoRecord>();
  private readonly writes = new Map<string, Promise<void>>();
  private lastCreated = 0;
  readonly root: string;

  constructor(dataDir: string) {
    this.root = path.join(dataDir, "videos");
  }

  async load(): Promise<{ loaded: number; skipped: string[] }> {
    await mkdir(this.root, { recursive: true });
    const skipped: string[] = [];
    for (const entry of await readdir(this.root, { withFileTypes: true })) {
      if (!entry.isDirectory() || !isUid(entry.name)) continue;
      try {
        const record = await readJsonFile<VideoRecord>(
          path.join(this.root, entry.name, "video.json"),
        );
        if (record?.uid === entry.name) {
          this.records.set(record.uid, record);
          this.lastCreated = Math.max(this.lastCreated, Date.parse(record.created) || 0);
        } else {
          skipped.push(entry.name);
        }
      } catch {
        skipped.push(entry.name);
      }
    }
    return { loaded: this.records.size, skipped };
  }

  dir(uid: string): string {
    return path.join(this.root, uid);
  }

  file(uid: string, ...parts: string[]): string {
    return path.join(this.root, uid, ...parts);
  }

  get(uid: string): VideoRecord | undefined {
    return this.records.get(uid);
  }

  all(): VideoRecord[] {
    return [...this.records.values()];
  }

  async create(init: NewVideo): Promise<VideoRecord> {
    const uid = init.uid ?? newUid();
    // Strictly increasing creation times keep before/after cursors exact.
    const now = Math.max(Date.now(), this.lastCreated + 1);
    this.lastCreated = now;
    const stamp = new Date(now).toISOString();
    const record: VideoRecord = { ...init, uid, created: stamp, modified: stamp };
    this.records.set(uid, record);
    await mkdir(this.dir(uid), { recursive: true });
    await this.persist(record);
    return record;
  }

  /** Applies `change` to the live record and writes it; `undefined` when the video is gone. */
  async update(
    uid: string,
    change: (record: VideoRecord) => void,
  ): Promise<VideoRecord | undefined> {
    const record = this.records.get(uid);
    if (!record) return undefined;
    change(record);
    record.modified = new Date().toISOString();
    await this.persist(record);
    return record;
  }

  async delete(uid: string): Promise<boolean> {
    if (!this.records.delete(uid)) return false;
    await (this.writes.get(uid) ?? Promise.resolve());
    this.writes.delete(uid);
    await removeDir(this.dir(uid));
    return true;
  }

  /** Resolves when every write issued so far has reached the disk. */
  async flush(): Promise<void> {
    await Promise.all([...this.writes.values()]);
  }

  private persist(record: VideoRecord): Promise<void> {
    const previous = this.writes.get(record.uid) ?? Promise.resolve();
    const next = previous.then(async () => {
      // A delete may have happened while this write waited its turn.
      if (!this.records.has(record.uid)) return;
      await writeFileAtomic(this.file(record.uid, "video.json"), JSON.stringify(record, null, 2));
    });
    const settled = next.catch(() => {});
    this.writes.set(record.uid, settled);
    void settled.then(() => {
      if (this.writes.get(record.uid) === settled) this.writes.delete(record.uid);
    });
    return next;
  }
}
