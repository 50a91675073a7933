import { readFile } from "node:fs/promises";
import path from "node:path";
import { createStreamClient, StreamApiError, StreamValidationError } from "@streamkit/core";
import {
  createLiveInput,
  createLiveOutput,
  deleteLiveInput,
  deleteLiveOutput,
  disableLiveInput,
  enableLiveInput,
  getLiveInput,
  type LiveInput,
  listLiveInputs,
  listLiveOutputs,
  rotateLiveInputKeys,
  updateLiveInput,
  updateLiveOutput,
} from "@streamkit/core/live-inputs";
import { type Stack, startStack } from "@streamkit/test-utils/stack";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

/**
 * Live inputs through the proxy to the real emulator: every operation with core's typed
 * methods, creator scoping (another creator can neither read, change, rotate, delete nor list an
 * input), and secrets that reach nobody but the owner, in no answer and no report.
 */

let stack: Stack;
const reports: unknown[] = [];
const as = (user: string) =>
  createStreamClient({ baseUrl: stack.baseUrl, headers: { "x-user": user } });
let alice: ReturnType<typeof as>;
let bob: ReturnType<typeof as>;
let input: LiveInput;

beforeAll(async () => {
  stack = await startStack({
    emulator: { ffmpegPath: false },
    proxy: {
      creatorScope: (request) => request.headers.get("x-user") ?? undefined,
      onError: (error) => reports.push(error),
    },
  });
  alice = as("alice");
  bob = as("bob");
  input = await createLiveInput(alice, {
    meta: { name: "Alice's show" },
    recording: { mode: "automatic" },
  });
}, 60_000);

afterAll(async () => {
  await stack?.stop();
});

const secretsOf = (live: LiveInput) =>
  [
    live.rtmps?.streamKey,
    live.srt?.passphrase,
    live.rtmpsPlayback?.streamKey,
    live.srtPlayback?.passphrase,
  ].filter((s): s is string => typeof s === "string" && s.length > 0);

