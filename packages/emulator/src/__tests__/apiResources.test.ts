import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import type { VideoJson } from "../records";
import { emu, form, ready, serveApiEmulator, TINY } from "./apiSetup";
import { isTerminal, json } from "./helpers";

serveApiEmulator();

describe("videos", () => {
  it("takes a basic multipart upload", async () => {
    const { status, body } = await json<VideoJson>(
      await emu.api("", { method: "POST", body: form(await readFile(TINY), "basic.mp4") }),
    );
    expect(status).toBe(200);
    expect(body.result.meta).toMatchObject({ name: "basic.mp4" });
    const done = await emu.waitFor(body.result.uid ?? "", isTerminal);
    expect(done.status?.state).toBe("ready");
    expect((await emu.api(`/${done.uid}`, { method: "DELETE" })).status).toBe(200);
  });

  it("lists with range and total as integers beside result", async () => {
    const { body } = await json<VideoJson[]>(await emu.api("?include_counts=true&limit=1"));
    expect(body.result).toHaveLength(1);
    expect(body.range).toBe(0);
    expect(body.total).toBe(1);
    const withoutCounts = await json(await emu.api(""));
    expect(withoutCounts.body.total).toBeUndefined();
  });

  it("updates fields and deletes with an empty 200", async () => {
    const { body } = await json<VideoJson>(
      await emu.api("/copy", {
        method: "POST",
        body: { url: `${emu.url}/samples/tiny.mp4`, creator: "dora" },
      }),
    );
    const uid = body.result.uid ?? "";
    const later = new Date(Date.now() + 40 * 86_400_000).toISOString();
    const updated = await json<VideoJson>(
      await emu.api(`/${uid}`, {
        method: "POST",
        body: { scheduledDeletion: later, creator: null, publicDetails: { title: "T" } },
      }),
    );
    expect(updated.body.result.scheduledDeletion).toBe(later);
    expect(updated.body.result.creator).toBeNull();
    expect(updated.body.result.publicDetails).toEqual({ title: "T" });
    const cleared = await json<VideoJson>(
      await emu.api(`/${uid}`, { method: "POST", body: { scheduledDeletion: null } }),
    );
    expect(cleared.body.result.scheduledDeletion).toBeNull();

    const deleted = await emu.api(`/${uid}`, { method: "DELETE" });
    expect(deleted.status).toBe(200);
    expect(await deleted.text()).toBe("");
    expect((await emu.api(`/${uid}`)).status).toBe(404);
  });

  it("expires and uses up one-time direct upload URLs", async () => {
    const soon = new Date(Date.now() + 700).toISOString();
    const { body } = await json<{ uploadURL: string; uid: string }>(
      await emu.api("/direct_upload", {
        method: "POST",
        body: { maxDurationSeconds: 30, expiry: soon },
      }),
    );
    await new Promise((r) => setTimeout(r, 800));
    expect(
      (await fetch(body.result.uploadURL, { method: "POST", body: form(await readFile(TINY)) }))
        .status,
    ).toBe(410);
    expect(
      (await fetch(`${emu.url}/upload/${"1".repeat(32)}`, { method: "POST", body: form("x") }))
        .status,
    ).toBe(404);
  });

  it("reports storage usage", async () => {
    const { body } = await json<{
      totalStorageMinutes: number;
      videoCount: number;
      totalStorageMinutesLimit: number;
    }>(await emu.api("/storage-usage"));
    expect(body.result.videoCount).toBeGreaterThanOrEqual(1);
    expect(body.result.totalStorageMinutes).toBeGreaterThan(0);
    expect(Number.isInteger(body.result.totalStorageMinutesLimit)).toBe(true);
  });

  it("returns the embed snippet as HTML", async () => {
    const response = await emu.api(`/${ready.uid}/embed`);
    expect(response.headers.get("content-type")).toContain("text/html");
    expect(await response.text()).toContain(`${emu.deliveryOrigin}/${ready.uid}/iframe`);
  });
});

