import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { StreamApiError, StreamNetworkError } from "@streamkit/core";
import { createUpload, type UploadSnapshot, type UploadState } from "@streamkit/core/upload";
import type { Fault, FaultRule, FaultScope } from "@streamkit/emulator";
import {
  fileFromDisk,
  makeVideoFile,
  sha256File,
  startStack,
  type Stack as UploadStack,
} from "@streamkit/test-utils/stack";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";

/** A rule without its method and path (the helper adds them). */
type Unscoped = Fault & Omit<FaultScope, "method" | "path">;

/**
 * Uploads through the real proxy (targets) and straight to the emulator (bytes), while the
 * emulator breaks PATCHes and POSTs on purpose. tus must resume from the server's offset and
 * store every byte exactly once; basic uploads must fail typed, and succeed when retried.
 */

const MB = 1_000_000;
const MiB = 1024 * 1024;
const FAST_RETRIES = [20, 40, 80, 160, 320];

let stack: UploadStack;
let dir: string;
let small: string; // 3 MB, one basic POST
let medium: string; // 12 MB: three 5 MiB tus chunks

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "streamkit-fault-files-"));
  // Degraded mode: the bytes are what is tested here, not the encode (and it keeps the CPU free).
  [stack, small, medium] = await Promise.all([
    startStack({ emulator: { ffmpegPath: false } }),
    makeVideoFile(dir, "small.mp4", 3 * MB),
    makeVideoFile(dir, "medium.mp4", 12 * MB),
  ]);
}, 60_000);