describe("live inputs through the proxy", () => {
  it("creates an input owned by its creator, credentials and all", async () => {
    expect(input.uid).toMatch(/^[0-9a-f]{32}$/);
    expect(input.meta).toEqual({ name: "Alice's show", streamkitCreator: "alice" });
    expect(secretsOf(input)).toHaveLength(4);
    // The emulator keeps the creator its recordings will get.
    const stored = JSON.parse(
      await readFile(path.join(stack.dataDir, "live-inputs", `${input.uid}.json`), "utf8"),
    );
    expect(stored.defaultCreator).toBe("alice");
  });

  it("lets the owner list, read, update, disable, enable and rotate", async () => {
    const list = await listLiveInputs(alice, { include_counts: true });
    expect(list.liveInputs.map((i) => i.uid)).toContain(input.uid);
    expect(list.total).toBe(list.liveInputs.length);
    expect(JSON.stringify(list)).not.toMatch(/streamKey|passphrase|rtmps|srt/);
    expect((await getLiveInput(alice, input.uid)).rtmps?.streamKey).toBe(input.rtmps?.streamKey);
    const renamed = await updateLiveInput(alice, input.uid, { meta: { name: "Renamed" } });
    // A PUT's meta replaces the old one; the owner stays in it.
    expect(renamed.meta).toEqual({ name: "Renamed", streamkitCreator: "alice" });
    expect((await disableLiveInput(alice, input.uid)).enabled).toBe(false);
    expect((await enableLiveInput(alice, input.uid)).enabled).toBe(true);
    const rotated = await rotateLiveInputKeys(alice, input.uid);
    expect(rotated.rtmps?.streamKey).not.toBe(input.rtmps?.streamKey);
    expect(rotated.keysRotatedAt).toBeTruthy();
    input = rotated;
  });

  it("keeps outputs for the owner: create, list, toggle, delete", async () => {
    const output = await createLiveOutput(alice, input.uid, {
      url: "rtmp://127.0.0.1:1936/live",
      streamKey: "youtube-key",
    });
    expect(output).toMatchObject({ enabled: true, streamKey: "youtube-key" });
    expect(await listLiveOutputs(alice, input.uid)).toEqual([output]);
    expect((await updateLiveOutput(alice, input.uid, output.uid, { enabled: false })).enabled).toBe(
      false,
    );
    await deleteLiveOutput(alice, input.uid, output.uid);
    expect(await listLiveOutputs(alice, input.uid)).toEqual([]);
  });

  it("gives another creator a 404 for every operation, and none of the owner's inputs", async () => {
    const output = await createLiveOutput(alice, input.uid, {
      url: "srt://127.0.0.1:9000",
      streamKey: "",
    });
    const attempts: [string, () => Promise<unknown>][] = [
      ["get", () => getLiveInput(bob, input.uid)],
      ["update", () => updateLiveInput(bob, input.uid, { meta: { name: "mine now" } })],
      ["delete", () => deleteLiveInput(bob, input.uid)],
      ["disable", () => disableLiveInput(bob, input.uid)],
      ["enable", () => enableLiveInput(bob, input.uid)],
      ["rotate", () => rotateLiveInputKeys(bob, input.uid)],
      ["outputs", () => listLiveOutputs(bob, input.uid)],
      [
        "add output",
        () => createLiveOutput(bob, input.uid, { url: "rtmp://x.test/a", streamKey: "k" }),
      ],
      ["toggle output", () => updateLiveOutput(bob, input.uid, output.uid, { enabled: false })],
      ["delete output", () => deleteLiveOutput(bob, input.uid, output.uid)],
    ];
    for (const [name, attempt] of attempts) {
      const error = await attempt().catch((e: unknown) => e);
      expect(error, name).toBeInstanceOf(StreamApiError);
      expect((error as StreamApiError).status, name).toBe(404);
      for (const secret of secretsOf(input))
        expect(JSON.stringify(error), name).not.toContain(secret);
    }
    const theirs = await listLiveInputs(bob, { include_counts: true });
    // Not even the owner's own list carries a credential.
    const own = JSON.stringify(await listLiveInputs(alice));
    for (const secret of secretsOf(input)) {
      expect(JSON.stringify(theirs)).not.toContain(secret);
      expect(own).not.toContain(secret);
    }
    expect(theirs.liveInputs.map((i) => i.uid)).not.toContain(input.uid);
    expect(theirs.total).toBe(theirs.liveInputs.length);
    // Nothing changed for the owner.
    const still = await getLiveInput(alice, input.uid);
    expect(still.rtmps?.streamKey).toBe(input.rtmps?.streamKey);
    expect(still.meta?.name).toBe("Renamed");
    expect(await listLiveOutputs(alice, input.uid)).toHaveLength(1);
  });

  it("refuses to create or move an input for another creator with 403", async () => {
    for (const body of [{ defaultCreator: "bob" }, { meta: { streamkitCreator: "bob" } }]) {
      const response = await fetch(`${stack.baseUrl}/live_inputs`, {
        method: "POST",
        headers: { "x-user": "alice", "content-type": "application/json" },
        body: JSON.stringify(body),
      });
      expect(response.status).toBe(403);
    }
  });

  it("refuses bad input by name before anything reaches the API", async () => {
    const send = (route: string, body: string) =>
      fetch(`${stack.baseUrl}${route}`, {
        method: "POST",
        headers: { "x-user": "alice", "content-type": "application/json" },
        body,
      });
    const before = stack.proxyRequests.length;
    const typo = await send("/live_inputs", JSON.stringify({ recordings: { mode: "automatic" } }));
    expect(typo.status).toBe(400);
    expect(await typo.text()).toContain("recordings");
    expect((await send("/live_inputs", "{not json")).status).toBe(400);
    const notRtmp = await send(
      `/live_inputs/${input.uid}/outputs`,
      JSON.stringify({ url: "https://x.test", streamKey: "k" }),
    );
    expect(notRtmp.status).toBe(400);
    expect(
      (await fetch(`${stack.baseUrl}/live_inputs/nope`, { headers: { "x-user": "alice" } })).status,
    ).toBe(400);
    expect(stack.proxyRequests.length - before).toBe(4);
    // The client refuses the same before sending.
    await expect(createLiveInput(alice, { deleteRecordingAfterDays: 2 })).rejects.toBeInstanceOf(
      StreamValidationError,
    );
    await expect(getLiveInput(alice, "nope")).rejects.toBeInstanceOf(StreamValidationError);
  });

  it("never reports a stream key or passphrase", () => {
    const reported = JSON.stringify(
      reports.map((r) => (r instanceof Error ? `${r.name} ${r.message} ${r.stack}` : r)),
    );
    for (const secret of secretsOf(input)) expect(reported).not.toContain(secret);
  });

  it("deletes the owner's input", async () => {
    await deleteLiveInput(alice, input.uid);
    const error = await getLiveInput(alice, input.uid).catch((e: unknown) => e);
    expect((error as StreamApiError).status).toBe(404);
  });
});
