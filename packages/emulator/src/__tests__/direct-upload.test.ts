import { readFile, rm } from "node:fs/promises";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { VideoJson } from "../records";
import { json, makeDataDir, startTestEmulator, type TestEmulator } from "./helpers";

const TINY = path.join(import.meta.dirname, "..", "..", "assets", "tiny.mp4");

const running: TestEmulator[] = [];
const dirs: string[] = [];

afterAll(async () => {
  for (const emu of running) await emu.stop();
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

function form(data: Uint8Array): FormData {
  const body = new FormData();
  body.set("file", new Blob([new Uint8Array(data)]), "tiny.mp4");
  return body;
}

async function directUpload(
  emu: TestEmulator,
  body: Record<string, unknown> = {},
): Promise<{ uploadURL: string; uid: string }> {
  const created = await json<{ uploadURL: string; uid: string }>(
    await emu.api("/direct_upload", { method: "POST", body: { maxDurationSeconds: 60, ...body } }),
  );
  expect(created.status).toBe(200);
  return created.body.result;
}

describe("expired direct uploads", () => {
  it("end in error instead of staying pendingupload, and the URL keeps answering 410", async () => {
    const dataDir = await makeDataDir();
    dirs.push(dataDir);
    const first = await startTestEmulator({ dataDir });
    running.push(first);
    const soon = new Date(Date.now() + 700).toISOString();
    const upload = await directUpload(first, { expiry: soon });
    const untouched = await directUpload(first);
    await new Promise((r) => setTimeout(r, 900));
    await first.stop();

    // The sweep runs at start (and every 30 s).
    const second = await startTestEmulator({ dataDir });
    running.push(second);
    const video = (await json<VideoJson>(await second.api(`/${upload.uid}`))).body.result;
    expect(video.status).toMatchObject({ state: "error", errorReasonCode: "ERR_UNKNOWN" });
    expect(video.status?.errorReasonText).toMatch(/expired/);
    expect(second.logs.join("\n")).toContain(`video ${upload.uid} error`);

    const retry = await fetch(`${second.url}/upload/${upload.uid}`, {
      method: "POST",
      body: form(await readFile(TINY)),
    });
    expect(retry.status).toBe(410);
    expect(JSON.stringify(await retry.json())).toMatch(/expired/);

    // One that has not expired is left alone.
    const other = (await json<VideoJson>(await second.api(`/${untouched.uid}`))).body.result;
    expect(other.status?.state).toBe("pendingupload");
  });
});
