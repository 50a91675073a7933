import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import {
  createStreamClient,
  isTerminal,
  StreamApiError,
  type StreamClient,
  StreamNetworkError,
  StreamValidationError,
} from "@streamkit/core";
import {
  createMemoryUrlStorage,
  createUpload,
  maxDurationFor,
  readIsoBmffDuration,
  type UploadSnapshot,
  type UploadState,
} from "@streamkit/core/upload";
import {
  fileFromDisk,
  makeVideoFile,
  type Relay,
  sha256File,
  startRelay,
  startStack,
  UPLOAD_STACK,
  type Stack as UploadStack,
} from "@streamkit/test-utils/stack";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

const MB = 1_000_000;
const MiB = 1024 * 1024;
/** Short waits between retries: the tests break connections on purpose. */
const FAST_RETRIES = [50, 100, 200, 400, 800];

let stack: UploadStack;
let dir: string;
let small: string; // 3 MB
let large: string; // 60 MB

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "streamkit-upload-files-"));
  [stack, small, large] = await Promise.all([
    startStack(UPLOAD_STACK),
    makeVideoFile(dir, "small.mp4", 3 * MB),
    makeVideoFile(dir, "large.mp4", 60 * MB),
  ]);
}, 120_000);

afterAll(async () => {
  await stack?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

function record(upload: { on(e: "state" | "progress", l: (s: UploadSnapshot) => void): void }) {
  const states: UploadState[] = [];
  const bytes: number[] = [];
  upload.on("state", (s) => {
    if (states.at(-1) !== s.state) states.push(s.state);
  });
  upload.on("progress", (s) => bytes.push(s.bytesUploaded));
  return { states, bytes };
}

/** Resolves when `predicate` holds for a snapshot of `upload`. */
function when(
  upload: { on(e: "state" | "progress", l: (s: UploadSnapshot) => void): () => void },
  predicate: (s: UploadSnapshot) => boolean,
): Promise<UploadSnapshot> {
  return new Promise((resolve) => {
    const offs: (() => void)[] = [];
    const check = (s: UploadSnapshot) => {
      if (!predicate(s)) return;
      for (const off of offs) off();
      resolve(s);
    };
    offs.push(upload.on("state", check), upload.on("progress", check));
  });
}

async function expectStoredExactly(uid: string, source: string, on = stack) {
  expect(await sha256File(on.sourcePath(uid))).toBe(await sha256File(source));
}

describe("direct creator uploads through the proxy to the emulator", () => {
  it("sends a 3 MB file with one basic POST, and it reaches ready with the exact bytes", async () => {
    const file = await fileFromDisk(small);
    const upload = createUpload(file, { client: stack.client, retryDelays: FAST_RETRIES });
    const seen = record(upload);
    const result = await upload.start();
    expect(result).toMatchObject({ protocol: "basic", bytes: 3 * MB, resumed: false });
    expect(seen.states).toEqual(["validating", "queued", "uploading", "processing"]);
    expect(seen.bytes.at(-1)).toBe(3 * MB);
    expect(seen.bytes).toEqual([...seen.bytes].sort((a, b) => a - b));
    expect(
      stack.proxyRequests.filter((r) => r.startsWith("POST /api/stream/direct_upload")),
    ).toHaveLength(1);
    await expectStoredExactly(result.uid, small);
    const video = await stack.waitFor(result.uid, isTerminal);
    expect(video.status?.state).toBe("ready");
    expect(video.meta?.name).toBe("small.mp4");
    expect(video.size).toBe(3 * MB);
  });

  it("sends a 60 MB file with tus in Stream-sized chunks, and it reaches ready with the exact bytes", async () => {
    const file = await fileFromDisk(large);
    const upload = createUpload(file, {
      client: stack.client,
      protocol: "tus",
      retryDelays: FAST_RETRIES,
    });
    const seen = record(upload);
    const result = await upload.start();
    expect(result).toMatchObject({ protocol: "tus", bytes: 60 * MB });
    expect(seen.states).toEqual(["validating", "queued", "uploading", "processing"]);
    expect(seen.bytes.at(-1)).toBe(60 * MB);
    await expectStoredExactly(result.uid, large);
    const video = await stack.waitFor(result.uid, isTerminal);
    expect(video.status?.state).toBe("ready");
    expect(video.meta?.name).toBe("large.mp4");
    // The duration comes from the MP4's own header (no DOM needed): a close ceiling is
    // reserved, as in a browser, not Stream's 36,000 s.
    const seconds = await readIsoBmffDuration(file);
    expect(seconds).toBeGreaterThan(0);
    expect(video.maxDurationSeconds).toBe(maxDurationFor(seconds, undefined));
  });
});

async function freePort(): Promise<number> {
  const { createServer } = await import("node:net");
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

describe("a connection that keeps dropping", () => {
  let flaky: UploadStack;
  let relay: Relay;

  beforeAll(async () => {
    // Upload URLs point at the relay (the emulator's public URL), which cuts three connections
    // after 3 MiB each went through it, mid-PATCH.
    relay = await startRelay({ cutAfterBytes: 3 * MiB, cuts: 3 });
    const port = await freePort();
    relay.target = port;
    // The proxy talks to the emulator directly; only the bytes go through the relay.
    flaky = await startStack({
      emulator: { ...UPLOAD_STACK.emulator, port, publicUrl: `http://127.0.0.1:${relay.port}` },
      upstream: `http://127.0.0.1:${port}/client/v4`,
    });
  });

  afterAll(async () => {
    await relay?.close();
    await flaky?.stop();
  });

  it("resumes tus from the server's offset after each cut, and the stored bytes still match", async () => {
    const file = await fileFromDisk(large);
    const upload = createUpload(file, {
      client: flaky.client,
      protocol: "tus",
      chunkSize: 8 * MiB,
      retryDelays: FAST_RETRIES,
    });
    const seen = record(upload);
    const result = await upload.start();
    expect(relay.cuts).toBe(3);
    // Progress stepped back to the server's offset after each cut, then went on.
    const steps = seen.bytes.filter((b, i) => i > 0 && b < (seen.bytes[i - 1] ?? 0));
    expect(steps.length).toBeGreaterThanOrEqual(1);
    expect(seen.states).not.toContain("error");
    await expectStoredExactly(result.uid, large, flaky);
    expect((await flaky.waitFor(result.uid, isTerminal)).status?.state).toBe("ready");
  });

  it("gives up with StreamNetworkError when the connection never comes back", async () => {
    const file = await fileFromDisk(small);
    const dead: StreamClient = createStreamClient({ baseUrl: flaky.baseUrl });
    relay.setDown(true);
    try {
      for (const protocol of ["basic", "tus"] as const) {
        const upload = createUpload(file, { client: dead, protocol, retryDelays: [10, 10] });
        const error = await upload.start().catch((e: unknown) => e);
        expect(error, protocol).toBeInstanceOf(StreamNetworkError);
        expect((error as Error).message).toMatch(/lost its connection and 2 retries/);
        expect(upload.state).toBe("error");
      }
    } finally {
      relay.setDown(false);
    }
  });
});

describe("pause, resume, reload, cancel", () => {
  it("pauses a tus upload (no bytes move) and resumes from the server's offset", async () => {
    const file = await fileFromDisk(large);
    const upload = createUpload(file, {
      client: stack.client,
      protocol: "tus",
      chunkSize: 5 * MiB,
      retryDelays: FAST_RETRIES,
    });
    const done = upload.start();
    await when(upload, (s) => s.bytesUploaded > 12 * MiB);
    upload.pause();
    expect(upload.state).toBe("paused");
    const uid = upload.snapshot.uid as string;
    await new Promise((resolve) => setTimeout(resolve, 300));
    const offset = await tusOffset(uid);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await tusOffset(uid)).toBe(offset); // nothing moves while paused
    expect(offset).toBeGreaterThanOrEqual(10 * MiB);
    expect(offset).toBeLessThan(60 * MB);
    upload.resume();
    expect(upload.state).toBe("uploading");
    const result = await done;
    expect(result.uid).toBe(uid);
    await expectStoredExactly(uid, large);
  });

  it("pauses a basic upload and sends it again from the start on resume", async () => {
    const file = await fileFromDisk(small);
    const upload = createUpload(file, { client: stack.client, retryDelays: FAST_RETRIES });
    const done = upload.start();
    await when(upload, (s) => s.state === "uploading");
    upload.pause();
    await new Promise((resolve) => setTimeout(resolve, 100));
    upload.resume();
    const result = await done;
    await expectStoredExactly(result.uid, small);
  });

  it("continues after a page reload: a new engine with the same file finds the tus upload", async () => {
    const storage = createMemoryUrlStorage(); // localStorage in a browser
    const options = {
      client: stack.client,
      protocol: "tus" as const,
      chunkSize: 5 * MiB,
      retryDelays: FAST_RETRIES,
      urlStorage: storage,
    };
    const first = createUpload(await fileFromDisk(large), options);
    void first.start().catch(() => {});
    await when(first, (s) => s.bytesUploaded > 20 * MiB);
    first.pause(); // the page goes away: no cancel, nothing deleted
    const uid = first.snapshot.uid as string;
    expect((await storage.findAllUploads()).map((u) => u.metadata.streamMediaId)).toEqual([uid]);
    const offset = await tusOffset(uid);
    expect(offset).toBeGreaterThan(0);

    // "After the reload": a new File object for the same file on disk, a new engine.
    const second = createUpload(await fileFromDisk(large), options);
    const seen = record(second);
    const result = await second.start();
    expect(result).toMatchObject({ uid, resumed: true });
    expect(Math.min(...seen.bytes.filter((b) => b > 0))).toBeGreaterThanOrEqual(offset);
    expect(await storage.findAllUploads()).toEqual([]); // forgotten once done
    await expectStoredExactly(uid, large);
  });

  it("cancels a tus upload: terminated, deleted, no partial file left", async () => {
    const upload = createUpload(await fileFromDisk(large), {
      client: stack.client,
      protocol: "tus",
      chunkSize: 5 * MiB,
      retryDelays: FAST_RETRIES,
    });
    const done = upload.start().catch((e: unknown) => e);
    await when(upload, (s) => s.bytesUploaded > 10 * MiB);
    const uid = upload.snapshot.uid as string;
    expect(existsSync(stack.videoDir(uid))).toBe(true);
    await upload.cancel();
    expect(upload.state).toBe("cancelled");
    expect(await done).toMatchObject({ name: "AbortError" });
    const { videos } = await stack.client.listVideos();
    expect(videos.map((v) => v.uid)).not.toContain(uid);
    expect(existsSync(stack.videoDir(uid))).toBe(false);
  });

  it("cancels a basic upload: the pendingupload video is deleted through the proxy", async () => {
    const upload = createUpload(await fileFromDisk(small), { client: stack.client });
    const done = upload.start().catch((e: unknown) => e);
    await when(upload, (s) => s.state === "uploading" && s.uid !== undefined);
    const uid = upload.snapshot.uid as string;
    await upload.cancel();
    expect(await done).toMatchObject({ name: "AbortError" });
    const { videos } = await stack.client.listVideos();
    expect(videos.map((v) => v.uid)).not.toContain(uid);
    expect(existsSync(stack.videoDir(uid))).toBe(false);
    expect(stack.proxyRequests).toContain(`DELETE /api/stream/${uid}`);
  });
});

describe("refusals and expired links", () => {
  it("refuses a wrong type, a file over the size limit and a video too long, before any request", async () => {
    const fetchSpy = vi.spyOn(globalThis, "fetch");
    const before = stack.proxyRequests.length;
    try {
      const text = new File(["hello"], "notes.txt", { type: "text/plain" });
      const typeError = await createUpload(text, { client: stack.client })
        .start()
        .catch((e: unknown) => e);
      expect(typeError).toBeInstanceOf(StreamValidationError);
      expect(typeError).toMatchObject({ field: "type" });

      const video = await fileFromDisk(small);
      const tooBig = createUpload(video, { client: stack.client, maxSizeBytes: 2 * MB });
      await expect(tooBig.start()).rejects.toMatchObject({ field: "size" });
      expect(tooBig.snapshot.error?.message).toMatch(/3 MB; the limit is 2 MB/);

      const tooLong = createUpload(video, {
        client: stack.client,
        maxDurationSeconds: 60,
        readDuration: async () => 61.5,
      });
      await expect(tooLong.start()).rejects.toMatchObject({ field: "duration" });
      expect(tooLong.state).toBe("error");

      const mkv = new File([new Uint8Array(10)], "clip.mkv", { type: "" });
      await expect(
        createUpload(mkv, { client: stack.client, accept: "video/mp4" }).validate(),
      ).rejects.toBeInstanceOf(StreamValidationError);
      await expect(createUpload(mkv, { client: stack.client }).validate()).resolves.toBeUndefined();
    } finally {
      fetchSpy.mockRestore();
    }
    expect(fetchSpy).not.toHaveBeenCalled();
    expect(stack.proxyRequests.length).toBe(before);
  });

  /** A client whose targets are handed out late, after their short expiry has passed. */
  function slowClient(delayMs: number): StreamClient {
    const wait = () => new Promise((resolve) => setTimeout(resolve, delayMs));
    let first = true;
    return {
      ...stack.client,
      async createDirectUpload(body, options) {
        const created = await stack.client.createDirectUpload(body, options);
        if (first) await wait();
        first = false;
        return created;
      },
      async request(p, init) {
        const answer = await stack.client.request(p, init);
        if (first && init?.method === "POST" && p === "") await wait();
        if (init?.method === "POST" && p === "") first = false;
        return answer as never;
      },
    };
  }

  for (const protocol of ["basic", "tus"] as const) {
    it(`reports an expired ${protocol} link clearly, and retry asks for a new one`, async () => {
      const upload = createUpload(await fileFromDisk(small), {
        client: slowClient(2_200),
        protocol,
        expiry: new Date(Date.now() + 1_500).toISOString(),
        retryDelays: FAST_RETRIES,
      });
      const error = await upload.start().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(StreamApiError);
      expect(error).toMatchObject({ status: 410 });
      expect((error as Error).message).toMatch(
        /upload link expired.*Retry the upload to ask for a new link/,
      );
      const stale = upload.snapshot.uid as string;
      expect(upload.state).toBe("error");

      const retried = await upload.retry();
      expect(retried.uid).not.toBe(stale);
      await expectStoredExactly(retried.uid, small);
      // The stale video was deleted when its link died.
      await expect(stack.client.getVideo(stale)).rejects.toMatchObject({ status: 404 });
    });
  }
});

async function tusOffset(uid: string): Promise<number> {
  const response = await fetch(`${stack.emulator.url}/tus/${uid}`, {
    method: "HEAD",
    headers: { "tus-resumable": "1.0.0" },
  });
  return Number(response.headers.get("upload-offset"));
}
