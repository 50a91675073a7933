import { type ChildProcess, spawn } from "node:child_process";
import type { LiveInput } from "@streamkit/core/live-inputs";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { json, startTestEmulator, type TestEmulator } from "./helpers";

/**
 * A real broadcaster (ffmpeg pushing a test pattern with a tone over RTMP) against the
 * emulator's ingest: the key decides who may publish, and the status follows the broadcast.
 */

let emu: TestEmulator;
const running = new Set<ChildProcess>();

beforeAll(async () => {
  emu = await startTestEmulator({ live: { reconnectWindowMs: 300 } });
});
afterEach(() => {
  for (const child of running) child.kill("SIGKILL");
  running.clear();
});
afterAll(() => emu.dispose());

interface Broadcast {
  child: ChildProcess;
  /** The exit code (null when killed). */
  exited: Promise<number | null>;
}

function broadcast(url: string): Broadcast {
  const child = spawn(
    "ffmpeg",
    [
      ...["-hide_banner", "-loglevel", "error", "-re"],
      ...["-f", "lavfi", "-i", "testsrc=size=320x180:rate=15"],
      ...["-f", "lavfi", "-i", "sine=frequency=440:sample_rate=44100"],
      ...["-c:v", "libx264", "-preset", "ultrafast", "-tune", "zerolatency", "-g", "15"],
      ...["-pix_fmt", "yuv420p", "-c:a", "aac", "-f", "flv", url],
    ],
    { stdio: "ignore" },
  );
  running.add(child);
  const exited = new Promise<number | null>((resolve) =>
    child.once("exit", (code) => resolve(code)),
  );
  return { child, exited };
}

const create = async (body: unknown = {}) =>
  (await json<LiveInput>(await emu.api("/live_inputs", { method: "POST", body }))).body.result;
const status = async (uid: string) =>
  (await json<LiveInput>(await emu.api(`/live_inputs/${uid}`))).body.result.status;

async function until(uid: string, wanted: LiveInput["status"], timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  let seen: LiveInput["status"] | undefined;
  while (Date.now() < deadline) {
    seen = await status(uid);
    if (seen === wanted) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`live input ${uid} stayed ${String(seen)}, expected ${String(wanted)}`);
}

const pushUrl = (input: LiveInput) => `${input.rtmps?.url}${input.rtmps?.streamKey}`;

describe("RTMP ingest", () => {
  it("takes a broadcast on the input's key: connected while it runs, disconnected after", async () => {
    const input = await create();
    expect(input.rtmps?.url).toBe(emu.rtmpUrl);
    const live = broadcast(pushUrl(input));
    await until(input.uid, "connected");
    live.child.kill("SIGKILL");
    // The connection broke: reconnecting through the window, then the broadcast is over.
    await until(input.uid, "client_disconnect");
    expect(emu.logs.some((line) => line.includes(`live input ${input.uid}: broadcast ended`))).toBe(
      true,
    );
  }, 30_000);

  it("refuses an unknown key and a disabled input; ffmpeg fails", async () => {
    const input = await create({ enabled: false });
    const wrong = broadcast(
      `${emu.rtmpUrl}0123456789abcdef0123456789abcdefk0123456789abcdef0123456789abcdef`,
    );
    expect(await wrong.exited).not.toBe(0);
    const disabled = broadcast(pushUrl(input));
    expect(await disabled.exited).not.toBe(0);
    expect(await status(input.uid)).toBeNull();
    expect(emu.logs.filter((line) => line.startsWith("RTMP publish refused"))).toHaveLength(2);
  }, 30_000);

  it("cuts a broadcaster off on rotate_keys: the old key stops working, the new one works", async () => {
    const input = await create();
    const first = broadcast(pushUrl(input));
    await until(input.uid, "connected");
    const rotated = (
      await json<LiveInput>(
        await emu.api(`/live_inputs/${input.uid}/rotate_keys`, { method: "POST" }),
      )
    ).body.result;
    expect(await first.exited).not.toBe(0);
    await until(input.uid, "client_disconnect");
    const stale = broadcast(pushUrl(input));
    expect(await stale.exited).not.toBe(0);
    const fresh = broadcast(pushUrl(rotated));
    await until(input.uid, "connected");
    fresh.child.kill("SIGKILL");
  }, 30_000);

  it("cuts a broadcaster off when the input is disabled", async () => {
    const input = await create();
    const live = broadcast(pushUrl(input));
    await until(input.uid, "connected");
    await emu.api(`/live_inputs/${input.uid}/disable`, { method: "POST" });
    expect(await live.exited).not.toBe(0);
    await until(input.uid, "client_disconnect");
  }, 30_000);
});

