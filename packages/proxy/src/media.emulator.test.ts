import { readFile } from "node:fs/promises";
import path from "node:path";
import { type Stack, startStack } from "@streamkit/test-utils/stack";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

/**
 * Clips, watermark profiles and audio tracks through the proxy to the real emulator (without
 * ffmpeg, so it stays light): scoping, the admin-only default and the size caps end to end.
 */

const TINY = path.resolve(import.meta.dirname, "../../emulator/assets/tiny.mp4");
/** A 1×1 PNG. */
const PNG = Uint8Array.from(
  atob(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==",
  ),
  (c) => c.charCodeAt(0),
);

let stack: Stack;
let mine: string;
let theirs: string;

type Envelope<T = Record<string, unknown>> = {
  result: T;
  success: boolean;
  errors: { message: string }[];
};

async function browser(
  user: string,
  method: string,
  route: string,
  init: { json?: unknown; body?: BodyInit; headers?: Record<string, string> } = {},
) {
  const headers: Record<string, string> = { "x-user": user, ...init.headers };
  if (init.json !== undefined) headers["content-type"] = "application/json";
  return fetch(`${stack.baseUrl}${route}`, {
    method,
    headers,
    body: init.json === undefined ? (init.body ?? null) : JSON.stringify(init.json),
  });
}

function form(parts: Record<string, string | Blob>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(parts)) data.append(name, value);
  return data;
}

async function readyVideo(creator: string): Promise<string> {
  const uid = await stack.upload(new Uint8Array(await readFile(TINY)));
  await stack.admin("POST", `/${uid}`, { creator });
  await stack.waitFor(uid, (v) => v.status?.state === "ready");
  return uid;
}

beforeAll(async () => {
  stack = await startStack({
    emulator: { ffmpegPath: false },
    proxy: {
      creatorScope: (request) => request.headers.get("x-user") ?? undefined,
      isAdmin: (request) => request.headers.get("x-admin") === "yes",
      limits: { audioBytes: 64 * 1024 },
    },
  });
  mine = await readyVideo("alice");
  theirs = await readyVideo("bob");
}, 60_000);

afterAll(async () => {
  await stack?.stop();
});

describe("clips through the proxy", () => {
  it("refuses a clip of another creator's video with 404, and creates nothing", async () => {
    const before = ((await (await stack.admin("GET", "")).json()) as Envelope<unknown[]>).result
      .length;
    const response = await browser("alice", "POST", "/clip", {
      json: { clippedFromVideoUID: theirs, startTimeSeconds: 0, endTimeSeconds: 1 },
    });
    expect(response.status).toBe(404);
    expect(((await response.json()) as Envelope).errors[0]?.message).toBe(
      `Video ${theirs} not found`,
    );
    const after = ((await (await stack.admin("GET", "")).json()) as Envelope<unknown[]>).result;
    expect(after.length).toBe(before);
  });

  it("creates a clip of one's own video, stamped with the creator", async () => {
    const response = await browser("alice", "POST", "/clip", {
      json: { clippedFromVideoUID: mine, startTimeSeconds: 0, endTimeSeconds: 1, name: "cut" },
    });
    expect(response.status).toBe(200);
    const clip = (
      (await response.json()) as Envelope<{ uid: string; creator: string; clippedFrom: string }>
    ).result;
    expect(clip).toMatchObject({ creator: "alice", clippedFrom: mine });
    const stored = (await (await stack.admin("GET", `/${clip.uid}`)).json()) as Envelope;
    expect(stored.result.creator).toBe("alice");
    // For someone else: 403, and a bad window is the proxy's 400.
    const other = await browser("alice", "POST", "/clip", {
      json: { clippedFromVideoUID: mine, startTimeSeconds: 0, endTimeSeconds: 1, creator: "bob" },
    });
    expect(other.status).toBe(403);
    const bad = await browser("alice", "POST", "/clip", {
      json: { clippedFromVideoUID: mine, startTimeSeconds: 2, endTimeSeconds: 1 },
    });
    expect(bad.status).toBe(400);
  });
});

