import path from "node:path";
import { afterAll, beforeAll } from "vitest";
import type { VideoJson } from "../records";
import { isTerminal, json, startTestEmulator, type TestEmulator } from "./helpers";

/** What the API tests share: one emulator and a video it has processed. */

export const TINY = path.join(import.meta.dirname, "..", "..", "assets", "tiny.mp4");

/** The emulator of the test file that called `serveApiEmulator`, and a processed video on it. */
export let emu: TestEmulator;
export let ready: VideoJson;

export function form(data: Uint8Array | string, name = "file.bin", field = "file"): FormData {
  const body = new FormData();
  body.set(field, new Blob([typeof data === "string" ? data : new Uint8Array(data)]), name);
  return body;
}

/** One emulator per test file, with a small basic-upload limit and a ready video. */
export function serveApiEmulator(): void {
  beforeAll(async () => {
    emu = await startTestEmulator({ limits: { basicUploadBytes: 64 * 1024 } });
    const { body } = await json<VideoJson>(
      await emu.api("/copy", {
        method: "POST",
        body: { url: `${emu.url}/samples/tiny.mp4`, meta: { name: "fixture" } },
      }),
    );
    ready = await emu.waitFor(body.result.uid ?? "", isTerminal);
  });

  afterAll(async () => {
    await emu?.dispose();
  });
}
