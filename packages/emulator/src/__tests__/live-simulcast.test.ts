import { type ChildProcess, spawn } from "node:child_process";
import type { LiveInput, LiveOutput } from "@streamkit/core/live-inputs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { outputTarget } from "../live/simulcast";
import { json, startTestEmulator, type TestEmulator } from "./helpers";

/**
 * Simulcast for real: a broadcast on one emulator is forwarded to an output whose URL is a second
 * emulator's RTMP ingest, so the second one's input goes live when (and while) the output is on.
 */

let source: TestEmulator;
let target: TestEmulator;
let broadcaster: ChildProcess | undefined;

beforeAll(async () => {
  [source, target] = await Promise.all([
    startTestEmulator({ live: { reconnectWindowMs: 200 } }),
    startTestEmulator({ live: { reconnectWindowMs: 200 } }),
  ]);
});
afterAll(async () => {
  broadcaster?.kill("SIGKILL");
  await Promise.all([source.dispose(), target.dispose()]);
});

const create = async (emu: TestEmulator, body: unknown = {}) =>
  (await json<LiveInput>(await emu.api("/live_inputs", { method: "POST", body }))).body.result;
const status = async (emu: TestEmulator, uid: string) =>
  (await json<LiveInput>(await emu.api(`/live_inputs/${uid}`))).body.result.status;

async function until(emu: TestEmulator, uid: string, wanted: LiveInput["status"], ms = 20_000) {
  const deadline = Date.now() + ms;
  let seen = await status(emu, uid);
  while (seen !== wanted) {
    if (Date.now() > deadline) throw new Error(`${uid} stayed ${String(seen)}, wanted ${wanted}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
    seen = await status(emu, uid);
  }
}

describe("simulcast outputs", () => {
  it("joins an RTMP output's url and key with a slash, and leaves SRT URLs as they are", () => {
    expect(outputTarget({ url: "rtmp://a.example/live2/", streamKey: "k" })).toBe(
      "rtmp://a.example/live2/k",
    );
    expect(outputTarget({ url: "srt://b.example:778?streamid=x", streamKey: "" })).toBe(
      "srt://b.example:778?streamid=x",
    );
  });

  it("forwards a broadcast to an enabled output, stops when it is disabled, resumes when enabled", async () => {
    const downstream = await create(target);
    const input = await create(source);
    const added = await json<LiveOutput>(
      await source.api(`/live_inputs/${input.uid}/outputs`, {
        method: "POST",
        body: { url: target.rtmpUrl, streamKey: downstream.rtmps?.streamKey },
      }),
    );
    expect(added.status).toBe(200);
    const output = added.body.result;

    broadcaster = spawn(
      "ffmpeg",
      [
        ...["-hide_banner", "-loglevel", "error", "-re"],
        ...["-f", "lavfi", "-i", "testsrc=size=320x180:rate=15"],
        ...["-f", "lavfi", "-i", "sine=frequency=440:sample_rate=44100"],
        ...["-c:v", "libx264", "-preset", "ultrafast", "-g", "15", "-pix_fmt", "yuv420p"],
        ...["-c:a", "aac", "-f", "flv", `${input.rtmps?.url}${input.rtmps?.streamKey}`],
      ],
      { stdio: "ignore" },
    );
    await until(source, input.uid, "connected");
    await until(target, downstream.uid, "connected");

    const toggle = (enabled: boolean) =>
      source.api(`/live_inputs/${input.uid}/outputs/${output.uid}`, {
        method: "PUT",
        body: { enabled },
      });
    expect((await toggle(false)).status).toBe(200);
    await until(target, downstream.uid, "client_disconnect");
    expect(await status(source, input.uid)).toBe("connected");
    expect((await toggle(true)).status).toBe(200);
    await until(target, downstream.uid, "connected");

    broadcaster.kill("SIGINT");
    await until(source, input.uid, "client_disconnect");
    await until(target, downstream.uid, "client_disconnect");
  }, 60_000);
});
