import { readFile } from "node:fs/promises";
import path from "node:path";
import Cloudflare from "cloudflare";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isTerminal, startTestEmulator, type TestEmulator } from "./helpers";

const TINY = path.join(import.meta.dirname, "..", "..", "assets", "tiny.mp4");

let emu: TestEmulator;
let cf: Cloudflare;
let account_id: string;

beforeAll(async () => {
  emu = await startTestEmulator();
  // The official SDK, unchanged: only its baseURL points at the emulator.
  cf = new Cloudflare({ apiToken: emu.token, baseURL: emu.apiBase, maxRetries: 0 });
  account_id = emu.accountId;
});

afterAll(async () => {
  await emu?.dispose();
});

describe("the official cloudflare SDK against the emulator", () => {
  it("copies, gets, lists with filters, updates and deletes", async () => {
    const first = await cf.stream.copy.create({
      account_id,
      url: `${emu.url}/samples/tiny.mp4`,
      meta: { name: "sdk first" },
      creator: "alice",
    });
    expect(first.uid).toMatch(/^[0-9a-f]{32}$/);
    expect(first.status?.state).toBe("downloading");
    const second = await cf.stream.copy.create({
      account_id,
      url: `${emu.url}/samples/tiny.mp4`,
      meta: { name: "sdk second" },
      creator: "bob",
    });

    const got = await cf.stream.get(first.uid ?? "", { account_id });
    expect(got.uid).toBe(first.uid);
    expect(got.meta).toMatchObject({ name: "sdk first" });

    await emu.waitFor(first.uid ?? "", isTerminal);
    await emu.waitFor(second.uid ?? "", isTerminal);
    const ready = await cf.stream.get(first.uid ?? "", { account_id });
    expect(ready.status?.state).toBe("ready");
    expect(ready.readyToStream).toBe(true);
    expect(ready.duration).toBeCloseTo(2, 0);

    const all = [];
    for await (const video of cf.stream.list({ account_id })) all.push(video);
    expect(all.map((v) => v.uid)).toEqual([second.uid, first.uid]); // newest first

    const ascending = [];
    for await (const video of cf.stream.list({ account_id, asc: true })) ascending.push(video.uid);
    expect(ascending).toEqual([first.uid, second.uid]);

    const byCreator = await cf.stream.list({ account_id, creator: "bob" });
    expect(byCreator.result.map((v) => v.uid)).toEqual([second.uid]);
    const bySearch = await cf.stream.list({ account_id, search: "FIRST" });
    expect(bySearch.result.map((v) => v.uid)).toEqual([first.uid]);
    const byStatus = await cf.stream.list({ account_id, status: "ready", include_counts: true });
    expect(byStatus.result).toHaveLength(2);
    const limited = await cf.stream.list({ account_id, limit: 1 });
    expect(limited.result.map((v) => v.uid)).toEqual([second.uid]);
    const before = await cf.stream.list({ account_id, before: second.created });
    expect(before.result.map((v) => v.uid)).toEqual([first.uid]);
    const byId = await cf.stream.list({ account_id, id: `${first.uid},${second.uid}` });
    expect(byId.result).toHaveLength(2);
    const byName = await cf.stream.list({ account_id, video_name: "sdk second" });
    expect(byName.result.map((v) => v.uid)).toEqual([second.uid]);

    const edited = await cf.stream.edit(first.uid ?? "", {
      account_id,
      meta: { name: "renamed" },
      requireSignedURLs: true,
      allowedOrigins: ["example.com"],
      thumbnailTimestampPct: 0.5,
    });
    expect(edited.meta).toEqual({ name: "renamed" });
    expect(edited.requireSignedURLs).toBe(true);
    expect(edited.allowedOrigins).toEqual(["example.com"]);
    expect(edited.thumbnailTimestampPct).toBe(0.5);

    await cf.stream.delete(second.uid ?? "", { account_id });
    await expect(cf.stream.get(second.uid ?? "", { account_id })).rejects.toMatchObject({
      status: 404,
    });
    await expect(cf.stream.delete(second.uid ?? "", { account_id })).rejects.toBeInstanceOf(
      Cloudflare.NotFoundError,
    );
  });

  it("creates a direct upload whose one-time URL takes a file", async () => {
    const upload = await cf.stream.directUpload.create({
      account_id,
      maxDurationSeconds: 60,
      creator: "carol",
      meta: { name: "direct" },
    });
    expect(upload.uploadURL).toBe(`${emu.url}/upload/${upload.uid}`);
    const pending = await cf.stream.get(upload.uid ?? "", { account_id });
    expect(pending.status?.state).toBe("pendingupload");
    expect(pending.maxDurationSeconds).toBe(60);
    expect(Date.parse(pending.uploadExpiry ?? "")).toBeGreaterThan(Date.now());

    const form = new FormData();
    form.set("file", new Blob([await readFile(TINY)], { type: "video/mp4" }), "tiny.mp4");
    const response = await fetch(upload.uploadURL ?? "", { method: "POST", body: form });
    expect(response.status).toBe(200);
    const again = new FormData();
    again.set("file", new Blob([await readFile(TINY)]), "tiny.mp4");
    expect((await fetch(upload.uploadURL ?? "", { method: "POST", body: again })).status).toBe(409);

    const done = await emu.waitFor(upload.uid ?? "", isTerminal);
    expect(done.status?.state).toBe("ready");
    expect(done.creator).toBe("carol");
  });

  it("issues signed tokens that replace the uid in delivery URLs", async () => {
    const video = await cf.stream.copy.create({
      account_id,
      url: `${emu.url}/samples/tiny.mp4`,
      requireSignedURLs: true,
    });
    await emu.waitFor(video.uid ?? "", isTerminal);
    expect((await fetch(`${emu.deliveryOrigin}/${video.uid}/manifest/video.m3u8`)).status).toBe(
      401,
    );

    const { token } = await cf.stream.token.create(video.uid ?? "", { account_id });
    expect(token?.split(".")).toHaveLength(3);
    const payload = JSON.parse(
      Buffer.from(token?.split(".")[1] ?? "", "base64url").toString(),
    ) as Record<string, unknown>;
    expect(payload).toMatchObject({ sub: video.uid });
    expect(typeof payload.exp).toBe("string"); // as Stream's /token endpoint writes it
    expect((await fetch(`${emu.deliveryOrigin}/${token}/manifest/video.m3u8`)).status).toBe(200);
    expect((await fetch(`${emu.deliveryOrigin}/${token}/thumbnails/thumbnail.jpg`)).status).toBe(
      200,
    );

    const expired = await cf.stream.token.create(video.uid ?? "", {
      account_id,
      exp: Math.floor(Date.now() / 1000) + 1,
    });
    await new Promise((r) => setTimeout(r, 1100));
    expect((await fetch(`${emu.deliveryOrigin}/${expired.token}/manifest/video.m3u8`)).status).toBe(
      401,
    );

    // A key of the caller's own, as for self-signed tokens.
    const key = await cf.stream.keys.create({ account_id });
    expect(Buffer.from(key.pem ?? "", "base64").toString()).toContain("PRIVATE KEY");
    const jwk = JSON.parse(Buffer.from(key.jwk ?? "", "base64").toString()) as { kty: string };
    expect(jwk.kty).toBe("RSA");
    const own = await cf.stream.token.create(video.uid ?? "", {
      account_id,
      id: key.id,
      pem: key.pem,
    });
    expect((await fetch(`${emu.deliveryOrigin}/${own.token}/manifest/video.m3u8`)).status).toBe(
      200,
    );
    const keys = await cf.stream.keys.get({ account_id });
    expect(keys.result.map((k) => k.id)).toContain(key.id);
    await cf.stream.keys.delete(key.id ?? "", { account_id });
    expect((await fetch(`${emu.deliveryOrigin}/${own.token}/manifest/video.m3u8`)).status).toBe(
      401,
    );
  });

  it("reports API errors as the SDK's typed errors", async () => {
    const bad = new Cloudflare({ apiToken: "wrong", baseURL: emu.apiBase, maxRetries: 0 });
    await expect(bad.stream.get("0".repeat(32), { account_id })).rejects.toBeInstanceOf(
      Cloudflare.PermissionDeniedError,
    );
    await expect(
      cf.stream.copy.create({ account_id, url: "ftp://example.com/video.mp4" }),
    ).rejects.toBeInstanceOf(Cloudflare.BadRequestError);
  });
});
