import type { LiveInput, LiveInputList, LiveOutput } from "@streamkit/core/live-inputs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parsePrivateKey, signToken } from "../tokens";
import { json, makeDataDir, startTestEmulator, type TestEmulator } from "./helpers";

let emu: TestEmulator;
let dataDir: string;

beforeAll(async () => {
  dataDir = await makeDataDir();
  emu = await startTestEmulator({ dataDir, live: { srtPort: 18890 } });
});
afterAll(() => emu.dispose());

const create = async (body: unknown = {}) =>
  json<LiveInput>(await emu.api("/live_inputs", { method: "POST", body }));

describe("live inputs", () => {
  it("creates an input with Stream's defaults and credentials that point at the emulator", async () => {
    const { status, body } = await create({ meta: { name: "Town hall" } });
    expect(status).toBe(200);
    const input = body.result;
    expect(input).toMatchObject({
      meta: { name: "Town hall" },
      enabled: true,
      status: null,
      preferLowLatency: false,
      deleteRecordingAfterDays: null,
      recording: { mode: "off", timeoutSeconds: 0, requireSignedURLs: false },
      rtmps: { url: emu.rtmpUrl },
      srt: { url: "srt://127.0.0.1:18890" },
    });
    expect(input.uid).toMatch(/^[0-9a-f]{32}$/);
    expect(input.rtmps?.streamKey).toMatch(/^[0-9a-f]{32}k[0-9a-f]{32}$/);
    expect(input.srt?.passphrase).toMatch(/^[0-9a-f]{32}$/);
    expect(input.webRTC?.url).toMatch(/\/webRTC\/publish$/);
    expect(input.webRTCPlayback?.url).toBe(`${emu.url}/${input.uid}/webRTC/play`);
    expect(input).not.toHaveProperty("keysRotatedAt");
    // The creator goes to the recordings; like Stream, the answer does not echo it.
    const scoped = await create({ defaultCreator: "alice" });
    expect(scoped.body.result).not.toHaveProperty("defaultCreator");
  });

  it("lists inputs without credentials or status, newest first, with range and total", async () => {
    const first = (await create({ meta: { name: "one" } })).body.result;
    const second = (await create({ meta: { name: "two" } })).body.result;
    const { status, body } = await json<LiveInputList>(
      await emu.api("/live_inputs?include_counts=true"),
    );
    expect(status).toBe(200);
    const uids = body.result.liveInputs.map((i) => i.uid);
    expect(uids.indexOf(second.uid)).toBeLessThan(uids.indexOf(first.uid));
    expect(body.result.range).toBe(0);
    expect(body.result.total).toBe(body.result.liveInputs.length);
    const text = JSON.stringify(body);
    for (const secret of [
      first.rtmps?.streamKey,
      first.srt?.passphrase,
      second.srtPlayback?.passphrase,
    ])
      expect(text).not.toContain(secret);
    expect(body.result.liveInputs[0]).not.toHaveProperty("status");
  });

  it("updates the fields sent and keeps the others; refuses bad values by name", async () => {
    const input = (await create({ meta: { name: "before" }, recording: { mode: "automatic" } }))
      .body.result;
    const put = await json<LiveInput>(
      await emu.api(`/live_inputs/${input.uid}`, {
        method: "PUT",
        body: {
          meta: { name: "after" },
          deleteRecordingAfterDays: 45,
          recording: { timeoutSeconds: 10 },
        },
      }),
    );
    expect(put.status).toBe(200);
    expect(put.body.result).toMatchObject({
      meta: { name: "after" },
      deleteRecordingAfterDays: 45,
      recording: { mode: "automatic", timeoutSeconds: 10 },
      rtmps: { streamKey: input.rtmps?.streamKey },
    });
    expect(Date.parse(put.body.result.modified ?? "")).toBeGreaterThanOrEqual(
      Date.parse(input.modified ?? ""),
    );
    for (const [bad, field] of [
      [{ deleteRecordingAfterDays: 5 }, "deleteRecordingAfterDays"],
      [{ recording: { mode: "sometimes" } }, "recording.mode"],
      [{ enabled: "yes" }, "enabled"],
      [{ recording: { mode: "off" }, preferLowLatency: true }, "preferLowLatency"],
    ] as const) {
      const refused = await json(
        await emu.api(`/live_inputs/${input.uid}`, { method: "PUT", body: bad }),
      );
      expect(refused.status).toBe(400);
      expect(refused.body.errors[0]?.message).toContain(field);
    }
    const malformed = await emu.api("/live_inputs", {
      method: "POST",
      body: "{not json",
      headers: { "content-type": "application/json" },
    });
    expect(malformed.status).toBe(400);
  });

  it("enables, disables and rotates keys; each answers the input", async () => {
    const input = (await create()).body.result;
    const path = `/live_inputs/${input.uid}`;
    const disabled = await json<LiveInput>(await emu.api(`${path}/disable`, { method: "POST" }));
    expect(disabled.body.result.enabled).toBe(false);
    const enabled = await json<LiveInput>(await emu.api(`${path}/enable`, { method: "POST" }));
    expect(enabled.body.result.enabled).toBe(true);
    const rotated = await json<LiveInput>(await emu.api(`${path}/rotate_keys`, { method: "POST" }));
    expect(rotated.body.result.uid).toBe(input.uid);
    expect(rotated.body.result.rtmps?.streamKey).not.toBe(input.rtmps?.streamKey);
    expect(rotated.body.result.srt?.passphrase).not.toBe(input.srt?.passphrase);
    expect(Date.parse(rotated.body.result.keysRotatedAt ?? "")).toBeGreaterThan(0);
    const again = await json<LiveInput>(await emu.api(path));
    expect(again.body.result.rtmps?.streamKey).toBe(rotated.body.result.rtmps?.streamKey);
  });

  it("keeps outputs: create, list, toggle, delete, and refuses a target that is not RTMP or SRT", async () => {
    const input = (await create()).body.result;
    const outputs = `/live_inputs/${input.uid}/outputs`;
    const made = await json<LiveOutput>(
      await emu.api(outputs, {
        method: "POST",
        body: { url: "rtmp://127.0.0.1:1/live", streamKey: "target-key" },
      }),
    );
    expect(made.status).toBe(200);
    expect(made.body.result).toMatchObject({
      url: "rtmp://127.0.0.1:1/live",
      streamKey: "target-key",
      enabled: true,
    });
    const off = await json<LiveOutput>(
      await emu.api(`${outputs}/${made.body.result.uid}`, {
        method: "PUT",
        body: { enabled: false },
      }),
    );
    expect(off.body.result.enabled).toBe(false);
    const needsEnabled = await emu.api(`${outputs}/${made.body.result.uid}`, {
      method: "PUT",
      body: {},
    });
    expect(needsEnabled.status).toBe(400);
    const listed = await json<LiveOutput[]>(await emu.api(outputs));
    expect(listed.body.result).toEqual([{ ...made.body.result, enabled: false }]);
    const http = await emu.api(outputs, {
      method: "POST",
      body: { url: "https://example.com/live", streamKey: "k" },
    });
    expect(http.status).toBe(400);
    const gone = await emu.api(`${outputs}/${made.body.result.uid}`, { method: "DELETE" });
    expect(gone.status).toBe(200);
    expect((await json<LiveOutput[]>(await emu.api(outputs))).body.result).toEqual([]);
    const unknown = await emu.api(`${outputs}/${made.body.result.uid}`, { method: "DELETE" });
    expect(unknown.status).toBe(404);
  });

  it("answers an unknown or malformed uid with 404 or 400, and a deleted input is gone", async () => {
    const input = (await create()).body.result;
    expect((await emu.api(`/live_inputs/${input.uid}`, { method: "DELETE" })).status).toBe(200);
    expect((await emu.api(`/live_inputs/${input.uid}`)).status).toBe(404);
    expect((await emu.api(`/live_inputs/${input.uid}/enable`, { method: "POST" })).status).toBe(
      404,
    );
    expect((await emu.api("/live_inputs/not-a-uid")).status).toBe(400);
  });

  it("keeps inputs across a restart", async () => {
    const input = (await create({ meta: { name: "durable" } })).body.result;
    await emu.dispose(true);
    emu = await startTestEmulator({ dataDir, live: { srtPort: 18890 } });
    const again = await json<LiveInput>(await emu.api(`/live_inputs/${input.uid}`));
    expect(again.body.result).toMatchObject({
      meta: { name: "durable" },
      rtmps: { streamKey: input.rtmps?.streamKey },
    });
  });
});

