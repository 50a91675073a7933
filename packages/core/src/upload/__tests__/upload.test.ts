// @vitest-environment node
// Node has File, Blob and fetch but no XMLHttpRequest: the portable transport (fetch with streamed
// bodies) is what runs here; the XHR one runs in Chromium (stories, e2e).
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { StreamApiError, StreamNetworkError, StreamValidationError } from "../../errors";
import type { UploadSnapshot, UploadState } from "../state";
import { createMemoryUrlStorage, fingerprintOf } from "../storage";
import { createUpload } from "../upload";
import { deferred, fakeStream, ORIGIN, uid } from "./fakeStream";

const MiB = 1024 * 1024;
const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterAll(() => server.close());
afterEach(() => server.resetHandlers());

function stream() {
  const fake = fakeStream();
  server.use(...fake.handlers);
  return fake;
}

const video = (size = 1000, name = "clip.mp4") =>
  new File([new Uint8Array(size)], name, { type: "video/mp4", lastModified: 42 });

function statesOf(upload: { on(e: "state", l: (s: UploadSnapshot) => void): void }) {
  const states: UploadState[] = [];
  upload.on("state", (s) => {
    if (states.at(-1) !== s.state) states.push(s.state);
  });
  return states;
}

describe("StreamUpload (basic)", () => {
  it("validates, asks the proxy for a one-time URL with a close maxDurationSeconds, and posts the file", async () => {
    const fake = stream();
    const upload = createUpload(video(3000), {
      client: fake.client,
      readDuration: async () => 12.2,
      meta: { project: "x" },
      creator: "alice",
    });
    const states = statesOf(upload);
    const result = await upload.start();
    expect(states).toEqual(["validating", "queued", "uploading", "processing"]);
    expect(fake.createDirectUpload).toHaveBeenCalledWith({
      maxDurationSeconds: 18,
      meta: { project: "x", name: "clip.mp4" },
      creator: "alice",
    });
    expect(result).toEqual({
      uid: expect.any(String),
      protocol: "basic",
      bytes: 3000,
      durationSeconds: 12.2,
      resumed: false,
    });
    expect(fake.basic.get(result.uid)).toMatchObject({ bytes: 3000, used: true });
    expect(upload.snapshot).toMatchObject({ bytesUploaded: 3000, bytesTotal: 3000 });
  });

  it("refuses before any request: no client call, state error, a typed error", async () => {
    const fake = stream();
    const upload = createUpload(new File(["x"], "a.txt", { type: "text/plain" }), {
      client: fake.client,
    });
    await expect(upload.start()).rejects.toBeInstanceOf(StreamValidationError);
    expect(upload.snapshot.error).toMatchObject({ field: "type" });
    expect(upload.state).toBe("error");
    await expect(upload.retry()).rejects.toBeInstanceOf(StreamValidationError); // nothing to retry
    expect(fake.createDirectUpload).not.toHaveBeenCalled();
    const tooLong = createUpload(video(), {
      client: fake.client,
      maxDurationSeconds: 10,
      readDuration: async () => 10.5,
    });
    await expect(tooLong.validate()).rejects.toMatchObject({ field: "duration" });
    expect(fake.createDirectUpload).not.toHaveBeenCalled();
  });

  it("refuses a basic upload over 200 MB and bad options at once", () => {
    const fake = stream();
    const big = { size: 200_000_001, type: "video/mp4" } as Blob;
    Object.setPrototypeOf(big, Blob.prototype);
    expect(() => createUpload(video(), { client: fake.client, maxDurationSeconds: 0 })).toThrow(
      StreamValidationError,
    );
    expect(() => createUpload("nope" as unknown as Blob, { client: fake.client })).toThrow(
      "file: expected a File or a Blob",
    );
  });

  it("retries a failed POST with backoff, then succeeds", async () => {
    const fake = stream();
    fake.basicFailures.push(503, "network");
    const upload = createUpload(video(), {
      client: fake.client,
      readDuration: false,
      retryDelays: [5, 5, 5],
    });
    const result = await upload.start();
    expect(fake.basic.get(result.uid)?.used).toBe(true);
    expect(fake.createDirectUpload).toHaveBeenCalledTimes(1);
  });

  it("asks the proxy again when it was unreachable or busy, not after an answer", async () => {
    const fake = stream();
    const real = fake.createDirectUpload.getMockImplementation()!;
    fake.createDirectUpload
      .mockRejectedValueOnce(new StreamNetworkError("fetch", "connection refused"))
      .mockRejectedValueOnce(new StreamApiError(503, []))
      .mockImplementation(real);
    const upload = createUpload(video(), {
      client: fake.client,
      readDuration: false,
      retryDelays: [1, 1],
    });
    await expect(upload.start()).resolves.toMatchObject({ protocol: "basic" });
    expect(fake.createDirectUpload).toHaveBeenCalledTimes(3);

    fake.createDirectUpload.mockRejectedValueOnce(new StreamApiError(400, []));
    const refused = createUpload(video(), { client: fake.client, retryDelays: [1, 1] });
    await expect(refused.start()).rejects.toMatchObject({ status: 400 });
    expect(fake.createDirectUpload).toHaveBeenCalledTimes(4);
  });

  it("gives StreamNetworkError when the retries run out, StreamApiError for a 4xx at once", async () => {
    const fake = stream();
    fake.basicFailures.push("network", "network", "network");
    const lost = createUpload(video(), { client: fake.client, retryDelays: [1, 1] });
    await expect(lost.start()).rejects.toBeInstanceOf(StreamNetworkError);
    expect(lost.snapshot.error?.message).toMatch(/lost its connection and 2 retries/);

    fake.basicFailures.length = 0;
    fake.basicFailures.push(413);
    const big = createUpload(video(), { client: fake.client, retryDelays: [1, 1] });
    const error = await big.start().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StreamApiError);
    expect(error).toMatchObject({ status: 413 });
    expect(fake.basicFailures).toEqual([]); // not retried
  });

  it("explains an expired link and gets a new one on retry, deleting the stale video", async () => {
    const fake = stream();
    fake.basicFailures.push(410);
    const upload = createUpload(video(), { client: fake.client, retryDelays: [] });
    const error = await upload.start().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StreamApiError);
    expect((error as Error).message).toBe(
      "The upload link expired (injected). Retry the upload to ask for a new link.",
    );
    const stale = upload.snapshot.uid;
    await vi.waitFor(() => expect(fake.deleted).toEqual([stale]));
    const result = await upload.retry();
    expect(result.uid).not.toBe(stale);
    expect(fake.createDirectUpload).toHaveBeenCalledTimes(2);
  });

  it("a retry that finds its link used by an earlier, lost attempt counts as done", async () => {
    const fake = stream();
    const upload = createUpload(video(), { client: fake.client, retryDelays: [1] });
    // The first POST lands, but its answer is lost; the retry then gets 409.
    server.use(
      ...[
        (await import("msw")).http.post(`${ORIGIN}/upload/:id`, async ({ params, request }) => {
          const record = fake.basic.get(String(params.id));
          if (record && !record.used) {
            await request.arrayBuffer();
            record.used = true;
            return (await import("msw")).HttpResponse.error();
          }
          return (await import("msw")).HttpResponse.json({ success: false }, { status: 409 });
        }),
      ],
    );
    await expect(upload.start()).resolves.toMatchObject({ protocol: "basic" });
  });

  it("asks again when the link is still held for its own broken-off attempt", async () => {
    const fake = stream();
    const upload = createUpload(video(), { client: fake.client, retryDelays: [1, 1, 1] });
    const { http, HttpResponse } = await import("msw");
    let posts = 0;
    // The first attempt breaks off; the server has not noticed yet and answers the retry 409
    // (the video is still waiting for its upload); the next retry goes through.
    server.use(
      http.post(`${ORIGIN}/upload/:id`, async ({ params, request }) => {
        posts += 1;
        if (posts === 1) return HttpResponse.error();
        if (posts === 2)
          return HttpResponse.json(
            { success: false, errors: [{ code: 10011, message: "busy" }] },
            { status: 409 },
          );
        const record = fake.basic.get(String(params.id));
        await request.arrayBuffer();
        if (record) record.used = true;
        return new HttpResponse(null, { status: 200 });
      }),
    );
    await expect(upload.start()).resolves.toMatchObject({ protocol: "basic" });
    expect(posts).toBe(3);
  });

  it("a first answer of 409 with nothing landed is a typed error, not a loop", async () => {
    const fake = stream();
    const upload = createUpload(video(), { client: fake.client, retryDelays: [1, 1, 1] });
    const { http, HttpResponse } = await import("msw");
    let posts = 0;
    server.use(
      http.post(`${ORIGIN}/upload/:id`, () => {
        posts += 1;
        return HttpResponse.json(
          { success: false, errors: [{ code: 10011, message: "used" }] },
          { status: 409 },
        );
      }),
    );
    await expect(upload.start()).rejects.toMatchObject({ status: 409 });
    expect(posts).toBe(1);
  });

  it("pauses while the target is created, sends nothing until resumed", async () => {
    const fake = stream();
    const created = deferred<void>();
    const real = fake.createDirectUpload.getMockImplementation();
    fake.createDirectUpload.mockImplementation(async (body) => {
      await created.promise;
      return real!(body);
    });
    const release = fake.hold();
    const upload = createUpload(video(), { client: fake.client, readDuration: false });
    const done = upload.start();
    await vi.waitFor(() => expect(upload.state).toBe("uploading"));
    upload.pause();
    expect(upload.state).toBe("paused");
    created.resolve();
    await new Promise((resolve) => setTimeout(resolve, 20));
    const id = upload.snapshot.uid as string;
    expect(fake.basic.get(id)?.used).toBe(false);
    release();
    upload.resume();
    expect(upload.state).toBe("uploading");
    await expect(done).resolves.toMatchObject({ uid: id });
  });

  it("cancel during creation: cancelled at once, the video deleted when it arrives", async () => {
    const fake = stream();
    const created = deferred<void>();
    const real = fake.createDirectUpload.getMockImplementation();
    fake.createDirectUpload.mockImplementation(async (body) => {
      await created.promise;
      return real!(body);
    });
    const upload = createUpload(video(), { client: fake.client, readDuration: false });
    const states = statesOf(upload);
    const done = upload.start().catch((e: unknown) => e);
    await vi.waitFor(() => expect(fake.createDirectUpload).toHaveBeenCalled());
    const cancelled = upload.cancel();
    expect(upload.state).toBe("cancelled");
    created.resolve();
    await cancelled;
    expect(await done).toMatchObject({ name: "AbortError" });
    expect(fake.deleted).toEqual([upload.snapshot.uid ?? expect.any(String)]);
    expect([...fake.basic.values()].every((b) => !b.used)).toBe(true);
    expect(states.at(-1)).toBe("cancelled");
    upload.resume();
    upload.pause();
    expect(upload.state).toBe("cancelled");
  });
});

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
