import type { RunningEmulator } from "@streamkit/emulator";
import { type Stack, startStack } from "@streamkit/test-utils/stack";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createStreamProxy } from "./index";
import { sseReader } from "./test/sse";

/**
 * The proxy against a real local Stream (the emulator, without ffmpeg so it stays light): the
 * whole contract end to end, including a webhook the emulator signs and delivers to the proxy.
 */

let stack: Stack;
let emulator: RunningEmulator;
let app: { origin: string };

/** Admin calls straight to the emulator with the token, as your server code would. */
async function admin(method: string, path: string, body?: unknown) {
  const response = await fetch(`${emulator.apiBase}/accounts/${emulator.accountId}/stream${path}`, {
    method,
    headers: { authorization: `Bearer ${emulator.token}`, "content-type": "application/json" },
    body: body === undefined ? null : JSON.stringify(body),
  });
  return (await response.json()) as { result: Record<string, unknown>; success: boolean };
}

/** The browser's view: requests to the proxy, signed in as `user`. */
async function browser(
  user: string,
  method: string,
  path: string,
  init: { json?: unknown; headers?: Record<string, string> } = {},
) {
  const headers: Record<string, string> = { "x-user": user, ...init.headers };
  if (init.json !== undefined) headers["content-type"] = "application/json";
  return fetch(`${app.origin}/api/stream${path}`, {
    method,
    headers,
    body: init.json === undefined ? null : JSON.stringify(init.json),
  });
}

async function visible(response: Response): Promise<string> {
  return `${[...response.headers].map(([k, v]) => `${k}: ${v}`).join("\n")}\n${await response.clone().text()}`;
}

beforeAll(async () => {
  // One server for both: the proxy under /api/stream, the webhook receiver beside it.
  stack = await startStack({
    emulator: { ffmpegPath: false, webhooks: { retryDelaysMs: [200, 500] } },
    webhookPath: "/webhooks/stream",
    proxy: {
      authorize: (request) => request.headers.has("x-user"),
      creatorScope: (request) => request.headers.get("x-user") ?? undefined,
    },
  });
  emulator = stack.emulator;
  app = { origin: stack.origin };
}, 60_000);

afterAll(async () => {
  await stack?.stop();
});

