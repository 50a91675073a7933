import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { VideoJson } from "../records";
import { isTerminal, json, startTestEmulator, type TestEmulator } from "./helpers";

let emu: TestEmulator;

interface Usage {
  creator?: string;
  totalStorageMinutes: number;
  totalStorageMinutesLimit: number;
  videoCount: number;
}

beforeAll(async () => {
  emu = await startTestEmulator();
});

afterAll(async () => {
  await emu?.dispose();
});

const usage = async (creator?: string) =>
  (await json<Usage>(await emu.api(`/storage-usage${creator ? `?creator=${creator}` : ""}`))).body
    .result;

async function copy(sample: string, creator: string): Promise<VideoJson> {
  const { body } = await json<VideoJson>(
    await emu.api("/copy", {
      method: "POST",
      body: { url: `${emu.url}/samples/${sample}.mp4`, creator },
    }),
  );
  return emu.waitFor(body.result.uid ?? "", isTerminal);
}

describe("storage usage", () => {
  it("counts what is stored, per creator, with direct uploads reserving their maximum", async () => {
    expect(await usage()).toEqual({
      totalStorageMinutes: 0,
      totalStorageMinutesLimit: 100_000,
      videoCount: 0,
    });
    const a = await copy("tiny", "ann");
    const b = await copy("testsrc-4s", "ann");
    const c = await copy("tiny", "ben");
    const minutes = (seconds: number) => Math.round((seconds / 60) * 1000) / 1000;
    const ann = await usage("ann");
    expect(ann).toMatchObject({ creator: "ann", videoCount: 2 });
    expect(ann.totalStorageMinutes).toBeCloseTo(minutes((a.duration ?? 0) + (b.duration ?? 0)), 2);
    const ben = await usage("ben");
    expect(ben).toMatchObject({ creator: "ben", videoCount: 1 });
    expect(ben.totalStorageMinutes).toBeCloseTo(minutes(c.duration ?? 0), 2);
    expect(await usage("nobody")).toMatchObject({ videoCount: 0, totalStorageMinutes: 0 });

    // A direct upload waiting for its file holds its maxDurationSeconds.
    const direct = await json<{ uid: string }>(
      await emu.api("/direct_upload", {
        method: "POST",
        body: { maxDurationSeconds: 600, creator: "ben" },
      }),
    );
    const reserved = await usage("ben");
    expect(reserved.videoCount).toBe(2);
    expect(reserved.totalStorageMinutes).toBeCloseTo(minutes((c.duration ?? 0) + 600), 2);
    const all = await usage();
    expect(all.creator).toBeUndefined();
    expect(all.videoCount).toBe(4);

    // Deleted videos free their minutes.
    await emu.api(`/${direct.body.result.uid}`, { method: "DELETE" });
    await emu.api(`/${a.uid}`, { method: "DELETE" });
    expect((await usage("ben")).totalStorageMinutes).toBeCloseTo(minutes(c.duration ?? 0), 2);
    expect((await usage("ann")).videoCount).toBe(1);
  });
});
