import { type ChildProcess, spawn } from "node:child_process";
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { LiveInput } from "@streamkit/core/live-inputs";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startEmulator } from "../server";
import { json, makeDataDir, startTestEmulator, type TestEmulator } from "./helpers";

/**
 * Live input notifications as Cloudflare Notifications sends them: its body, the destination's
 * secret in `cf-webhook-auth`, retried when the receiver fails, for a real broadcast.
 */

interface Received {
  headers: IncomingHttpHeaders;
  body: {
    name: string;
    text: string;
    ts: number;
    data: {
      notification_name: string;
      input_id: string;
      event_type: string;
      updated_at: string;
      live_input_errored?: { error: { code: string; message: string }; video_codec?: string };
    };
  };
}

let emu: TestEmulator;
let receiver: Server;
const received: Received[] = [];
/** Answers this many dispatches with a 500 before taking them. */
let failNext = 0;
const running = new Set<ChildProcess>();

beforeAll(async () => {
  receiver = createServer((req, res) => {
    let raw = "";
    req.setEncoding("utf8");
    req.on("data", (chunk: string) => {
      raw += chunk;
    });
    req.on("end", () => {
      if (failNext > 0) {
        failNext -= 1;
        res.writeHead(500).end();
        return;
      }
      received.push({ headers: req.headers, body: JSON.parse(raw) });
      res.writeHead(200).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  const { port } = receiver.address() as AddressInfo;
  emu = await startTestEmulator({
    live: {
      reconnectWindowMs: 200,
      notifications: { url: `http://127.0.0.1:${port}/live`, secret: "s3cret-dest" },
    },
    webhooks: { retryDelaysMs: [50, 50] },
  });
});
afterEach(() => {
  for (const child of running) child.kill("SIGKILL");
  running.clear();
  received.length = 0;
});
afterAll(async () => {
  await emu.dispose();
  await new Promise<void>((resolve) => receiver.close(() => resolve()));
});

function broadcast(url: string, video = ["-c:v", "libx264", "-preset", "ultrafast"]) {
  const child = spawn(
    "ffmpeg",
    [
      ...["-hide_banner", "-loglevel", "error", "-re"],
      ...["-f", "lavfi", "-i", "testsrc=size=320x180:rate=15"],
      ...["-f", "lavfi", "-i", "sine=frequency=440:sample_rate=44100"],
      ...video,
      ...["-g", "15", "-pix_fmt", "yuv420p", "-c:a", "aac", "-f", "flv", url],
    ],
    { stdio: "ignore" },
  );
  running.add(child);
  return child;
}

const create = async (body: unknown = {}) =>
  (await json<LiveInput>(await emu.api("/live_inputs", { method: "POST", body }))).body.result;
const pushUrl = (input: LiveInput) => `${input.rtmps?.url}${input.rtmps?.streamKey}`;

async function until<T>(read: () => Promise<T> | T, ok: (value: T) => boolean, ms = 15_000) {
  const deadline = Date.now() + ms;
  let value = await read();
  while (!ok(value)) {
    if (Date.now() > deadline) throw new Error(`gave up waiting; last ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
    value = await read();
  }
  return value;
}

const events = (uid: string) =>
  received.filter((r) => r.body.data.input_id === uid).map((r) => r.body.data.event_type);

describe("live input notifications", () => {
  it("sends connected and disconnected for a broadcast, with the destination's secret", async () => {
    const input = await create();
    const live = broadcast(pushUrl(input));
    await until(
      () => events(input.uid),
      (e) => e.includes("live_input.connected"),
    );
    live.kill("SIGKILL");
    await until(
      () => events(input.uid),
      (e) => e.includes("live_input.disconnected"),
    );
    expect(events(input.uid)).toEqual(["live_input.connected", "live_input.disconnected"]);
    const first = received[0];
    expect(first?.headers["cf-webhook-auth"]).toBe("s3cret-dest");
    expect(first?.headers["content-type"]).toBe("application/json");
    expect(first?.body).toMatchObject({
      text: expect.stringContaining(input.uid),
      data: { notification_name: "Stream Live Input", input_id: input.uid },
    });
    expect(Date.parse(first?.body.data.updated_at ?? "")).toBeGreaterThan(Date.now() - 60_000);
    expect(Math.abs((first?.body.ts ?? 0) - Date.now() / 1000)).toBeLessThan(60);
  }, 30_000);

  it("retries a dispatch the receiver failed", async () => {
    const input = await create();
    failNext = 1;
    const live = broadcast(pushUrl(input));
    await until(
      () => events(input.uid),
      (e) => e.includes("live_input.connected"),
    );
    expect(failNext).toBe(0);
    expect(emu.logs.some((l) => l.includes("failed (HTTP 500); retry in 50 ms"))).toBe(true);
    live.kill("SIGKILL");
  }, 30_000);

  it("errors an input whose broadcaster sends a codec Stream Live does not take", async () => {
    const input = await create({ recording: { mode: "automatic" } });
    const live = broadcast(pushUrl(input), ["-c:v", "flv1"]);
    const errored = await until(
      () => received.find((r) => r.body.data.event_type === "live_input.errored"),
      (r) => r !== undefined,
    );
    expect(errored?.body.data).toMatchObject({
      input_id: input.uid,
      live_input_errored: {
        error: { code: "ERR_UNSUPPORTED_VIDEO_CODEC" },
        video_codec: "h263",
      },
    });
    const status = async () =>
      (await json<LiveInput>(await emu.api(`/live_inputs/${input.uid}`))).body.result.status;
    await until(status, (s) => s === "failed_to_connect");
    // Cut off, and nothing of it is kept as a recording.
    await until(
      () => live.exitCode ?? live.signalCode,
      (exit) => exit !== null,
    );
    const listed = async () =>
      (await json<unknown[]>(await emu.api(`?live_input_id=${input.uid}`))).body.result;
    await until(listed, (videos) => videos.length === 0);
  }, 30_000);

  it("goes to a destination set at runtime, and to none once it is cleared", async () => {
    const input = await create();
    const { port } = receiver.address() as AddressInfo;
    emu.setLiveNotifications(undefined);
    const quiet = broadcast(pushUrl(input));
    const status = async () =>
      (await json<LiveInput>(await emu.api(`/live_inputs/${input.uid}`))).body.result.status;
    await until(status, (s) => s === "connected");
    quiet.kill("SIGKILL");
    await until(status, (s) => s === "client_disconnect");
    expect(events(input.uid)).toEqual([]);
    emu.setLiveNotifications({ url: `http://127.0.0.1:${port}/other`, secret: "next" });
    const live = broadcast(pushUrl(input));
    const sent = await until(
      () => received.find((r) => r.body.data.input_id === input.uid),
      (r) => r !== undefined,
    );
    expect(sent?.headers["cf-webhook-auth"]).toBe("next");
    live.kill("SIGKILL");
    expect(() => emu.setLiveNotifications({ url: "nope" })).toThrow(
      /setLiveNotifications: target.url must be an http\(s\) URL/,
    );
  }, 30_000);

  it("refuses a destination that is not an http(s) URL", async () => {
    const dataDir = await makeDataDir();
    await expect(
      startEmulator({ dataDir, log: false, live: { notifications: { url: "ftp://x/" } } }),
    ).rejects.toThrow(/live.notifications.url must be an http\(s\) URL/);
  });
});
