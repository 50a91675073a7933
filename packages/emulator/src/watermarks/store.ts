import { mkdir, readdir } from "node:fs/promises";
import path from "node:path";
import type { WatermarkPosition } from "@streamkit/core/requests";
import { readJsonFile, removeDir, writeFileAtomic } from "../fsutil";
import { isUid, newUid } from "../ids";
import type { ImageType } from "./image";

/** A profile as the API returns it (§3.13); every field is always present. */
export interface WatermarkProfile {
  uid: string;
  name: string;
  opacity: number;
  padding: number;
  scale: number;
  position: WatermarkPosition;
  size: number;
  height: number;
  width: number;
  created: string;
  downloadedFrom: string | null;
}

export type WatermarkPlacement = Pick<
  WatermarkProfile,
  "name" | "opacity" | "padding" | "scale" | "position"
>;

interface StoredProfile {
  profile: WatermarkProfile;
  /** The image's file name inside the profile's directory. */
  image: string;
}

export const imageFileName = (type: ImageType) => `image.${type === "jpeg" ? "jpg" : type}`;

/**
 * Watermark profiles on disk: `<dataDir>/watermarks/<uid>/profile.json` beside the image. All
 * profiles sit in memory too; they are small and few.
 */
export class WatermarkStore {
  private readonly profiles = new Map<string, StoredProfile>();
  readonly root: string;

  constructor(dataDir: string) {
    this.root = path.join(dataDir, "watermarks");
  }

  async load(): Promise<{ skipped: string[] }> {
    await mkdir(this.root, { recursive: true });
    const skipped: string[] = [];
    for (const entry of await readdir(this.root, { withFileTypes: true })) {
      if (!entry.isDirectory() || !isUid(entry.name)) continue;
      const stored = await readJsonFile<StoredProfile>(this.file(entry.name, "profile.json")).catch(
        () => undefined,
      );
      if (stored?.profile?.uid === entry.name) this.profiles.set(entry.name, stored);
      else skipped.push(entry.name);
    }
    return { skipped };
  }

  file(uid: string, name: string): string {
    return path.join(this.root, uid, name);
  }

  /** Oldest first, as profiles are listed in the dashboard. */
  all(): WatermarkProfile[] {
    return [...this.profiles.values()]
      .map((s) => s.profile)
      .sort((a, b) => a.created.localeCompare(b.created));
  }

  get(uid: string): WatermarkProfile | undefined {
    return this.profiles.get(uid)?.profile;
  }

  /** Where the profile's image is, for copying it into a video that uses the profile. */
  imagePath(uid: string): string | undefined {
    const stored = this.profiles.get(uid);
    return stored ? this.file(uid, stored.image) : undefined;
  }

  /** Stores a profile whose image `write` puts at the path it is given. */
  async create(
    fields: Omit<WatermarkProfile, "uid" | "created">,
    image: ImageType,
    write: (target: string) => Promise<void>,
  ): Promise<WatermarkProfile> {
    const uid = newUid();
    const profile: WatermarkProfile = { uid, ...fields, created: new Date().toISOString() };
    const stored: StoredProfile = { profile, image: imageFileName(image) };
    await mkdir(path.join(this.root, uid), { recursive: true });
    try {
      await write(this.file(uid, stored.image));
      await writeFileAtomic(this.file(uid, "profile.json"), JSON.stringify(stored, null, 2));
    } catch (error) {
      await removeDir(path.join(this.root, uid));
      throw error;
    }
    this.profiles.set(uid, stored);
    return profile;
  }

  async delete(uid: string): Promise<boolean> {
    if (!this.profiles.delete(uid)) return false;
    await removeDir(path.join(this.root, uid));
    return true;
  }
}