describe("a broadcaster that drops and comes back", () => {
  it("is reconnecting within the input's recording.timeoutSeconds, then reconnected", async () => {
    const input = await create({ recording: { mode: "off", timeoutSeconds: 3 } });
    const first = broadcast(pushUrl(input));
    await until(input.uid, "connected");
    first.child.kill("SIGKILL");
    await until(input.uid, "reconnecting");
    const again = broadcast(pushUrl(input));
    await until(input.uid, "reconnected");
    again.child.kill("SIGKILL");
    await until(input.uid, "reconnecting");
    await until(input.uid, "client_disconnect");
  }, 30_000);
});

describe("a broadcast as players and the library see it", () => {
  it("plays live at the input's uid, then its recording becomes a video that plays on demand", async () => {
    const input = await create({ meta: { name: "Town hall" }, recording: { mode: "automatic" } });
    const before = await emu.api(`/live_inputs/${input.uid}`);
    expect(before.status).toBe(200);
    const waiting = await (await fetch(`${emu.url}/${input.uid}/iframe`)).text();
    expect(waiting).toContain("Waiting for the broadcast to start");
    expect((await fetch(`${emu.url}/${input.uid}/manifest/video.m3u8`)).status).toBe(404);

    const live = broadcast(pushUrl(input));
    await until(input.uid, "connected");
    // The sliding window fills as segments come in.
    let playlist = "";
    const deadline = Date.now() + 20_000;
    while (Date.now() < deadline) {
      const master = await fetch(`${emu.url}/${input.uid}/manifest/video.m3u8`);
      if (master.status === 200) {
        const media = await fetch(`${emu.url}/${input.uid}/manifest/live/index.m3u8`);
        playlist = await media.text();
        if ((playlist.match(/seg_\d+\.ts/g) ?? []).length >= 2) break;
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect(playlist).not.toContain("#EXT-X-ENDLIST");
    const segment = /seg_\d+\.ts/.exec(playlist)?.[0];
    const bytes = await fetch(`${emu.url}/${input.uid}/manifest/live/${segment}`);
    expect(bytes.status).toBe(200);
    expect((await bytes.arrayBuffer()).byteLength).toBeGreaterThan(1000);
    expect(await (await fetch(`${emu.url}/${input.uid}/iframe`)).text()).toContain(">LIVE<");

    // While on air, the recording is a video in live-inprogress with liveInput set.
    const listed = await json<{ uid: string; liveInput?: string; status: { state: string } }[]>(
      await emu.api(`?live_input_id=${input.uid}`),
    );
    expect(listed.body.result).toHaveLength(1);
    const recording = listed.body.result[0];
    expect(recording).toMatchObject({ liveInput: input.uid, status: { state: "live-inprogress" } });

    await new Promise((resolve) => setTimeout(resolve, 1500));
    live.child.kill("SIGINT");
    await until(input.uid, "client_disconnect");
    const ready = await emu.waitFor(
      recording?.uid ?? "",
      (v) => v.status?.state === "ready",
      60_000,
    );
    expect(ready.duration).toBeGreaterThan(1);
    expect(ready.meta).toMatchObject({ name: "Town hall" });
    expect((await fetch(`${emu.url}/${ready.uid}/manifest/video.m3u8`)).status).toBe(200);
    // The live window is gone with the broadcast.
    expect((await fetch(`${emu.url}/${input.uid}/manifest/video.m3u8`)).status).toBe(404);
    expect(await (await fetch(`${emu.url}/${input.uid}/iframe`)).text()).toContain(
      "The broadcast has ended",
    );
  }, 90_000);

  it("keeps nothing with recording off", async () => {
    const input = await create({ recording: { mode: "off" } });
    const live = broadcast(pushUrl(input));
    await until(input.uid, "connected");
    live.child.kill("SIGINT");
    await until(input.uid, "client_disconnect");
    const listed = await json<unknown[]>(await emu.api(`?live_input_id=${input.uid}`));
    expect(listed.body.result).toEqual([]);
  }, 30_000);
});