describe("captions", () => {
  it("uploads, lists, serves and deletes WebVTT captions", async () => {
    const vtt = "WEBVTT\n\n00:00.000 --> 00:01.000\nHallo\n";
    const put = await json<{ language: string; label: string; generated: boolean; status: string }>(
      await emu.api(`/${ready.uid}/captions/de`, { method: "PUT", body: form(vtt, "de.vtt") }),
    );
    expect(put.body.result).toEqual({
      language: "de",
      label: "Deutsch",
      generated: false,
      status: "ready",
    });
    await emu.api(`/${ready.uid}/captions/en-GB`, { method: "PUT", body: form(vtt, "en.vtt") });
    const list = await json<Array<{ language: string; label: string }>>(
      await emu.api(`/${ready.uid}/captions`),
    );
    expect(list.body.result.map((t) => t.label)).toEqual(["Deutsch", "British English"]);
    const file = await emu.api(`/${ready.uid}/captions/de/vtt`);
    expect(file.headers.get("content-type")).toContain("text/vtt");
    expect(await file.text()).toBe(vtt);
    expect(
      (await emu.api(`/${ready.uid}/captions/fr`, { method: "PUT", body: form("not vtt") })).status,
    ).toBe(400);
    const deleted = await json<string>(
      await emu.api(`/${ready.uid}/captions/en-GB`, { method: "DELETE" }),
    );
    expect(deleted.body.result).toBe("");
    expect((await emu.api(`/${ready.uid}/captions/en-GB`)).status).toBe(404);
  });

  it("generates captions: inprogress, then ready", async () => {
    const started = await json<{ status: string; generated: boolean; label: string }>(
      await emu.api(`/${ready.uid}/captions/fr/generate`, { method: "POST" }),
    );
    expect(started.body.result).toMatchObject({
      status: "inprogress",
      generated: true,
      label: "Français (auto-generated)",
    });
    expect((await emu.api(`/${ready.uid}/captions/fr/generate`, { method: "POST" })).status).toBe(
      409,
    );
    expect((await emu.api(`/${ready.uid}/captions/sv/generate`, { method: "POST" })).status).toBe(
      400,
    );
    let status = "inprogress";
    for (let i = 0; i < 50 && status !== "ready"; i++) {
      await new Promise((r) => setTimeout(r, 100));
      status = (await json<{ status: string }>(await emu.api(`/${ready.uid}/captions/fr`))).body
        .result.status;
    }
    expect(status).toBe("ready");
    expect(await (await emu.api(`/${ready.uid}/captions/fr/vtt`)).text()).toMatch(/^WEBVTT/);
  });
});

describe("webhook subscription", () => {
  it("creates, reads and deletes the subscription, accepting localhost", async () => {
    expect((await emu.api("/webhook")).status).toBe(404);
    const put = await json<{ notificationUrl: string; secret: string; modified: string }>(
      await emu.api("/webhook", {
        method: "PUT",
        body: { notificationUrl: "http://localhost:9/hook" },
      }),
    );
    expect(put.body.result.notificationUrl).toBe("http://localhost:9/hook");
    expect(put.body.result.secret).toMatch(/^[0-9a-f]{32}$/);
    const got = await json<{ secret: string }>(await emu.api("/webhook"));
    expect(got.body.result.secret).toBe(put.body.result.secret);
    expect(
      (await emu.api("/webhook", { method: "PUT", body: { notificationUrl: "ftp://x" } })).status,
    ).toBe(400);
    expect((await json(await emu.api("/webhook", { method: "DELETE" }))).body.result).toBe("ok");
  });
});

