import { createHash, randomBytes } from "node:crypto";
import { readFile } from "node:fs/promises";
import path from "node:path";
import Cloudflare from "cloudflare";
import * as tus from "tus-js-client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { VideoJson } from "../records";
import { isTerminal, startTestEmulator, type TestEmulator } from "./helpers";

const MiB = 1024 * 1024;
const TINY = path.join(import.meta.dirname, "..", "..", "assets", "tiny.mp4");

let emu: TestEmulator;

beforeAll(async () => {
  emu = await startTestEmulator();
});

afterAll(async () => {
  await emu?.dispose();
});

const sha256 = (data: Buffer) => createHash("sha256").update(data).digest("hex");
const b64 = (text: string) => Buffer.from(text).toString("base64");

function upload(file: Buffer, options: tus.UploadOptions): Promise<string> {
  return new Promise((resolve, reject) => {
    const task = new tus.Upload(file, {
      retryDelays: [],
      ...options,
      onError: reject,
      onSuccess: () => resolve(task.url ?? ""),
    });
    task.start();
  });
}

/** Opens a tus upload by hand; returns its Location. */
async function create(
  length: number,
  init: { metadata?: string; directUser?: boolean } = {},
): Promise<{ location: string; uid: string; response: Response }> {
  const response = await fetch(`${emu.stream}${init.directUser ? "?direct_user=true" : ""}`, {
    method: "POST",
    headers: {
      authorization: `Bearer ${emu.token}`,
      "tus-resumable": "1.0.0",
      "upload-length": String(length),
      ...(init.metadata ? { "upload-metadata": init.metadata } : {}),
    },
  });
  return {
    location: response.headers.get("location") ?? "",
    uid: response.headers.get("stream-media-id") ?? "",
    response,
  };
}

function patch(
  location: string,
  offset: number,
  body: Buffer,
  headers: Record<string, string> = {},
) {
  return fetch(location, {
    method: "PATCH",
    headers: {
      authorization: `Bearer ${emu.token}`,
      "tus-resumable": "1.0.0",
      "upload-offset": String(offset),
      "content-type": "application/offset+octet-stream",
      ...headers,
    },
    body: new Uint8Array(body),
  });
}

