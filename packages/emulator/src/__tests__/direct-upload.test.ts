import { readFile, rm } from "node:fs/promises";
import { request } from "node:http";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { VideoJson } from "../records";
import { isTerminal, json, makeDataDir, startTestEmulator, type TestEmulator } from "./helpers";

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

/** Starts a multipart POST that sends its head and part of the file, then waits. */
function startSlowUpload(url: string, head: Buffer, declaredLength?: number) {
  const boundary = "----streamkit-slow-upload";
  const req = request(url, {
    method: "POST",
    headers: {
      "content-type": `multipart/form-data; boundary=${boundary}`,
      ...(declaredLength ? { "content-length": String(declaredLength) } : {}),
    },
  });
  const answer = new Promise<number>((resolve, reject) => {
    req.on("response", (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on("error", reject);
  });
  req.write(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="tiny.mp4"\r\n` +
      "Content-Type: video/mp4\r\n\r\n",
  );
  req.write(head);
  return { req, answer };
}

describe("concurrent uploads to one direct upload URL", () => {
  it.each([
    ["chunked", undefined],
    ["with Content-Length", 64 * 1024],
  ])(
    "refuse a second POST while the first runs, and free the URL when the first breaks off (%s)",
    async (_, declaredLength) => {
      const emu = await startTestEmulator();
      running.push(emu);
      const tiny = await readFile(TINY);
      const upload = await directUpload(emu);

      const slow = startSlowUpload(upload.uploadURL, tiny.subarray(0, 4096), declaredLength);
      slow.answer.catch(() => {});
      // Let the first request reach the handler.
      await new Promise((r) => setTimeout(r, 300));
      const second = await fetch(upload.uploadURL, { method: "POST", body: form(tiny) });
      expect(second.status).toBe(409);
      expect(JSON.stringify(await second.json())).toMatch(/already receiving/);
      const pending = (await json<VideoJson>(await emu.api(`/${upload.uid}`))).body.result;
      expect(pending.status?.state).toBe("pendingupload");

      // The first attempt dies half-way: the URL is free again, and a retry succeeds.
      slow.req.destroy();
      let retry = 0;
      for (let i = 0; i < 30 && retry !== 200; i++) {
        await new Promise((r) => setTimeout(r, 100));
        retry = (await fetch(upload.uploadURL, { method: "POST", body: form(tiny) })).status;
        expect([200, 409]).toContain(retry);
      }
      expect(retry).toBe(200);
      const video = await emu.waitFor(upload.uid, isTerminal);
      expect(video.status?.state).toBe("ready");
      expect(video.size).toBe(tiny.length);
      // Used up now.
      expect((await fetch(upload.uploadURL, { method: "POST", body: form(tiny) })).status).toBe(
        409,
      );
    },
  );
});