describe("delivery", () => {
  it("serves the player page with every iframe parameter applied", async () => {
    const response = await fetch(
      `${emu.deliveryOrigin}/${ready.uid}/iframe?autoplay=true&muted=true&loop=true&controls=false&preload=auto&startTime=1m2s&primaryColor=%23ff0000&letterboxColor=transparent&defaultTextTrack=de&poster=${encodeURIComponent("https://example.com/p.jpg")}&ad-url=${encodeURIComponent("https://ads.example.com/vast")}`,
    );
    expect(response.status).toBe(200);
    const html = await response.text();
    const tag = /<video [^>]*>/.exec(html)?.[0] ?? "";
    expect(tag).toContain("autoplay");
    expect(tag).toContain("muted");
    expect(tag).toContain("loop");
    expect(tag).not.toContain("controls");
    expect(tag).toContain('preload="auto"');
    expect(tag).toContain('poster="https://example.com/p.jpg"');
    expect(html).toContain('"startTime":62');
    expect(html).toContain('"primaryColor":"#ff0000"');
    expect(html).toContain('"adUrl":"https://ads.example.com/vast"');
    expect(html).toContain("/embed/hls.min.js");
    expect(html).toContain('srclang="de"');
    const hls = await fetch(`${emu.deliveryOrigin}/embed/hls.min.js`);
    expect(hls.status).toBe(200);
    expect((await hls.text()).length).toBeGreaterThan(100_000);
    const sdk = await fetch(`${emu.deliveryOrigin}/embed/sdk.latest.js`);
    expect(sdk.headers.get("content-type")).toContain("javascript");
    expect(await sdk.text()).toContain("window.Stream = Stream");
  });

  it("serves the watch page, the legacy player path and a refusal page for private videos", async () => {
    const watch = await fetch(ready.preview ?? "");
    expect(watch.status).toBe(200);
    expect(await watch.text()).toContain(`/${ready.uid}/iframe`);
    expect((await fetch(`${emu.deliveryOrigin}/${ready.uid}`)).status).toBe(200);
    await emu.api(`/${ready.uid}`, { method: "POST", body: { requireSignedURLs: true } });
    const refused = await fetch(`${emu.deliveryOrigin}/${ready.uid}/iframe`);
    expect(refused.status).toBe(401);
    expect(await refused.text()).toContain("signed URL");
    expect((await fetch(`${ready.thumbnail}`)).status).toBe(401);
    await emu.api(`/${ready.uid}`, { method: "POST", body: { requireSignedURLs: false } });
  });

  it("enforces allowedOrigins on the Referer or Origin host, with wildcards", async () => {
    await emu.api(`/${ready.uid}`, {
      method: "POST",
      body: { allowedOrigins: ["example.com", "*.example.org"] },
    });
    const iframe = `${emu.deliveryOrigin}/${ready.uid}/iframe`;
    expect((await fetch(iframe, { headers: { referer: "https://example.com/page" } })).status).toBe(
      200,
    );
    expect(
      (await fetch(iframe, { headers: { referer: "https://app.example.org/x" } })).status,
    ).toBe(200);
    expect((await fetch(iframe, { headers: { referer: "https://example.org/x" } })).status).toBe(
      403,
    );
    expect((await fetch(iframe, { headers: { referer: "https://evil.test/" } })).status).toBe(403);
    expect(
      (
        await fetch(`${emu.deliveryOrigin}/${ready.uid}/manifest/video.m3u8`, {
          headers: { origin: "https://evil.test" },
        })
      ).status,
    ).toBe(403);
    // The player's own requests come from the delivery origin and pass.
    expect(
      (
        await fetch(`${emu.deliveryOrigin}/${ready.uid}/manifest/video.m3u8`, {
          headers: { referer: iframe },
        })
      ).status,
    ).toBe(200);
    await emu.api(`/${ready.uid}`, { method: "POST", body: { allowedOrigins: [] } });
  });

  it("sends permissive CORS headers on API and delivery responses", async () => {
    const api = await fetch(`${emu.stream}/${ready.uid}`, {
      method: "OPTIONS",
      headers: {
        origin: "http://app.local",
        "access-control-request-method": "GET",
        "access-control-request-headers": "authorization",
      },
    });
    expect(api.status).toBe(204);
    expect(api.headers.get("access-control-allow-headers")).toContain("authorization");
    const thumb = await fetch(`${emu.deliveryOrigin}/${ready.uid}/thumbnails/thumbnail.jpg`, {
      headers: { origin: "http://app.local" },
    });
    expect(thumb.headers.get("access-control-allow-origin")).toBe("*");
  });
});