describe("tus uploads", () => {
  it("takes a 12 MiB multi-chunk upload from tus-js-client and stores the exact bytes", async () => {
    // A real video followed by padding: ffprobe reads it, and the size needs three chunks.
    const file = Buffer.concat([await readFile(TINY), randomBytes(12 * MiB)]);
    let chunks = 0;
    let mediaId = "";
    const url = await upload(file, {
      endpoint: emu.stream,
      chunkSize: 5 * MiB,
      headers: { Authorization: `Bearer ${emu.token}` },
      metadata: {
        name: "big upload",
        filetype: "video/mp4",
        MaxDurationSeconds: "600",
        requiresignedurls: "",
      },
      onAfterResponse: (_req, res) => {
        const id = res.getHeader("stream-media-id");
        if (id) mediaId = id;
        if (_req.getMethod() === "PATCH") chunks++;
      },
    });
    expect(chunks).toBe(3);
    expect(mediaId).toMatch(/^[0-9a-f]{32}$/);
    expect(url).toBe(`${emu.url}/tus/${mediaId}`);
    const stored = await readFile(path.join(emu.dataDir, "videos", mediaId, "source"));
    expect(sha256(stored)).toBe(sha256(file));

    const video = await emu.waitFor(mediaId, isTerminal);
    expect(video.status?.state).toBe("ready");
    expect(video.size).toBe(file.length);
    expect(video.meta).toEqual({ name: "big upload", filetype: "video/mp4" });
    expect(video.maxDurationSeconds).toBe(600);
    expect(video.requireSignedURLs).toBe(true);
  });

  it("enforces Stream's chunk rules and the tus protocol", async () => {
    const length = 12 * MiB;
    const { location, uid, response } = await create(length);
    expect(response.status).toBe(201);
    expect(response.headers.get("tus-resumable")).toBe("1.0.0");
    expect(uid).toMatch(/^[0-9a-f]{32}$/);

    const small = await patch(location, 0, Buffer.alloc(MiB));
    expect(small.status).toBe(400);
    expect(await small.text()).toContain("5 MiB");
    const uneven = await patch(location, 0, Buffer.alloc(5 * MiB + 1000));
    expect(uneven.status).toBe(400);
    expect((await patch(location, 7, Buffer.alloc(5 * MiB))).status).toBe(409);
    expect(
      (await patch(location, 0, Buffer.alloc(5 * MiB), { "content-type": "application/json" }))
        .status,
    ).toBe(415);
    expect(
      (await patch(location, 0, Buffer.alloc(5 * MiB), { "tus-resumable": "0.2.2" })).status,
    ).toBe(412);

    // Nothing of the refused chunks was kept.
    const head = await fetch(location, {
      method: "HEAD",
      headers: { authorization: `Bearer ${emu.token}`, "tus-resumable": "1.0.0" },
    });
    expect(head.headers.get("upload-offset")).toBe("0");
    expect(head.headers.get("upload-length")).toBe(String(length));
    expect(head.headers.get("cache-control")).toBe("no-store");

    const ok = await patch(location, 0, Buffer.alloc(5 * MiB));
    expect(ok.status).toBe(204);
    expect(ok.headers.get("upload-offset")).toBe(String(5 * MiB));
    // Without the token, a non-direct upload URL is refused.
    const anonymous = await fetch(location, {
      method: "HEAD",
      headers: { "tus-resumable": "1.0.0" },
    });
    expect(anonymous.status).toBe(401);

    const video = (await (await emu.api(`/${uid}`)).json()) as { result: VideoJson };
    expect(video.result.status?.state).toBe("pendingupload");

    const options = await fetch(location, { method: "OPTIONS" });
    expect(options.status).toBe(204);
    expect(options.headers.get("tus-version")).toBe("1.0.0");
    expect(options.headers.get("tus-extension")).toContain("creation");
  });

  it("parses Upload-Metadata case-insensitively and keeps unknown keys in meta", async () => {
    const metadata = [
      `name ${b64("clip.mov")}`,
      "RequireSignedURLs",
      `allowedOrigins ${b64("example.com,*.example.org")}`,
      `thumbnailTimestampPct ${b64("0.25")}`,
      `filetype ${b64("video/quicktime")}`,
      `relativePath ${b64("null")}`,
    ].join(",");
    const { uid } = await create(1000, { metadata });
    const { result } = (await (await emu.api(`/${uid}`)).json()) as { result: VideoJson };
    expect(result.meta).toEqual({
      name: "clip.mov",
      filetype: "video/quicktime",
      relativePath: "null",
    });
    expect(result.requireSignedURLs).toBe(true);
    expect(result.allowedOrigins).toEqual(["example.com", "*.example.org"]);
    expect(result.thumbnailTimestampPct).toBe(0.25);

    const bad = await create(1000, { metadata: `maxdurationseconds ${b64("99999999")}` });
    expect(bad.response.status).toBe(400);
    const missingLength = await fetch(emu.stream, {
      method: "POST",
      headers: { authorization: `Bearer ${emu.token}`, "tus-resumable": "1.0.0" },
    });
    expect(missingLength.status).toBe(400);
  });

  it("direct_user=true gives a one-time URL usable without the token, e.g. from a browser", async () => {
    const file = await readFile(TINY);
    const { location, uid } = await create(file.length, { directUser: true });
    const preflight = await fetch(location, {
      method: "OPTIONS",
      headers: {
        origin: "http://app.local",
        "access-control-request-method": "PATCH",
        "access-control-request-headers": "tus-resumable,upload-offset,content-type",
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("access-control-allow-origin")).toBe("*");
    expect(preflight.headers.get("access-control-allow-headers")).toContain("upload-offset");

    const url = await upload(file, { uploadUrl: location });
    expect(url).toBe(location);
    const video = await emu.waitFor(uid, isTerminal);
    expect(video.status?.state).toBe("ready");
    expect(Date.parse(video.uploadExpiry ?? "")).toBeGreaterThan(Date.now());

    // Finished: HEAD reports the whole file, PATCH is refused.
    const head = await fetch(location, { method: "HEAD", headers: { "tus-resumable": "1.0.0" } });
    expect(head.headers.get("upload-offset")).toBe(String(file.length));
    expect((await patch(location, file.length, Buffer.alloc(1))).status).toBe(404);
  });

  it("accepts bytes with the creation request and terminates unfinished uploads", async () => {
    const file = await readFile(TINY);
    const response = await fetch(emu.stream, {
      method: "POST",
      headers: {
        authorization: `Bearer ${emu.token}`,
        "tus-resumable": "1.0.0",
        "upload-length": String(file.length),
        "content-type": "application/offset+octet-stream",
      },
      body: new Uint8Array(file),
    });
    expect(response.status).toBe(201);
    expect(response.headers.get("upload-offset")).toBe(String(file.length));
    const uid = response.headers.get("stream-media-id") ?? "";
    expect((await emu.waitFor(uid, isTerminal)).status?.state).toBe("ready");

    const { location, uid: pending } = await create(12 * MiB);
    const headers = { authorization: `Bearer ${emu.token}`, "tus-resumable": "1.0.0" };
    expect((await fetch(location, { method: "DELETE", headers })).status).toBe(204);
    expect((await emu.api(`/${pending}`)).status).toBe(404);
    expect((await fetch(location, { method: "HEAD", headers })).status).toBe(404);
  });

  it("works through the official SDK's tus creation call", async () => {
    const cf = new Cloudflare({ apiToken: emu.token, baseURL: emu.apiBase, maxRetries: 0 });
    const response = await cf.stream
      .create({
        account_id: emu.accountId,
        "Tus-Resumable": "1.0.0",
        "Upload-Length": 4096,
        "Upload-Metadata": `name ${b64("sdk tus")}`,
      })
      .asResponse();
    expect(response.status).toBe(201);
    const uid = response.headers.get("stream-media-id") ?? "";
    expect(response.headers.get("location")).toBe(`${emu.url}/tus/${uid}`);
    expect(response.headers.get("access-control-expose-headers")).toContain("stream-media-id");
    const video = await cf.stream.get(uid, { account_id: emu.accountId });
    expect(video.meta).toEqual({ name: "sdk tus" });
  });
});
