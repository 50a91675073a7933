// @vitest-environment node
// Node has File, Blob and fetch but no XMLHttpRequest: the portable transport (fetch with streamed
// bodies) is what runs here; the XHR one runs in Chromium (stories, e2e).
import { makeUid as uid } from "@streamkit/test-utils";
import { UPLOAD_ORIGIN as ORIGIN } from "@streamkit/test-utils/vitest";
import { describe, expect, it, vi } from "vitest";
import { StreamApiError, StreamNetworkError, StreamValidationError } from "../../errors";
import { createMemoryUrlStorage, fingerprintOf } from "../storage";
import { createUpload } from "../upload";
import { MiB, server, serveUploads, stream, video } from "./uploadSetup";

serveUploads();

describe("StreamUpload (tus)", () => {
  it("creates the upload through the proxy and PATCHes Stream-sized chunks", async () => {
    const fake = stream();
    const file = video(12 * MiB, "big.mov");
    const upload = createUpload(file, {
      client: fake.client,
      protocol: "tus",
      chunkSize: 5 * MiB,
      readDuration: async () => 100,
      requireSignedURLs: true,
      creator: "bob",
      urlStorage: createMemoryUrlStorage(),
      meta: { project: "p1" },
    });
    const progress: number[] = [];
    upload.on("progress", (s) => progress.push(s.bytesUploaded));
    const result = await upload.start();
    const record = fake.tus.get(result.uid);
    expect(record?.patches).toEqual([5 * MiB, 5 * MiB, 2 * MiB]);
    expect(record?.offset).toBe(12 * MiB);
    expect(record?.creator).toBe("bob");
    expect(record?.metadata).toBe(
      `project ${btoa("p1")},name ${btoa("big.mov")},maxdurationseconds ${btoa("105")},requiresignedurls`,
    );
    expect(progress.at(-1)).toBe(12 * MiB);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
  });

  it("resumes an upload remembered from an earlier visit", async () => {
    const fake = stream();
    const storage = createMemoryUrlStorage();
    const file = video(12 * MiB);
    const id = uid();
    fake.tus.set(id, {
      length: file.size,
      offset: 5 * MiB,
      metadata: null,
      creator: null,
      patches: [],
    });
    await storage.addUpload(fingerprintOf(file, fake.client.baseUrl) as string, {
      size: file.size,
      metadata: { streamMediaId: id, filename: file.name },
      creationTime: new Date().toString(),
      uploadUrl: `${ORIGIN}/tus/${id}`,
    });
    const upload = createUpload(file, {
      client: fake.client,
      protocol: "tus",
      chunkSize: 5 * MiB,
      urlStorage: storage,
      readDuration: false,
    });
    const result = await upload.start();
    expect(result).toMatchObject({ uid: id, resumed: true });
    expect(fake.request).not.toHaveBeenCalled();
    expect(fake.tus.get(id)?.patches).toEqual([5 * MiB, 2 * MiB]);
    expect(await storage.findAllUploads()).toEqual([]);
  });

  it("starts afresh when the remembered upload is gone, deleting its video", async () => {
    const fake = stream();
    const storage = createMemoryUrlStorage();
    const file = video(6 * MiB);
    await storage.addUpload(fingerprintOf(file, fake.client.baseUrl) as string, {
      size: file.size,
      metadata: { streamMediaId: "f".repeat(32) },
      creationTime: new Date().toString(),
      uploadUrl: `${ORIGIN}/tus/${"f".repeat(32)}`,
    });
    const upload = createUpload(file, {
      client: fake.client,
      protocol: "tus",
      urlStorage: storage,
      readDuration: false,
      retryDelays: [],
    });
    const result = await upload.start();
    expect(result.resumed).toBe(false);
    expect(result.uid).not.toBe("f".repeat(32));
    expect(fake.request).toHaveBeenCalledTimes(1);
    await vi.waitFor(() => expect(fake.deleted).toContain("f".repeat(32)));
  });

  it("cancel terminates the tus upload and deletes the video", async () => {
    const fake = stream();
    const release = fake.hold();
    const upload = createUpload(video(12 * MiB), {
      client: fake.client,
      protocol: "tus",
      chunkSize: 5 * MiB,
      readDuration: false,
    });
    const done = upload.start().catch((e: unknown) => e);
    await vi.waitFor(() => expect(upload.snapshot.uid).toBeDefined());
    const id = upload.snapshot.uid as string;
    await upload.cancel();
    release();
    expect(await done).toMatchObject({ name: "AbortError" });
    expect(fake.terminated).toEqual([id]);
    expect(fake.deleted).toEqual([id]);
  });

  it("refuses meta keys Stream would read as settings, before any request", async () => {
    const fake = stream();
    // `RequireSignedURLs` in meta would have made a public video private (or the reverse).
    const upload = createUpload(video(), {
      client: fake.client,
      protocol: "tus",
      readDuration: false,
      meta: { RequireSignedURLs: "1" },
      urlStorage: createMemoryUrlStorage(),
    });
    const error = await upload.start().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StreamValidationError);
    expect((error as StreamValidationError).field).toBe("meta.RequireSignedURLs");
    expect(fake.request).not.toHaveBeenCalled();
    expect(fake.tus.size).toBe(0);
  });

  it("reports a proxy that hides Location and stream-media-id", async () => {
    const fake = stream();
    fake.request.mockImplementation(async () => ({
      result: null,
      success: true,
      errors: [],
      messages: [],
    }));
    const upload = createUpload(video(), { client: fake.client, protocol: "tus" });
    const error = await upload.start().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StreamNetworkError);
    expect((error as Error).message).toMatch(/without Location and stream-media-id/);
  });

  it("an expired tus link is a clear StreamApiError", async () => {
    const fake = stream();
    const { http, HttpResponse } = await import("msw");
    server.use(
      http.patch(`${ORIGIN}/tus/:id`, () =>
        HttpResponse.json(
          { success: false, errors: [{ code: 10011, message: "This upload URL has expired." }] },
          { status: 410 },
        ),
      ),
    );
    const upload = createUpload(video(), {
      client: fake.client,
      protocol: "tus",
      readDuration: false,
      retryDelays: [1],
    });
    const error = await upload.start().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StreamApiError);
    expect(error).toMatchObject({ status: 410 });
    expect((error as Error).message).toMatch(
      /^The upload link expired \(This upload URL has expired\.\)/,
    );
  });
});