describe("live delivery's protections", () => {
  /** A token for the input, signed with a key of the account's own (as apps sign them). */
  async function tokenFor(uid: string): Promise<string> {
    const key = await json<{ id: string; pem: string }>(
      await emu.api("/keys", { method: "POST", body: {} }),
    );
    const exp = Math.floor(Date.now() / 1000) + 600;
    const { id, pem } = key.body.result;
    return signToken(id, parsePrivateKey(pem), { sub: uid, kid: id, exp });
  }

  it("asks for a signed URL when the input's recording requires one", async () => {
    const input = (await create({ recording: { mode: "automatic", requireSignedURLs: true } })).body
      .result;
    const byUid = await fetch(`${emu.url}/${input.uid}/iframe`);
    expect(byUid.status).toBe(401);
    expect(await byUid.text()).toContain("This live input requires a signed URL");
    expect((await fetch(`${emu.url}/${input.uid}/manifest/video.m3u8`)).status).toBe(401);

    const token = await tokenFor(input.uid);
    const signed = await fetch(`${emu.url}/${token}/iframe`);
    expect(signed.status).toBe(200);
    expect(await signed.text()).toContain("Waiting for the broadcast to start");
    // Past the protections, a manifest is only missing because nothing is on air.
    const manifest = await fetch(`${emu.url}/${token}/manifest/video.m3u8`);
    expect([manifest.status, await manifest.text()]).toEqual([
      404,
      "This live input is not broadcasting.",
    ]);
  });

  it("plays only on the input's allowedOrigins", async () => {
    const input = (await create({ recording: { allowedOrigins: ["example.com"] } })).body.result;
    const from = (origin: string, path = "iframe") =>
      fetch(`${emu.url}/${input.uid}/${path}`, { headers: { Origin: origin } });
    const foreign = await from("https://elsewhere.test");
    expect(foreign.status).toBe(403);
    expect(await foreign.text()).toContain("elsewhere.test is not in this live input");
    expect((await from("https://elsewhere.test", "manifest/live/index.m3u8")).status).toBe(403);
    expect((await from("https://example.com")).status).toBe(200);
  });

  it("shows no poster for a live input (it has no thumbnail to point at)", async () => {
    const input = (await create()).body.result;
    expect(await (await fetch(`${emu.url}/${input.uid}/iframe`)).text()).not.toContain(
      `/${input.uid}/thumbnails/`,
    );
  });
});
