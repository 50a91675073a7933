import { type ChildProcess, spawn } from "node:child_process";
import { createStreamClient } from "@streamkit/core";
import { createLiveInput, type LiveInput } from "@streamkit/core/live-inputs";
import {
  STACK_LIVE_NOTIFICATION_SECRET,
  type Stack,
  startStack,
} from "@streamkit/test-utils/stack";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createStreamProxy } from "./index";
import { sseReader } from "./test/sse";

/**
 * Live notifications end to end: a real broadcast on the emulator makes it POST Notifications'
 * body to the proxy's receiver, which checks `cf-webhook-auth`, reads the input's owner and
 * status from the API, and publishes to `/events` for that owner only, with no credential.
 */

const PATH = "/hooks/live";
let stack: Stack;
const reports: unknown[] = [];
let broadcaster: ChildProcess | undefined;

beforeAll(async () => {
  stack = await startStack({
    liveNotificationPath: PATH,
    emulator: { live: { reconnectWindowMs: 200 } },
    proxy: {
      creatorScope: (request) => request.headers.get("x-user") ?? undefined,
      onError: (error) => reports.push(error),
    },
  });
}, 60_000);
afterAll(async () => {
  broadcaster?.kill("SIGKILL");
  await stack?.stop();
});

const subscribe = async (user: string) =>
  sseReader(await fetch(`${stack.baseUrl}/events`, { headers: { "x-user": user } }));

const secretsOf = (live: LiveInput) =>
  [
    live.rtmps?.streamKey,
    live.srt?.passphrase,
    live.rtmpsPlayback?.streamKey,
    live.srtPlayback?.passphrase,
    live.srt?.streamId,
  ].filter((s): s is string => typeof s === "string" && s.length > 0);

/** `secret: null` sends no cf-webhook-auth at all. */
const notify = (body: unknown, secret: string | null = STACK_LIVE_NOTIFICATION_SECRET) =>
  fetch(`${stack.origin}${PATH}`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      ...(secret === null ? {} : { "cf-webhook-auth": secret }),
    },
    body: JSON.stringify(body),
  });

describe("live notifications through the proxy", () => {
  it("tells the input's owner, and nobody else, when its broadcast connects and ends", async () => {
    const alice = createStreamClient({ baseUrl: stack.baseUrl, headers: { "x-user": "alice" } });
    const input = await createLiveInput(alice, { meta: { name: "Alice live" } });
    const [aliceEvents, bobEvents] = await Promise.all([subscribe("alice"), subscribe("bob")]);

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
    const connected = await aliceEvents.next((m) => m.event === "live_input", 20_000);
    expect(JSON.parse(connected.data ?? "")).toMatchObject({
      uid: input.uid,
      event_type: "live_input.connected",
      status: "connected",
    });
    expect(connected.id).toMatch(new RegExp(`^\\d+-${input.uid}-live_input\\.connected$`));

    broadcaster.kill("SIGKILL");
    const ended = await aliceEvents.next((m) => m.event === "live_input", 20_000);
    expect(JSON.parse(ended.data ?? "")).toMatchObject({
      uid: input.uid,
      event_type: "live_input.disconnected",
    });
    expect(await bobEvents.quiet(300, "live_input")).toBe(true);

    // No key or passphrase in either stream, nor in anything the proxy reported.
    const reported = JSON.stringify(reports.map((r) => (r instanceof Error ? r.stack : r)));
    for (const secret of secretsOf(input)) {
      expect(aliceEvents.text()).not.toContain(secret);
      expect(bobEvents.text()).not.toContain(secret);
      expect(reported).not.toContain(secret);
    }
    await Promise.all([aliceEvents.cancel(), bobEvents.cancel()]);
  }, 60_000);

  it("refuses a missing or wrong cf-webhook-auth with 401 and publishes nothing", async () => {
    const events = await subscribe("alice");
    const body = {
      data: {
        notification_name: "Stream Live Input",
        input_id: "a".repeat(32),
        event_type: "live_input.connected",
        updated_at: new Date().toISOString(),
      },
    };
    for (const secret of [null, "wrong", `${STACK_LIVE_NOTIFICATION_SECRET}x`]) {
      const answer = await notify(body, secret);
      expect(answer.status).toBe(401);
      expect(await answer.text()).toContain("cf-webhook-auth");
    }
    expect(await events.quiet(200, "live_input")).toBe(true);
    await events.cancel();
  });

  it("answers Notifications' test message 200 and drops it; refuses a malformed one with 400", async () => {
    const test = await notify({ text: "Hello World! This is a test message sent from Cloudflare" });
    expect(test.status).toBe(200);
    expect(await test.json()).toMatchObject({ result: { ignored: true } });
    const badUid = await notify({
      data: { notification_name: "Stream Live Input", input_id: "../x", event_type: "x" },
    });
    expect(badUid.status).toBe(400);
    const badType = await notify({
      data: {
        notification_name: "Stream Live Input",
        input_id: "a".repeat(32),
        event_type: "live_input.exploded",
      },
    });
    expect(badType.status).toBe(400);
    expect(await badType.text()).toContain("live_input.exploded");
    const notJson = await fetch(`${stack.origin}${PATH}`, {
      method: "POST",
      headers: { "cf-webhook-auth": STACK_LIVE_NOTIFICATION_SECRET },
      body: "{",
    });
    expect(notJson.status).toBe(400);
    expect((await fetch(`${stack.origin}${PATH}`)).status).toBe(405);
  });

  it("says it is misconfigured without liveNotificationSecret", async () => {
    const proxy = createStreamProxy({
      accountId: stack.emulator.accountId,
      apiToken: "t",
      basePath: "/api/stream",
      upstream: stack.emulator.apiBase,
    });
    const answer = await proxy.handleLiveNotification(
      new Request("http://x/hooks/live", { method: "POST", body: "{}" }),
    );
    expect(answer.status).toBe(500);
    expect(await answer.text()).toContain("liveNotificationSecret");
  });
});
