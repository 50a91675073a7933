import type { RunningEmulator } from "@streamkit/emulator";
import { expect } from "vitest";
import { sseReader } from "./sse";

/**
 * The proxy's contract against a real emulator, as checks that take where the proxy runs: the
 * Node stack (src/emulator.test.ts) and the Worker in workerd (integration/workerd) run the same
 * ones, so "it works on Workers" means the same thing as "it works on Node".
 */

export interface ContractTarget {
  emulator: Pick<RunningEmulator, "apiBase" | "accountId" | "token" | "url" | "deliveryOrigin">;
  /** The proxy as the browser sees it: `${origin}/api/stream`. */
  baseUrl: string;
  /** Headers that sign `user` in, in the target's own session scheme. */
  signIn(user: string): Record<string, string>;
  /** Where the proxy's `handleWebhook` is mounted (the emulator's subscription points there). */
  webhookUrl: string;
  /** An origin whose every path answers 404: a copy from it ends in `error`, firing a webhook. */
  missingOrigin: string;
}

type Envelope<T = Record<string, unknown>> = { result: T; success: boolean };

/** Admin calls straight to the emulator with the token, as your server code would. */
export async function admin(t: ContractTarget, method: string, path: string, body?: unknown) {
  const { apiBase, accountId, token } = t.emulator;
  const response = await fetch(`${apiBase}/accounts/${accountId}/stream${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body: body === undefined ? null : JSON.stringify(body),
  });
  return (await response.json()) as Envelope;
}

/** The browser's view: requests to the proxy, signed in as `user`. */
export function browser(
  t: ContractTarget,
  user: string,
  method: string,
  path: string,
  init: { json?: unknown; headers?: Record<string, string> } = {},
): Promise<Response> {
  const headers: Record<string, string> = { ...t.signIn(user), ...init.headers };
  if (init.json !== undefined) headers["content-type"] = "application/json";
  return fetch(`${t.baseUrl}${path}`, {
    method,
    headers,
    body: init.json === undefined ? null : JSON.stringify(init.json),
  });
}

/** An `/events` stream as `user`'s browser opens it (`lastEventId`: as EventSource reconnects). */
export async function openEvents(
  t: ContractTarget,
  user: string,
  options: { baseUrl?: string; lastEventId?: string } = {},
) {
  const controller = new AbortController();
  const headers: Record<string, string> = { ...t.signIn(user) };
  if (options.lastEventId) headers["last-event-id"] = options.lastEventId;
  const response = await fetch(`${options.baseUrl ?? t.baseUrl}/events`, {
    headers,
    signal: controller.signal,
  });
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toContain("text/event-stream");
  return Object.assign(sseReader(response), { close: () => controller.abort() });
}

/** A copy that the emulator fails (its source is a 404), so a webhook follows; its uid. */
export async function failingCopy(t: ContractTarget, user: string): Promise<string> {
  const copy = await browser(t, user, "POST", "/copy", {
    json: { input: `${t.missingOrigin}/missing-${crypto.randomUUID()}.mp4` },
  });
  expect(copy.status).toBe(200);
  return ((await copy.json()) as Envelope<{ uid: string }>).result.uid;
}

async function visible(response: Response): Promise<string> {
  return `${[...response.headers].map(([k, v]) => `${k}: ${v}`).join("\n")}\n${await response.clone().text()}`;
}

export async function checkScopedCrud(t: ContractTarget): Promise<void> {
  const mine = await admin(t, "POST", "/direct_upload", {
    maxDurationSeconds: 60,
    creator: "alice",
    meta: { name: "mine" },
  });
  const theirs = await admin(t, "POST", "/direct_upload", {
    maxDurationSeconds: 60,
    creator: "bob",
  });
  const mineUid = String(mine.result.uid);
  const theirUid = String(theirs.result.uid);

  const list = await browser(t, "alice", "GET", "?include_counts=true");
  expect(list.status).toBe(200);
  const listed = (await list.json()) as Envelope<{ uid: string; creator: string }[]>;
  expect(listed.success).toBe(true);
  expect(listed.result.map((v) => v.uid)).toContain(mineUid);
  expect(listed.result.every((v) => v.creator === "alice")).toBe(true);

  const got = await browser(t, "alice", "GET", `/${mineUid}`);
  expect(got.status).toBe(200);
  expect(((await got.json()) as Envelope<{ meta: { name: string } }>).result.meta.name).toBe(
    "mine",
  );

  const updated = await browser(t, "alice", "POST", `/${mineUid}`, {
    json: { meta: { name: "renamed" } },
  });
  expect(updated.status).toBe(200);
  expect(((await updated.json()) as Envelope<{ meta: { name: string } }>).result.meta.name).toBe(
    "renamed",
  );

  // Cross-tenant: refused with 404, and nothing changed upstream.
  for (const [method, path, json] of [
    ["GET", `/${theirUid}`, undefined],
    ["POST", `/${theirUid}`, { meta: { name: "stolen" } }],
    ["DELETE", `/${theirUid}`, undefined],
    ["POST", `/${theirUid}/token`, {}],
  ] as const) {
    const response = await browser(t, "alice", method, path, { json });
    expect(response.status, `${method} ${path}`).toBe(404);
  }
  const untouched = await admin(t, "GET", `/${theirUid}`);
  expect(untouched.success).toBe(true);
  expect((untouched.result.meta as { name?: string }).name).not.toBe("stolen");

  const deleted = await browser(t, "alice", "DELETE", `/${mineUid}`);
  expect(deleted.status).toBe(200);
  expect((await browser(t, "alice", "GET", `/${mineUid}`)).status).toBe(404);
}

export async function checkCreations(t: ContractTarget): Promise<void> {
  const copy = await browser(t, "alice", "POST", "/copy", {
    json: {
      input: `${t.missingOrigin}/does-not-exist.mp4`,
      creator: "bob",
      meta: { name: "copied" },
    },
  });
  expect(copy.status).toBe(200);
  const copied = (await copy.json()) as Envelope<{ uid: string; creator: string }>;
  expect(copied.result.creator).toBe("alice");

  const direct = await browser(t, "alice", "POST", "/direct_upload", {
    json: { maxDurationSeconds: 30 },
  });
  expect(direct.status).toBe(200);
  const created = (await direct.json()) as Envelope<{ uploadURL: string; uid: string }>;
  expect(created.result.uploadURL).toMatch(/^https?:\/\//);
  expect((await admin(t, "GET", `/${created.result.uid}`)).result.creator).toBe("alice");

  const tus = await browser(t, "alice", "POST", "", {
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
  expect(location.startsWith(t.emulator.url)).toBe(true);
  expect(tus.headers.get("access-control-expose-headers")).toContain("Location");
  expect((await admin(t, "GET", `/${mediaId}`)).result.creator).toBe("alice");
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
}

/** A video that needs signed URLs, alice's. */
async function signedOnlyVideo(t: ContractTarget): Promise<string> {
  const video = await admin(t, "POST", "/direct_upload", {
    maxDurationSeconds: 60,
    creator: "alice",
    requireSignedURLs: true,
  });
  return String(video.result.uid);
}

/** Without a signing key the proxy has the API sign. */
export async function checkApiSignedToken(t: ContractTarget): Promise<void> {
  const uid = await signedOnlyVideo(t);
  const fromApi = await browser(t, "alice", "POST", `/${uid}/token`, {
    json: { downloadable: true },
  });
  expect(fromApi.status).toBe(200);
  const token = ((await fromApi.json()) as Envelope<{ token: string }>).result.token;
  expect(token.split(".")).toHaveLength(3);
}

/**
 * With a signing key the proxy signs with WebCrypto, no API call, in a form the emulator's
 * delivery accepts. `sign(uid)` asks a proxy that holds the key `keyId` for alice's token.
 */
export async function checkLocalSignedToken(
  t: ContractTarget,
  keyId: string,
  sign: (uid: string) => Promise<Response>,
): Promise<void> {
  const uid = await signedOnlyVideo(t);
  const signed = await sign(uid);
  expect(signed.status).toBe(200);
  const token = ((await signed.json()) as Envelope<{ token: string }>).result.token;
  const [header = "", payload = ""] = token.split(".");
  const decode = (part: string) =>
    JSON.parse(atob(part.replace(/-/g, "+").replace(/_/g, "/"))) as Record<string, unknown>;
  expect(decode(header)).toMatchObject({ alg: "RS256", kid: keyId });
  expect(decode(payload)).toMatchObject({ sub: uid, kid: keyId });
  const thumbnail = `${t.emulator.deliveryOrigin}/${token}/thumbnails/thumbnail.jpg`;
  // The video has no bytes yet, so past the access checks the emulator says "not ready yet";
  // what matters is that the token passed them (a forged one is a 401).
  const accepted = await fetch(thumbnail);
  expect([401, 403]).not.toContain(accepted.status);
  expect(await accepted.text()).not.toMatch(/token/i);
  const forged = `${header}.${payload}.${"A".repeat(342)}`;
  expect(
    (await fetch(`${t.emulator.deliveryOrigin}/${forged}/thumbnails/thumbnail.jpg`)).status,
  ).toBe(401);
}

export async function checkNoTokenLeak(t: ContractTarget): Promise<void> {
  const made = await admin(t, "POST", "/direct_upload", {
    maxDurationSeconds: 60,
    creator: "alice",
  });
  const uid = String(made.result.uid);
  const responses = [
    await browser(t, "alice", "GET", ""),
    await browser(t, "alice", "GET", `/${uid}`),
    await browser(t, "alice", "POST", `/${uid}/token`, { json: {} }),
    await browser(t, "alice", "POST", "/direct_upload", { json: { maxDurationSeconds: 10 } }),
    await browser(t, "alice", "GET", "/storage-usage"),
    await browser(t, "alice", "GET", `/${uid}/captions`),
    await browser(t, "alice", "GET", `/${uid}/downloads`),
    await browser(t, "alice", "GET", "/keys"),
    await browser(t, "nobody-signed-in", "GET", "/0123"),
  ];
  for (const response of responses) {
    expect(await visible(response)).not.toContain(t.emulator.token);
  }
}

/**
 * The emulator's signed webhook becomes a server-sent event for its creator only, and a forged
 * one is refused. `eventsBaseUrl`: where the subscribers listen, when not where the copy is made
 * (another instance). Returns the event, for checks that go on from it.
 */
export async function checkWebhookEvents(
  t: ContractTarget,
  options: { eventsBaseUrl?: string } = {},
): Promise<{ uid: string; id: string }> {
  const at = options.eventsBaseUrl === undefined ? {} : { baseUrl: options.eventsBaseUrl };
  const alice = await openEvents(t, "alice", at);
  const bob = await openEvents(t, "bob", at);
  try {
    const uid = await failingCopy(t, "alice");
    const event = await alice.next(
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
    expect(await bob.quiet(300)).toBe(true);

    const forged = await fetch(t.webhookUrl, {
      method: "POST",
      headers: { "content-type": "application/json", "webhook-signature": "time=1,sig1=00" },
      body: event.data ?? "",
    });
    expect(forged.status).toBe(401);
    return { uid, id: event.id ?? "" };
  } finally {
    alice.close();
    bob.close();
  }
}