afterAll(async () => {
  await stack?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

afterEach(() => {
  stack.emulator.faults.clear();
});

function statesOf(upload: { on(e: "state", l: (s: UploadSnapshot) => void): void }) {
  const states: UploadState[] = [];
  upload.on("state", (s) => {
    if (states.at(-1) !== s.state) states.push(s.state);
  });
  return states;
}

/** `METHOD` of each request the emulator saw on `prefix`, in order. */
function requestsTo(prefix: string): string[] {
  return stack.emulator.faults
    .state()
    .recent.filter((r) => r.path.startsWith(prefix))
    .map((r) => `${r.method}${r.faults.length ? ` ${r.faults.join("+")}` : ""}`);
}

const onPatch = (rule: Unscoped): FaultRule =>
  ({ method: "PATCH", path: "/tus/*", ...rule }) as FaultRule;

async function tusUpload(rules: FaultRule[]) {
  stack.emulator.faults.set({ seed: 1, rules });
  const upload = createUpload(await fileFromDisk(medium), {
    client: stack.client,
    protocol: "tus",
    chunkSize: 5 * MiB,
    retryDelays: FAST_RETRIES,
    resume: false,
  });
  const states = statesOf(upload);
  const result = await upload.start();
  expect(states).not.toContain("error");
  expect(states.at(-1)).toBe("processing");
  expect(await sha256File(stack.sourcePath(result.uid))).toBe(await sha256File(medium));
  return { result, seen: requestsTo(`/tus/${result.uid}`), state: stack.emulator.faults.state() };
}

describe("tus under faults", () => {
  it("resumes after connections reset once PATCHes were stored (the answers are lost)", async () => {
    const { seen, state } = await tusUpload([onPatch({ type: "reset", skip: 1, times: 2 })]);
    // HEAD to start (the proxy created the upload), then each lost answer costs one HEAD: the
    // server's offset says the chunk is in, so nothing is sent twice.
    expect(seen).toEqual(["HEAD", "PATCH", "PATCH reset", "HEAD", "PATCH reset", "HEAD"]);
    expect(state.injected.reset).toBe(2);
  });

  it("resumes after a PATCH body broke off mid-way, a 503 after part of one, and a short offset", async () => {
    const { seen, state } = await tusUpload([
      onPatch({ type: "truncate-upload", keepBytes: MiB, outcome: "reset", times: 1 }),
      onPatch({ type: "truncate-upload", outcome: "error", status: 503, skip: 1, times: 1 }),
      onPatch({
        type: "truncate-upload",
        keepBytes: 1000,
        outcome: "short-offset",
        skip: 2,
        times: 1,
      }),
    ]);
    // 1 MiB kept of the first chunk, half of the second attempt, 1000 bytes of the third: two
    // more PATCHes than a clean upload's three, each HEAD after a failure re-reads the offset.
    expect(seen).toEqual([
      "HEAD",
      "PATCH truncate-upload",
      "HEAD",
      "PATCH truncate-upload",
      "HEAD",
      "PATCH truncate-upload",
      "PATCH",
      "PATCH",
    ]);
    expect(state.injected["truncate-upload"]).toBe(3);
  });

  it("rides out 5xx, 429 and HEAD resets on the upload URL", async () => {
    const { seen } = await tusUpload([
      onPatch({ type: "error", status: 502, times: 1 }),
      onPatch({ type: "rate-limit", retryAfter: 0, skip: 1, times: 1 }),
      { method: "HEAD", path: "/tus/*", type: "reset", stage: "before", skip: 1, times: 1 },
    ]);
    expect(seen).toEqual([
      "HEAD",
      "PATCH error",
      "HEAD reset",
      "HEAD",
      "PATCH rate-limit",
      "HEAD",
      "PATCH",
      "PATCH",
      "PATCH",
    ]);
  });

  it("waits as long as a 429's retry-after asks before resuming", async () => {
    const { result } = await tusUpload([onPatch({ type: "rate-limit", retryAfter: 1, times: 1 })]);
    const recent = stack.emulator.faults.state().recent.filter((r) => r.path.endsWith(result.uid));
    const limited = recent.findIndex((r) => r.faults.includes("rate-limit"));
    const next = recent[limited + 1];
    expect(next?.method).toBe("HEAD");
    // FAST_RETRIES would come back after 20 ms; the server asked for a second.
    expect((next?.at ?? 0) - (recent[limited]?.at ?? 0)).toBeGreaterThanOrEqual(990);
  });

  it("gives up typed when every PATCH breaks before a byte is kept, after its retries", async () => {
    // Nothing kept: with progress in between, tus-js-client would start its retry count afresh.
    stack.emulator.faults.set([
      onPatch({ type: "truncate-upload", keepBytes: 0, outcome: "reset" }),
    ]);
    const upload = createUpload(await fileFromDisk(medium), {
      client: stack.client,
      protocol: "tus",
      chunkSize: 5 * MiB,
      retryDelays: [10, 10],
      resume: false,
    });
    const error = await upload.start().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StreamNetworkError);
    expect((error as Error).message).toMatch(/lost its connection and 2 retries/);
    expect(upload.state).toBe("error");
    const uid = upload.snapshot.uid as string;
    expect(requestsTo(`/tus/${uid}`)).toEqual([
      "HEAD",
      "PATCH truncate-upload",
      "HEAD",
      "PATCH truncate-upload",
      "HEAD",
      "PATCH truncate-upload",
    ]);
  });
});

describe("basic uploads under faults", () => {
  async function basic(rules: FaultRule[], retryDelays: number[] = FAST_RETRIES) {
    stack.emulator.faults.set({ seed: 1, rules });
    const upload = createUpload(await fileFromDisk(small), { client: stack.client, retryDelays });
    return { upload, states: statesOf(upload) };
  }

  const onPost = (rule: Unscoped): FaultRule =>
    ({ method: "POST", path: "/upload/*", ...rule }) as FaultRule;

  it("a reset gets a typed error when retries are off, and retry() then succeeds byte-exact", async () => {
    const { upload, states } = await basic(
      [onPost({ type: "truncate-upload", keepBytes: 64 * 1024, outcome: "reset", times: 1 })],
      [],
    );
    const error = await upload.start().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StreamNetworkError);
    expect(error).toMatchObject({ kind: "fetch" });
    expect((error as Error).message).toMatch(/lost its connection and 0 retries/);
    expect(upload.snapshot.error).toBe(error);
    const result = await upload.retry();
    expect(states).toEqual([
      "validating",
      "queued",
      "uploading",
      "error",
      "uploading",
      "processing",
    ]);
    expect(await sha256File(stack.sourcePath(result.uid))).toBe(await sha256File(small));
    expect(requestsTo(`/upload/${result.uid}`)).toEqual(["POST truncate-upload", "POST"]);
  });

  it("retries by itself after a reset before the answer, and after a 500 part-way", async () => {
    const { upload } = await basic([
      onPost({ type: "reset", stage: "before", times: 1 }),
      onPost({ type: "truncate-upload", outcome: "error", skip: 1, times: 1 }),
    ]);
    const result = await upload.start();
    expect(await sha256File(stack.sourcePath(result.uid))).toBe(await sha256File(small));
    expect(requestsTo(`/upload/${result.uid}`)).toEqual([
      "POST reset",
      "POST truncate-upload",
      "POST",
    ]);
  });

  it("a reset after the file was stored: the retry's 409 is recognised as its own success", async () => {
    const { upload } = await basic([onPost({ type: "reset", times: 1 })]);
    const result = await upload.start();
    expect(await sha256File(stack.sourcePath(result.uid))).toBe(await sha256File(small));
    expect(requestsTo(`/upload/${result.uid}`)).toEqual(["POST reset", "POST"]);
    // The 409 sent the engine to look at the video through the proxy: it was no longer pending.
    expect(stack.proxyRequests).toContain(`GET /api/stream/${result.uid}`);
  });

  it("a target whose answer was lost is not asked for again, so no unused video is left", async () => {
    const before = (await stack.client.listVideos({ limit: 1000 })).videos.length;
    const { upload } = await basic([
      { method: "POST", path: "/stream/direct_upload", type: "reset", times: 1 },
    ]);
    const error = await upload.start().catch((e: unknown) => e);
    // Stream created the video, then the connection broke: the proxy says the outcome is unknown.
    expect(error).toBeInstanceOf(StreamApiError);
    expect(error).toMatchObject({ status: 502, codes: [9599], outcomeUnknown: true });
    const creations = stack.emulator.faults
      .state()
      .recent.filter((r) => r.path.endsWith("/direct_upload"));
    expect(creations).toHaveLength(1);
    expect((await stack.client.listVideos({ limit: 1000 })).videos.length).toBe(before + 1);
  });

  it("the target itself: 503 and 429 from direct_upload are retried, a garbled answer is not", async () => {
    const { upload } = await basic([
      {
        method: "POST",
        path: "/stream/direct_upload",
        type: "error",
        status: 503,
        times: 1,
      },
      {
        method: "POST",
        path: "/stream/direct_upload",
        type: "rate-limit",
        retryAfter: 0,
        skip: 1,
        times: 1,
      },
    ]);
    const result = await upload.start();
    expect(await sha256File(stack.sourcePath(result.uid))).toBe(await sha256File(small));
    expect(stack.emulator.faults.state().rules.map((r) => r.injected)).toEqual([1, 1]);

    // A malformed answer cannot be trusted to be unprocessed: a typed error, no blind retry.
    const again = await basic([
      { method: "POST", path: "/stream/direct_upload", type: "malformed", times: 1 },
    ]);
    const error = await again.upload.start().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StreamNetworkError);
    expect(error).toMatchObject({ kind: "body" });
    expect(error).not.toBeInstanceOf(StreamApiError);
  });
});
