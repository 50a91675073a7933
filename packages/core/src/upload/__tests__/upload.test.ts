// @vitest-environment node
// Node has File, Blob and fetch but no XMLHttpRequest: the portable transport (fetch with streamed
// bodies) is what runs here; the XHR one runs in Chromium (stories, e2e).
import { deferred } from "@streamkit/test-utils/vitest";
import { describe, expect, it, vi } from "vitest";
import { StreamApiError, StreamNetworkError, StreamValidationError } from "../../errors";
import { createUpload } from "../upload";
import { serveUploads, statesOf, stream, video } from "./uploadSetup";

serveUploads();

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
