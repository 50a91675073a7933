import { describe, expect, it } from "vitest";
import type { VideoJson } from "../records";
import { emu, form, ready, serveApiEmulator } from "./apiSetup";
import { json } from "./helpers";

serveApiEmulator();

describe("the URLs `pnpm dev` prints", () => {
  it("answer, at the origin and at the API base, with what the emulator is and how to call it", async () => {
    for (const url of [`${emu.url}/`, emu.apiBase, `${emu.apiBase}/`]) {
      const { status, body } = await json<{ apiBase: string; videos: string; usage: string }>(
        await fetch(url),
      );
      expect(status).toBe(200);
      expect(body.result).toMatchObject({
        emulator: "@streamkit/emulator",
        apiBase: emu.apiBase,
        videos: emu.stream,
      });
      expect(body.result.usage).toContain(`Authorization: Bearer <token>`);
      // The way to call it, never the credential itself.
      expect(JSON.stringify(body)).not.toContain(emu.token);
    }
  });
});

describe("errors in Cloudflare's envelope", () => {
  it("answers unknown routes with 404 and code 7003", async () => {
    for (const response of [
      await emu.api(`/${ready.uid}/nothing/here`),
      await emu.api("/usage"),
      await fetch(`${emu.url}/client/v4/zones`),
    ]) {
      const { status, body } = await json(response);
      expect(status).toBe(404);
      expect(body).toMatchObject({ success: false, result: null, messages: [] });
      expect(body.errors[0]?.code).toBe(7003);
    }
  });

  it("answers missing and wrong credentials with 401/403 and code 10000", async () => {
    const missing = await json(await fetch(`${emu.stream}/${ready.uid}`));
    expect(missing.status).toBe(401);
    expect(missing.body.errors).toEqual([{ code: 10000, message: "Authentication error" }]);
    const globalKey = await fetch(`${emu.stream}/${ready.uid}`, {
      headers: { "x-auth-email": "dev@example.com", "x-auth-key": emu.token },
    });
    expect(globalKey.status).toBe(200);
    const wrong = await fetch(`${emu.stream}/${ready.uid}`, {
      headers: { authorization: "Bearer nope" },
    });
    expect(wrong.status).toBe(403);
    const otherAccount = await fetch(`${emu.apiBase}/accounts/${"f".repeat(32)}/stream`, {
      headers: { authorization: `Bearer ${emu.token}` },
    });
    expect(otherAccount.status).toBe(403);
    expect((await json(otherAccount)).body.errors[0]?.code).toBe(10000);
  });

  it("rejects bad bodies and parameters with 400 and a readable message", async () => {
    const cases: Array<[Response, string]> = [
      [
        await emu.api("/copy", {
          method: "POST",
          body: "{not json",
          headers: { "content-type": "application/json" },
        }),
        "JSON",
      ],
      [await emu.api("/copy", { method: "POST", body: {} }), "input"],
      [await emu.api("/copy", { method: "POST", body: { url: "notaurl" } }), "url"],
      [
        await emu.api("/copy", {
          method: "POST",
          body: { url: "http://x.test/a.mp4", thumbnailTimestampPct: 3 },
        }),
        "thumbnailTimestampPct",
      ],
      [
        await emu.api("/copy", {
          method: "POST",
          body: { url: "http://x.test/a.mp4", creator: "x".repeat(65) },
        }),
        "creator",
      ],
      [await emu.api("/direct_upload", { method: "POST", body: {} }), "maxDurationSeconds"],
      [
        await emu.api("/direct_upload", { method: "POST", body: { maxDurationSeconds: 36_001 } }),
        "maxDurationSeconds",
      ],
      [
        await emu.api("/direct_upload", {
          method: "POST",
          body: { maxDurationSeconds: 10, expiry: "2001-01-01T00:00:00Z" },
        }),
        "expiry",
      ],
      [
        await emu.api(`/${ready.uid}`, { method: "POST", body: { requireSignedURLs: "yes" } }),
        "requireSignedURLs",
      ],
      [
        await emu.api(`/${ready.uid}`, {
          method: "POST",
          body: { scheduledDeletion: new Date(Date.now() + 86_400_000).toISOString() },
        }),
        "30",
      ],
      [await emu.api("?status=nope"), "status"],
      [await emu.api("?limit=0"), "limit"],
      [await emu.api("?id=xyz"), "id"],
      [await emu.api("/not-a-uid"), "uid"],
    ];
    for (const [response, mention] of cases) {
      const { status, body } = await json(response);
      expect(status, mention).toBe(400);
      expect(body.success).toBe(false);
      expect(body.errors[0]?.message).toContain(mention);
    }
  });

  it("answers unknown uids with 404", async () => {
    const uid = "0".repeat(32);
    for (const response of [
      await emu.api(`/${uid}`),
      await emu.api(`/${uid}`, { method: "DELETE" }),
      await emu.api(`/${uid}/captions`),
    ]) {
      expect(response.status).toBe(404);
      expect((await json(response)).body.success).toBe(false);
    }
  });

  it("refuses a non-video basic upload with 10059 and an oversized one with 413", async () => {
    const text = await json(
      await emu.api("", { method: "POST", body: form("hello, I am text", "notes.txt") }),
    );
    expect(text.status).toBe(400);
    expect(text.body.errors[0]?.code).toBe(10059);
    const big = await emu.api("", {
      method: "POST",
      body: form(new Uint8Array(100 * 1024), "big.mp4"),
    });
    expect(big.status).toBe(413);
    // Nothing was left behind by the refused uploads.
    const list = await json<VideoJson[]>(await emu.api(""));
    expect(list.body.result.map((v) => v.uid)).toEqual([ready.uid]);
  });
});