describe("watermark profiles through the proxy", () => {
  it("lists for everyone, creates and deletes only for admins", async () => {
    const image = form({
      file: new Blob([PNG], { type: "image/png" }),
      name: "logo",
      opacity: "0.5",
    });
    const refused = await browser("alice", "POST", "/watermarks", { body: image });
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as Envelope).errors[0]?.message).toContain("isAdmin");

    const created = await browser("alice", "POST", "/watermarks", {
      body: image,
      headers: { "x-admin": "yes" },
    });
    expect(created.status).toBe(200);
    const profile = (
      (await created.json()) as Envelope<{
        uid: string;
        name: string;
        opacity: number;
        width: number;
      }>
    ).result;
    expect(profile).toMatchObject({ name: "logo", opacity: 0.5, width: 1 });

    const listed = await browser("bob", "GET", "/watermarks");
    expect(listed.status).toBe(200);
    expect(
      ((await listed.json()) as Envelope<{ uid: string }[]>).result.map((p) => p.uid),
    ).toContain(profile.uid);
    expect((await browser("bob", "GET", `/watermarks/${profile.uid}`)).status).toBe(200);
    expect((await browser("bob", "DELETE", `/watermarks/${profile.uid}`)).status).toBe(403);
    expect((await stack.admin("GET", `/watermarks/${profile.uid}`)).status).toBe(200);
    const deleted = await browser("bob", "DELETE", `/watermarks/${profile.uid}`, {
      headers: { "x-admin": "yes" },
    });
    expect(deleted.status).toBe(200);
    expect((await stack.admin("GET", `/watermarks/${profile.uid}`)).status).toBe(404);
  });

  it("refuses bad settings before the emulator sees them", async () => {
    const bad = await browser("alice", "POST", "/watermarks", {
      json: { url: "https://example.com/logo.png", position: "middle" },
      headers: { "x-admin": "yes" },
    });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as Envelope).errors[0]?.message).toMatch(
      /^Invalid request: position/,
    );
  });
});

describe("audio tracks through the proxy", () => {
  it("answers another creator's video with 404 on every audio operation", async () => {
    const track = "0".repeat(32);
    for (const [method, route, init] of [
      ["GET", `/${theirs}/audio`, {}],
      ["POST", `/${theirs}/audio/copy`, { json: { label: "FR", url: `${stack.origin}/a.m4a` } }],
      [
        "POST",
        `/${theirs}/audio`,
        { body: form({ label: "FR", file: new Blob([new Uint8Array(10)]) }) },
      ],
      ["PATCH", `/${theirs}/audio/${track}`, { json: { label: "EN" } }],
      ["DELETE", `/${theirs}/audio/${track}`, {}],
    ] as const) {
      const response = await browser("alice", method, route, init);
      expect(response.status, `${method} ${route}`).toBe(404);
    }
    const listed = (await (await stack.admin("GET", `/${theirs}/audio`)).json()) as Envelope<{
      audio: unknown[];
    }>;
    expect(listed.result.audio).toEqual([]);
  });

  it("adds, lists, renames and deletes tracks of one's own video", async () => {
    const copied = await browser("alice", "POST", `/${mine}/audio/copy`, {
      json: { label: "Français", url: `${stack.origin}/missing.m4a` },
    });
    expect(copied.status).toBe(200);
    const copy = ((await copied.json()) as Envelope<{ uid: string; label: string }>).result;
    expect(copy.label).toBe("Français");

    const uploaded = await browser("alice", "POST", `/${mine}/audio`, {
      body: form({
        label: "Director",
        file: new Blob([new Uint8Array(2048)], { type: "audio/mp4" }),
      }),
    });
    expect(uploaded.status, await uploaded.clone().text()).toBe(200);
    const upload = ((await uploaded.json()) as Envelope<{ uid: string; label: string }>).result;
    expect(upload.label).toBe("Director");

    const listed = await browser("alice", "GET", `/${mine}/audio`);
    const tracks = ((await listed.json()) as Envelope<{ audio: { uid: string }[] }>).result.audio;
    expect(tracks.map((t) => t.uid)).toEqual(expect.arrayContaining([copy.uid, upload.uid]));

    const renamed = await browser("alice", "PATCH", `/${mine}/audio/${copy.uid}`, {
      json: { label: "French" },
    });
    expect(renamed.status).toBe(200);
    expect(((await renamed.json()) as Envelope<{ label: string }>).result.label).toBe("French");
    expect((await browser("alice", "DELETE", `/${mine}/audio/${upload.uid}`)).status).toBe(200);

    const noLabel = await browser("alice", "POST", `/${mine}/audio`, {
      body: form({ file: new Blob([new Uint8Array(10)]) }),
    });
    expect(noLabel.status).toBe(400);
    expect(((await noLabel.json()) as Envelope).errors[0]?.message).toMatch(
      /^Invalid request: label/,
    );
  });

  it("refuses a track over limits.audioBytes with 413", async () => {
    const response = await browser("alice", "POST", `/${mine}/audio`, {
      body: form({ label: "Big", file: new Blob([new Uint8Array(200 * 1024)]) }),
    });
    expect(response.status).toBe(413);
    expect(((await response.json()) as Envelope).errors[0]?.message).toContain("limits.audioBytes");
    const tracks = (
      (await (await stack.admin("GET", `/${mine}/audio`)).json()) as Envelope<{
        audio: { label: string }[];
      }>
    ).result.audio;
    expect(tracks.map((t) => t.label)).not.toContain("Big");
  });
});
