import { readFile, rm } from "node:fs/promises";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { VideoJson, VideoRecord } from "../records";
import { isTerminal, json, makeDataDir, startTestEmulator, type TestEmulator } from "./helpers";

const MiB = 1024 * 1024;
const TINY = path.join(import.meta.dirname, "..", "..", "assets", "tiny.mp4");

let dataDir: string;
const running: TestEmulator[] = [];

/** A webhook receiver that fails until told otherwise. */
let answer = 500;
const delivered: string[] = [];
const receiver = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on("data", (chunk: Buffer) => chunks.push(chunk));
  req.on("end", () => {
    if (answer === 200)
      delivered.push((JSON.parse(Buffer.concat(chunks).toString()) as VideoJson).uid ?? "");
    res.writeHead(answer).end();
  });
});

afterAll(async () => {
  await new Promise((resolve) => receiver.close(resolve));
  for (const emu of running) await emu.stop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

async function copy(emu: TestEmulator, sample: string): Promise<string> {
  const { body } = await json<VideoJson>(
    await emu.api("/copy", { method: "POST", body: { url: `${emu.url}/samples/${sample}.mp4` } }),
  );
  return body.result.uid ?? "";
}

async function onDisk(uid: string): Promise<VideoRecord> {
  return JSON.parse(
    await readFile(path.join(dataDir, "videos", uid, "video.json"), "utf8"),
  ) as VideoRecord;
}

describe("restart", () => {
  it("keeps every video and resumes or finishes what was under way", async () => {
    dataDir = await makeDataDir();
    await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
    const hook = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
    // The first delivery fails and its retry is far away: it is still pending at the stop.
    const first = await startTestEmulator({
      dataDir,
      processing: { concurrency: 1 },
      webhooks: { retryDelaysMs: [60_000] },
    });
    running.push(first);
    await first.api("/webhook", { method: "PUT", body: { notificationUrl: hook } });

    const readyUid = await copy(first, "tiny");
    await first.waitFor(readyUid, isTerminal);
    const direct = await json<{ uid: string; uploadURL: string }>(
      await first.api("/direct_upload", { method: "POST", body: { maxDurationSeconds: 60 } }),
    );
    const tusCreate = await fetch(first.stream, {
      method: "POST",
      headers: {
        authorization: `Bearer ${first.token}`,
        "tus-resumable": "1.0.0",
        "upload-length": String(6 * MiB),
      },
    });
    const tusUid = tusCreate.headers.get("stream-media-id") ?? "";
    const tusLocation = tusCreate.headers.get("location") ?? "";
    const firstChunk = await fetch(tusLocation, {
      method: "PATCH",
      headers: {
        authorization: `Bearer ${first.token}`,
        "tus-resumable": "1.0.0",
        "upload-offset": "0",
        "content-type": "application/offset+octet-stream",
      },
      body: new Uint8Array(5 * MiB).fill(1),
    });
    expect(firstChunk.status).toBe(204);

    // Busy: one encode running, the others waiting behind it (concurrency 1).
    const busy = [
      await copy(first, "testsrc2-6s"),
      await copy(first, "testsrc2-6s"),
      await copy(first, "testsrc-4s"),
    ];
    // An MP4 export queued behind the encodes.
    expect((await first.api(`/${readyUid}/downloads`, { method: "POST" })).status).toBe(200);
    await first.waitFor(busy[0] ?? "", (v) => v.status?.state === "inprogress" || isTerminal(v));
    await first.stop();
    running.pop();

    const states = await Promise.all(busy.map(async (uid) => (await onDisk(uid)).state));
    expect(states.some((s) => s === "queued" || s === "inprogress" || s === "downloading")).toBe(
      true,
    );

    expect((await onDisk(readyUid)).webhook?.attempts).toBe(1);

    answer = 200;
    const second = await startTestEmulator({ dataDir, processing: { concurrency: 2 } });
    running.push(second);
    expect(second.url).not.toBe(first.url);

    const list = await json<VideoJson[]>(await second.api("?asc=true"));
    const uids = list.body.result.map((v) => v.uid);
    expect(uids).toEqual([readyUid, direct.body.result.uid, tusUid, ...busy]);

    // Finished work is untouched, with links on the new origin.
    const stillReady = list.body.result[0];
    expect(stillReady?.status?.state).toBe("ready");
    expect(stillReady?.playback?.hls).toBe(
      `${second.deliveryOrigin}/${readyUid}/manifest/video.m3u8`,
    );
    expect((await fetch(stillReady?.playback?.hls ?? "")).status).toBe(200);

    // Interrupted processing runs to the end; nothing stays stuck.
    for (const uid of busy) {
      const done = await second.waitFor(uid, isTerminal, 50_000);
      expect(done.status?.state).toBe("ready");
    }

    // Uploads waiting for bytes still take them, at their new address.
    const form = new FormData();
    form.set("file", new Blob([await readFile(TINY)]), "tiny.mp4");
    const uploadUrl = `${second.url}/upload/${direct.body.result.uid}`;
    expect((await fetch(uploadUrl, { method: "POST", body: form })).status).toBe(200);
    const tusUrl = `${second.url}/tus/${tusUid}`;
    const head = await fetch(tusUrl, {
      method: "HEAD",
      headers: { authorization: `Bearer ${second.token}`, "tus-resumable": "1.0.0" },
    });
    expect(head.headers.get("upload-offset")).toBe(String(5 * MiB));
    const lastChunk = await fetch(tusUrl, {
      method: "PATCH",
      headers: {
        authorization: `Bearer ${second.token}`,
        "tus-resumable": "1.0.0",
        "upload-offset": String(5 * MiB),
        "content-type": "application/offset+octet-stream",
      },
      body: new Uint8Array(MiB).fill(1),
    });
    expect(lastChunk.status).toBe(204);
    expect((await second.waitFor(direct.body.result.uid, isTerminal)).status?.state).toBe("ready");
    // Bytes of zeros are no video: the tus upload ends in error, not in limbo.
    expect((await second.waitFor(tusUid, isTerminal)).status?.errorReasonCode).toBe(
      "ERR_NON_VIDEO",
    );

    // The pending webhook is delivered and the MP4 export finishes.
    const deadline = Date.now() + 30_000;
    let download = "";
    while ((download !== "ready" || !delivered.includes(readyUid)) && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 100));
      download =
        (await json<{ default?: { status: string } }>(await second.api(`/${readyUid}/downloads`)))
          .body.result.default?.status ?? "";
    }
    expect(download).toBe("ready");
    expect(delivered).toContain(readyUid);
  });
});
