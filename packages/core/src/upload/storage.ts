/** One upload remembered for resuming (tus-js-client's `PreviousUpload`). */
export interface StoredUpload {
  size: number | null;
  /** streamkit keeps `streamMediaId` (the video uid) and `filename` here. */
  metadata: Record<string, string>;
  creationTime: string;
  uploadUrl: string | null;
  parallelUploadUrls?: string[] | null;
  /** Set by the storage when it returns entries. */
  urlStorageKey?: string;
}

/**
 * Where tus upload URLs are remembered by file fingerprint, so an upload survives a page reload
 * (tus-js-client's `UrlStorage`). Browsers default to tus-js-client's localStorage storage.
 */
export interface UploadUrlStorage {
  findAllUploads(): Promise<StoredUpload[]>;
  findUploadsByFingerprint(fingerprint: string): Promise<StoredUpload[]>;
  removeUpload(urlStorageKey: string): Promise<void>;
  /** Returns the key `removeUpload` takes. */
  addUpload(fingerprint: string, upload: StoredUpload): Promise<string>;
}

/** A URL storage in memory: resuming within one process (tests, servers, workers). */
export function createMemoryUrlStorage(): UploadUrlStorage {
  const entries = new Map<string, { fingerprint: string; upload: StoredUpload }>();
  let counter = 0;
  const list = (match: (fingerprint: string) => boolean) =>
    [...entries]
      .filter(([, entry]) => match(entry.fingerprint))
      .map(([key, entry]) => ({ ...entry.upload, urlStorageKey: key }));
  return {
    findAllUploads: async () => list(() => true),
    findUploadsByFingerprint: async (fingerprint) => list((f) => f === fingerprint),
    removeUpload: async (key) => {
      entries.delete(key);
    },
    addUpload: async (fingerprint, upload) => {
      counter += 1;
      const key = `tus::${fingerprint}::${counter}`;
      entries.set(key, { fingerprint, upload: { ...upload } });
      return key;
    },
  };
}

/** Who the file is: name, type, size and mtime, scoped to the proxy. Blobs without a name have none. */
export function fingerprintOf(file: Blob, scope: string): string | null {
  if (!(typeof File !== "undefined" && file instanceof File) || !file.name) return null;
  return ["streamkit", scope, file.name, file.type, file.size, file.lastModified].join("::");
}

/** The newest remembered upload of a file this size that names its video. */
export function latestUpload(list: StoredUpload[], size: number, isUid: (v: unknown) => boolean) {
  return list
    .filter((p) => p.uploadUrl && p.size === size && isUid(p.metadata?.streamMediaId))
    .sort((a, b) => Date.parse(b.creationTime) - Date.parse(a.creationTime))[0];
}

/** Forgets `location` for this file. Storage is a convenience: failing here never fails an upload. */
export async function forgetUpload(
  storage: UploadUrlStorage | undefined,
  fingerprint: string | null,
  location: string,
): Promise<void> {
  if (!storage || !fingerprint) return;
  try {
    for (const entry of await storage.findUploadsByFingerprint(fingerprint)) {
      if (entry.uploadUrl === location && entry.urlStorageKey) {
        await storage.removeUpload(entry.urlStorageKey);
      }
    }
  } catch {
    // Nothing to do: a stale entry only costs one failed resume, which starts afresh.
  }
}
