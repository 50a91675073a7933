import { readdir, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { VideoJson } from "../records";
import { isTerminal, json, startTestEmulator, type TestEmulator } from "./helpers";

let emu: TestEmulator;

beforeAll(async () => {
  emu = await startTestEmulator();
});

afterAll(async () => {
  await emu?.dispose();
});

/** A ready copy of the 2 s `tiny` sample. */
async function tiny(): Promise<string> {
  const { body } = await json<VideoJson>(
    await emu.api("/copy", { method: "POST", body: { url: `${emu.url}/samples/tiny.mp4` } }),
  );
  const uid = body.result.uid ?? "";
  expect((await emu.waitFor(uid, isTerminal)).status?.state).toBe("ready");
  return uid;
}

const thumbnailFailures = () => emu.logs.filter((line) => line.startsWith("thumbnail for"));

describe("thumbnails of the tiny sample", () => {
  it("a video deleted while its thumbnails are made: 404s, no ffmpeg errors, no directory left", async () => {
    const uid = await tiny();
    const before = thumbnailFailures().length;
    const requests = Array.from({ length: 6 }, (_, i) =>
      fetch(
        `${emu.url}/${uid}/thumbnails/thumbnail.jpg?time=${(i * 0.3).toFixed(1)}s&width=${100 + i * 2}`,
      ),
    );
    await new Promise((r) => setTimeout(r, 5));
    expect((await emu.api(`/${uid}`, { method: "DELETE" })).status).toBe(200);
    const statuses = await Promise.all(requests.map(async (r) => (await r).status));
    for (const status of statuses) expect([200, 404]).toContain(status);
    expect(thumbnailFailures().slice(before)).toEqual([]);
    await new Promise((r) => setTimeout(r, 200));
    await expect(stat(path.join(emu.dataDir, "videos", uid))).rejects.toThrow(/ENOENT/);
  });

  it("a GIF that starts too near the end for its fps still has a frame", async () => {
    const uid = await tiny();
    const response = await fetch(`${emu.url}/${uid}/thumbnails/thumbnail.gif?time=1.9s&fps=1`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("image/gif");
    expect((await response.arrayBuffer()).byteLength).toBeGreaterThan(0);
  });

  it("an ffmpeg failure is logged with the end of its stderr", async () => {
    const uid = await tiny();
    await writeFile(path.join(emu.dataDir, "videos", uid, "source"), Buffer.alloc(4096, 7));
    const response = await fetch(`${emu.url}/${uid}/thumbnails/thumbnail.jpg?width=98`);
    expect(response.status).toBe(500);
    const line = thumbnailFailures().find((l) => l.includes(uid)) ?? "";
    expect(line).toMatch(/ffmpeg exited with \d+; stderr: .*(Invalid data|could not find|moov)/i);
  });
});

describe("stopping while thumbnails are made", () => {
  it("waits for them: after stop() nothing writes under the data directory", async () => {
    const own = await startTestEmulator();
    const { body } = await json<VideoJson>(
      await own.api("/copy", { method: "POST", body: { url: `${own.url}/samples/tiny.mp4` } }),
    );
    const uid = body.result.uid ?? "";
    expect((await own.waitFor(uid, isTerminal)).status?.state).toBe("ready");
    const requests = Array.from({ length: 6 }, (_, i) =>
      fetch(`${own.url}/${uid}/thumbnails/thumbnail.jpg?time=${i * 0.3}s&width=${120 + i * 2}`)
        .then((r) => r.arrayBuffer())
        .catch(() => undefined),
    );
    await new Promise((r) => setTimeout(r, 30));
    await own.dispose(true); // stops, keeps the data directory to look at
    const dir = path.join(own.dataDir, "videos", uid);
    const listing = async () =>
      (await readdir(dir, { recursive: true }).catch(() => [] as string[])).sort();
    const after = await listing();
    // A removal of the data directory now (what a test's cleanup does) does not race a writer.
    expect(after.filter((name) => name.endsWith(".tmp"))).toEqual([]);
    await Promise.all(requests);
    await new Promise((r) => setTimeout(r, 200));
    expect(await listing()).toEqual(after);
    await rm(own.dataDir, { recursive: true, force: true });
  });
});
