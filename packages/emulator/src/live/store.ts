import { randomBytes } from "node:crypto";
import { mkdir, readdir, rm } from "node:fs/promises";
import path from "node:path";
import { readJsonFile, writeFileAtomic } from "../fsutil";
import { isUid, newUid } from "../ids";
import type { LiveInputRecord, LiveSecrets } from "./records";

const hex = (bytes: number) => randomBytes(bytes).toString("hex");

/** Keys shaped like Stream's (`<32 hex>k<32 hex>` for RTMPS), new on every call. */
export function newSecrets(): LiveSecrets {
  return {
    streamKey: `${hex(16)}k${hex(16)}`,
    playbackKey: `${hex(16)}k${hex(16)}`,
    srtStreamId: hex(16),
    srtPassphrase: hex(16),
    srtPlaybackStreamId: hex(16),
    srtPlaybackPassphrase: hex(16),
    webRtcKey: `${hex(16)}k${hex(16)}`,
  };
}

/**
 * Live inputs on disk, one JSON file each (`<dataDir>/live-inputs/<uid>.json`), all of them in
 * memory too. Writes go through `update` so a record on disk is never half written.
 */
export class LiveInputStore {
  private readonly inputs = new Map<string, LiveInputRecord>();
  readonly root: string;

  constructor(dataDir: string) {
    this.root = path.join(dataDir, "live-inputs");
  }

  async load(): Promise<{ skipped: string[] }> {
    await mkdir(this.root, { recursive: true });
    const skipped: string[] = [];
    for (const entry of await readdir(this.root)) {
      const uid = entry.replace(/\.json$/, "");
      if (!entry.endsWith(".json") || !isUid(uid)) continue;
      const record = await readJsonFile<LiveInputRecord>(this.file(uid)).catch(() => undefined);
      if (record?.uid === uid) {
        // Nobody is broadcasting into a process that just started.
        if (record.status === "connected" || record.status === "reconnected") {
          record.status = "client_disconnect";
        }
        this.inputs.set(uid, record);
      } else skipped.push(uid);
    }
    return { skipped };
  }

  private file(uid: string): string {
    return path.join(this.root, `${uid}.json`);
  }

  /** Newest first, as the dashboard lists them. */
  all(): LiveInputRecord[] {
    return [...this.inputs.values()].sort((a, b) => b.created.localeCompare(a.created));
  }

  get(uid: string): LiveInputRecord | undefined {
    return this.inputs.get(uid);
  }

  /** The input a broadcaster's RTMP key or SRT stream id belongs to, if it is current. */
  byIngestKey(key: string): LiveInputRecord | undefined {
    for (const record of this.inputs.values())
      if (record.secrets.streamKey === key || record.secrets.srtStreamId === key) return record;
    return undefined;
  }

  async create(fields: Omit<LiveInputRecord, "uid" | "created" | "modified">) {
    const now = new Date().toISOString();
    const record: LiveInputRecord = { uid: newUid(), created: now, modified: now, ...fields };
    await this.save(record);
    return record;
  }

  /** Changes a record and writes it; `touch: false` keeps `modified` (status changes). */
  async update(
    uid: string,
    change: (record: LiveInputRecord) => void,
    { touch = true } = {},
  ): Promise<LiveInputRecord | undefined> {
    const record = this.inputs.get(uid);
    if (!record) return undefined;
    const next = structuredClone(record);
    change(next);
    if (touch) next.modified = new Date().toISOString();
    await this.save(next);
    return next;
  }

  async delete(uid: string): Promise<boolean> {
    if (!this.inputs.delete(uid)) return false;
    await rm(this.file(uid), { force: true });
    return true;
  }

  private async save(record: LiveInputRecord): Promise<void> {
    await writeFileAtomic(this.file(record.uid), JSON.stringify(record, null, 2));
    this.inputs.set(record.uid, record);
  }
}