describe("proxy ⇄ emulator", () => {
  it("lists, gets, updates and deletes through the proxy, scoped to the creator", async () => {
    const mine = await admin("POST", "/direct_upload", {
      maxDurationSeconds: 60,
      creator: "alice",
      meta: { name: "mine" },
    });
    const theirs = await admin("POST", "/direct_upload", {
      maxDurationSeconds: 60,
      creator: "bob",
    });
    const mineUid = String(mine.result.uid);
    const theirUid = String(theirs.result.uid);

    const list = await browser("alice", "GET", "?include_counts=true");
    expect(list.status).toBe(200);
    const listed = (await list.json()) as {
      result: { uid: string; creator: string }[];
      success: boolean;
    };
    expect(listed.success).toBe(true);
    expect(listed.result.map((v) => v.uid)).toContain(mineUid);
    expect(listed.result.every((v) => v.creator === "alice")).toBe(true);

    const got = await browser("alice", "GET", `/${mineUid}`);
    expect(got.status).toBe(200);
    expect(((await got.json()) as { result: { meta: { name: string } } }).result.meta.name).toBe(
      "mine",
    );

    const updated = await browser("alice", "POST", `/${mineUid}`, {
      json: { meta: { name: "renamed" } },
    });
    expect(updated.status).toBe(200);
    expect(
      ((await updated.json()) as { result: { meta: { name: string } } }).result.meta.name,
    ).toBe("renamed");

    // Cross-tenant: refused with 404, and nothing changed upstream.
    for (const [method, path, json] of [
      ["GET", `/${theirUid}`, undefined],
      ["POST", `/${theirUid}`, { meta: { name: "stolen" } }],
      ["DELETE", `/${theirUid}`, undefined],
      ["POST", `/${theirUid}/token`, {}],
    ] as const) {
      const response = await browser("alice", method, path, { json });
      expect(response.status, `${method} ${path}`).toBe(404);
    }
    const untouched = await admin("GET", `/${theirUid}`);
    expect(untouched.success).toBe(true);
    expect((untouched.result.meta as { name?: string }).name).not.toBe("stolen");

    const deleted = await browser("alice", "DELETE", `/${mineUid}`);
    expect(deleted.status).toBe(200);
    expect((await browser("alice", "GET", `/${mineUid}`)).status).toBe(404);
  });

  it("creates copies, direct uploads and tus uploads stamped with the creator", async () => {
    const copy = await browser("alice", "POST", "/copy", {
      json: { input: `${app.origin}/does-not-exist.mp4`, creator: "bob", meta: { name: "copied" } },
    });
    expect(copy.status).toBe(200);
    const copied = (await copy.json()) as { result: { uid: string; creator: string } };
    expect(copied.result.creator).toBe("alice");

    const direct = await browser("alice", "POST", "/direct_upload", {
      json: { maxDurationSeconds: 30 },
    });
    expect(direct.status).toBe(200);
    const created = (await direct.json()) as { result: { uploadURL: string; uid: string } };
    expect(created.result.uploadURL).toMatch(/^https?:\/\//);
    expect((await admin("GET", `/${created.result.uid}`)).result.creator).toBe("alice");

    const tus = await browser("alice", "POST", "", {
      headers: {
        "tus-resumable": "1.0.0",
        "upload-length": "4",
        "upload-metadata": `name ${btoa("tus.mp4")},maxdurationseconds ${btoa("60")}`,
      },
    });
    expect(tus.status).toBe(201);
    const mediaId = tus.headers.get("stream-media-id") ?? "";
    expect(mediaId).toMatch(/^[0-9a-f]{32}$/);
    const location = tus.headers.get("location") ?? "";
    expect(location.startsWith(emulator.url)).toBe(true);
    expect(tus.headers.get("access-control-expose-headers")).toContain("Location");
    expect((await admin("GET", `/${mediaId}`)).result.creator).toBe("alice");
    // The one-time Location takes the bytes without the API token: they never touch the proxy.
    const patch = await fetch(location, {
      method: "PATCH",
      headers: {
        "tus-resumable": "1.0.0",
        "upload-offset": "0",
        "content-type": "application/offset+octet-stream",
      },
      body: new Uint8Array([0, 0, 0, 0]),
    });
    expect(patch.status).toBe(204);
  });

  it("gets tokens from the API, or signs them locally in a form the emulator accepts", async () => {
    const video = await admin("POST", "/direct_upload", {
      maxDurationSeconds: 60,
      creator: "alice",
      requireSignedURLs: true,
    });
    const uid = String(video.result.uid);
    const fromApi = await browser("alice", "POST", `/${uid}/token`, {
      json: { downloadable: true },
    });
    expect(fromApi.status).toBe(200);
    const apiToken = ((await fromApi.json()) as { result: { token: string } }).result.token;
    expect(apiToken.split(".")).toHaveLength(3);

    const key = await admin("POST", "/keys", {});
    const local = createStreamProxy({
      accountId: emulator.accountId,
      apiToken: emulator.token,
      upstream: emulator.apiBase,
      basePath: "/api/stream",
      signingKey: { id: String(key.result.id), pem: String(key.result.pem) },
    });
    const signed = await local.fetch(
      new Request(`http://app.test/api/stream/${uid}/token`, { method: "POST" }),
    );
    const token = ((await signed.json()) as { result: { token: string } }).result.token;
    const thumbnail = `${emulator.deliveryOrigin}/${token}/thumbnails/thumbnail.jpg`;
    // The video has no bytes yet, so past the access checks the emulator says "not ready yet";
    // what matters is that the token passed them (a forged one is a 401).
    const accepted = await fetch(thumbnail);
    expect([401, 403]).not.toContain(accepted.status);
    expect(await accepted.text()).not.toMatch(/token/i);
    const [header, payload] = token.split(".");
    const forged = `${header}.${payload}.${"A".repeat(342)}`;
    expect(
      (await fetch(`${emulator.deliveryOrigin}/${forged}/thumbnails/thumbnail.jpg`)).status,
    ).toBe(401);
  });

  it("never shows the API token to the browser", async () => {
    const made = await admin("POST", "/direct_upload", {
      maxDurationSeconds: 60,
      creator: "alice",
    });
    const uid = String(made.result.uid);
    const responses = [
      await browser("alice", "GET", ""),
      await browser("alice", "GET", `/${uid}`),
      await browser("alice", "POST", `/${uid}/token`, { json: {} }),
      await browser("alice", "POST", "/direct_upload", { json: { maxDurationSeconds: 10 } }),
      await browser("alice", "GET", "/storage-usage"),
      await browser("alice", "GET", `/${uid}/captions`),
      await browser("alice", "GET", `/${uid}/downloads`),
      await browser("alice", "GET", "/keys"),
      await browser("nobody-signed-in", "GET", "/0123"),
    ];
    for (const response of responses) expect(await visible(response)).not.toContain(emulator.token);
  });

  it("turns the emulator's signed webhook into a server-sent event for the right creator", async () => {
    const alice = new AbortController();
    const bob = new AbortController();
    const aliceEvents = sseReader(
      await fetch(`${app.origin}/api/stream/events`, {
        headers: { "x-user": "alice" },
        signal: alice.signal,
      }),
    );
    const bobEvents = sseReader(
      await fetch(`${app.origin}/api/stream/events`, {
        headers: { "x-user": "bob" },
        signal: bob.signal,
      }),
    );
    // A copy from a URL that answers 404 ends in `error`, which fires the webhook.
    const copy = await browser("alice", "POST", "/copy", {
      json: { input: `${app.origin}/missing.mp4` },
    });
    const uid = ((await copy.json()) as { result: { uid: string } }).result.uid;
    const event = await aliceEvents.next(
      (m) => m.event === "video" && (m.data ?? "").includes(uid),
      20_000,
    );
    const video = JSON.parse(event.data ?? "") as {
      uid: string;
      creator: string;
      status: { state: string };
    };
    expect(video).toMatchObject({ uid, creator: "alice", status: { state: "error" } });
    expect(event.id).toMatch(new RegExp(`^\\d+-${uid}$`));
    expect(await bobEvents.quiet(300)).toBe(true);
    alice.abort();
    bob.abort();
  });
});
