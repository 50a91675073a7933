// @vitest-environment node
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { MAX_LIST_LIMIT } from "@streamkit/core";
import { type RunningEmulator, startEmulator } from "@streamkit/emulator";
import { processedVideo, seedLibrary } from "@streamkit/test-utils/stack";
import { afterEach, describe, expect, it } from "vitest";

// seedLibrary writes what the emulator reads at start; these check the emulator's own API sees
// the library as one uploaded video by video would look: every video, newest first, cursors that
// page through without a gap or a repeat, and unfinished videos still unfinished after start.

interface Listed {
  uid: string;
  created: string;
  meta: { name?: string };
  status: { state: string };
  readyToStream: boolean;
  duration: number;
}

const dirs: string[] = [];
const running: RunningEmulator[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((e) => e.stop()));
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

async function tempDir(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), "streamkit-seed-"));
  dirs.push(dir);
  return dir;
}

async function start(dataDir: string) {
  const emulator = await startEmulator({ port: 0, dataDir, samples: false, log: false });
  running.push(emulator);
  const base = `${emulator.apiBase}/accounts/${emulator.accountId}/stream`;
  const headers = { authorization: `Bearer ${emulator.token}` };
  const list = async (query: string) => {
    const answer = await fetch(`${base}?${query}`, { headers });
    expect(answer.status).toBe(200);
    return (await answer.json()) as { result: Listed[]; range: number; total?: number };
  };
  return { emulator, base, headers, list };
}

/** Every video through the cursor the hooks use: `before` (or `after` ascending) the last one. */
async function pageThrough(
  list: (query: string) => Promise<{ result: Listed[]; range: number }>,
  limit: number,
  asc = false,
): Promise<Listed[]> {
  const all: Listed[] = [];
  let cursor = "";
  for (;;) {
    const page = await list(`limit=${limit}${asc ? "&asc=true" : ""}${cursor}`);
    all.push(...page.result);
    const last = page.result.at(-1);
    if (page.range <= 0 || !last) return all;
    cursor = `&${asc ? "after" : "before"}=${encodeURIComponent(last.created)}`;
  }
}

describe("seedLibrary", () => {
  it("writes 2,000 videos the emulator lists newest first and pages through exactly", async () => {
    const dataDir = await tempDir();
    const startedAt = performance.now();
    const seeded = await seedLibrary(dataDir, { count: 2_000, unfinished: 40 });
    const seedMs = performance.now() - startedAt;
    // Seconds, not minutes: the files are written in parallel batches.
    expect(seedMs).toBeLessThan(15_000);
    expect(seeded.uids).toHaveLength(2_000);
    expect(new Set(seeded.uids).size).toBe(2_000);
    expect(seeded.uids.every((uid) => /^[0-9a-f]{32}$/.test(uid))).toBe(true);
    expect(seeded.unfinished).toHaveLength(40);
    expect(seeded.nameOf(0)).toBe("Video 0001.mp4");

    const { list } = await start(dataDir);
    const counted = await list("limit=1&include_counts=true");
    expect(counted.total).toBe(2_000);
    expect(counted.range).toBe(1_999);

    const newestFirst = [...seeded.uids].reverse();
    const unfinished = new Set(seeded.unfinished);
    for (const limit of [MAX_LIST_LIMIT, 50]) {
      const videos = await pageThrough(list, limit);
      expect(videos.map((v) => v.uid)).toEqual(newestFirst);
      const created = videos.map((v) => Date.parse(v.created));
      expect(created.every((t, i) => i === 0 || t < (created[i - 1] ?? 0))).toBe(true);
      expect(videos[0]?.meta.name).toBe("Video 2000.mp4");
      expect(videos.at(-1)?.meta.name).toBe("Video 0001.mp4");
      for (const video of videos) {
        if (unfinished.has(video.uid)) {
          // Still waiting after the emulator's start-up recovery, so a page polls it.
          expect(video.status.state).toBe("pendingupload");
          expect(video.readyToStream).toBe(false);
        } else {
          expect(video.status.state).toBe("ready");
          expect(video.readyToStream).toBe(true);
          expect(video.duration).toBeGreaterThan(0);
        }
      }
    }
    expect((await pageThrough(list, MAX_LIST_LIMIT, true)).map((v) => v.uid)).toEqual(seeded.uids);

    // Spread through the list: one in every 50, so every default page of 50 holds one.
    const pages = Array.from({ length: 40 }, (_, p) =>
      newestFirst.slice(p * 50, p * 50 + 50).filter((uid) => unfinished.has(uid)),
    );
    expect(pages.every((page) => page.length === 1)).toBe(true);
    const filtered = await list("status=pendingupload&limit=1000");
    expect(filtered.result.map((v) => v.uid).sort()).toEqual([...seeded.unfinished].sort());
  });

  it("gives ready videos one processed video's media, linked, so delivery serves them", async () => {
    const mediaDir = await tempDir();
    const template = await processedVideo(mediaDir);
    const dataDir = await tempDir();
    const seeded = await seedLibrary(dataDir, { count: 4, unfinished: 1, media: template });
    const { emulator, base, headers } = await start(dataDir);
    const ready = seeded.uids.filter((uid) => !seeded.unfinished.includes(uid));
    for (const uid of ready) {
      const thumbnail = await fetch(`${emulator.deliveryOrigin}/${uid}/thumbnails/thumbnail.jpg`);
      expect(thumbnail.status).toBe(200);
      expect(thumbnail.headers.get("content-type")).toBe("image/jpeg");
      const manifest = await fetch(`${emulator.deliveryOrigin}/${uid}/manifest/video.m3u8`);
      expect(manifest.status).toBe(200);
      expect(await manifest.text()).toContain("#EXTM3U");
    }
    // Made once, in the shared cache, for every video.
    expect(await readdir(path.join(template, "thumbs"))).toHaveLength(1);

    // Deleting a seeded video removes its links, not the processed video's files.
    const [first] = ready;
    const deleted = await fetch(`${base}/${first}`, { method: "DELETE", headers });
    expect(deleted.status).toBe(200);
    expect(await readdir(template)).toEqual(expect.arrayContaining(["hls", "source", "thumbs"]));
    const other = await fetch(`${emulator.deliveryOrigin}/${ready[1]}/thumbnails/thumbnail.jpg`);
    expect(other.status).toBe(200);
  });
});
