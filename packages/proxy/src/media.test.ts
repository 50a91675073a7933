import type { RecordedRequest } from "@streamkit/test-utils/upstream";
import { uid } from "@streamkit/test-utils/upstream";
import { describe, expect, it } from "vitest";
import { createStreamProxy, DEFAULT_ADMIN_ONLY } from "./index";
import { MULTIPART_OVERHEAD_BYTES } from "./multipart";
import { envelopeOf, proxyFor, request } from "./test/helpers";
import { fake, serveFakeUpstream } from "./test/upstreamSetup";

/**
 * Clips, watermark profiles and audio tracks against the fake upstream: what is forwarded where,
 * what is refused before anything is forwarded, creator scoping, and the admin-only default.
 */

serveFakeUpstream();

const as = (user: string) => ({ headers: { "x-user": user } });
const scoped = (options: Parameters<typeof proxyFor>[1] = {}) =>
  proxyFor(fake, {
    authorize: (req) => req.headers.has("x-user"),
    creatorScope: (req) => req.headers.get("x-user") ?? undefined,
    ...options,
  });

/** Answers every call but the ownership GETs with a success that echoes what was sent. */
function echoUpstream(): void {
  fake.override = (r: RecordedRequest) => {
    if (r.method === "GET" && /^\/[0-9a-f]{32}$/.test(r.path)) return undefined;
    const text = r.body.toString("utf8");
    let result: unknown = { path: r.path };
    if ((r.headers["content-type"] ?? "").startsWith("application/json")) {
      result = { uid: uid(), ...(JSON.parse(text) as object) };
    }
    return {
      status: 200,
      body: JSON.stringify({ result, success: true, errors: [], messages: [] }),
    };
  };
}

const forwarded = () =>
  fake.requests.filter((r) => !(r.method === "GET" && /^\/[0-9a-f]{32}$/.test(r.path)));

function multipart(
  parts: { name: string; value: string | Uint8Array; filename?: string }[],
  boundary = "sk-test-boundary",
): { body: Uint8Array<ArrayBuffer>; headers: Record<string, string> } {
  const encoder = new TextEncoder();
  const chunks: Uint8Array[] = [];
  for (const part of parts) {
    const file = part.filename ? `; filename="${part.filename}"` : "";
    chunks.push(
      encoder.encode(
        `--${boundary}\r\ncontent-disposition: form-data; name="${part.name}"${file}\r\n` +
          `${part.filename ? "content-type: application/octet-stream\r\n" : ""}\r\n`,
      ),
    );
    chunks.push(typeof part.value === "string" ? encoder.encode(part.value) : part.value);
    chunks.push(encoder.encode("\r\n"));
  }
  chunks.push(encoder.encode(`--${boundary}--\r\n`));
  const size = chunks.reduce((n, c) => n + c.length, 0);
  const body = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.length;
  }
  return { body, headers: { "content-type": `multipart/form-data; boundary=${boundary}` } };
}

/** A request whose body arrives in small chunks with no content-length (a dishonest client). */
function streamed(
  method: string,
  path: string,
  bytes: Uint8Array,
  headers: Record<string, string>,
  chunk = 7,
): Request {
  let at = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (at >= bytes.length) return controller.close();
      controller.enqueue(bytes.slice(at, at + chunk));
      at += chunk;
    },
  });
  return new Request(`http://app.test/api/stream${path}`, {
    method,
    headers: { "x-user": "alice", ...headers },
    body,
    duplex: "half",
  } as RequestInit);
}

describe("routes", () => {
  it("forwards each new operation to its Stream API path", async () => {
    echoUpstream();
    const proxy = proxyFor(fake, { isAdmin: () => true });
    const video = fake.addVideo();
    const track = uid();
    const mark = uid();
    const png = multipart([{ name: "file", value: new Uint8Array([1, 2, 3]), filename: "w.png" }]);
    const audioFile = multipart([
      { name: "label", value: "Director" },
      { name: "file", value: new Uint8Array([4, 5, 6]), filename: "a.m4a" },
    ]);
    const cases: [string, string, Parameters<typeof request>[2]?][] = [
      [
        "POST",
        "/clip",
        { json: { clippedFromVideoUID: video.uid, startTimeSeconds: 0, endTimeSeconds: 2 } },
      ],
      ["GET", "/watermarks"],
      ["GET", `/watermarks/${mark}`],
      ["POST", "/watermarks", { json: { url: "https://example.com/logo.png", opacity: 0.5 } }],
      ["POST", "/watermarks", { body: png.body, headers: png.headers }],
      ["DELETE", `/watermarks/${mark}`],
      ["GET", `/${video.uid}/audio`],
      ["POST", `/${video.uid}/audio/copy`, { json: { label: "FR", url: "https://e.com/a.m4a" } }],
      ["POST", `/${video.uid}/audio`, { body: audioFile.body, headers: audioFile.headers }],
      ["PATCH", `/${video.uid}/audio/${track}`, { json: { default: true } }],
      ["DELETE", `/${video.uid}/audio/${track}`],
    ];
    for (const [method, path, init] of cases) {
      const response = await proxy.fetch(request(method, path, init));
      expect(response.status, `${method} ${path}`).toBe(200);
      const seen = fake.requests.at(-1);
      expect(seen?.method).toBe(method);
      expect(seen?.path).toBe(path);
    }
    // Multipart bodies go upstream byte for byte, with their boundary.
    const uploads = fake.requests.filter(
      (r) => r.body.length > 0 && !r.headers["content-type"]?.startsWith("application/json"),
    );
    expect(
      uploads.map(
        (r) => r.body.equals(Buffer.from(png.body)) || r.body.equals(Buffer.from(audioFile.body)),
      ),
    ).toEqual([true, true]);
    expect(uploads[0]?.headers["content-type"]).toBe(png.headers["content-type"]);
  });

  it("refuses malformed audio and watermark uids with a 400 naming the field, forwarding nothing", async () => {
    const proxy = proxyFor(fake, { isAdmin: () => true });
    const video = fake.addVideo();
    const audio = await proxy.fetch(request("DELETE", `/${video.uid}/audio/nothex`));
    expect(audio.status).toBe(400);
    expect((await envelopeOf(audio)).errors[0]).toMatchObject({
      message: 'Invalid request: audioUid: expected 32 lowercase hex characters, got "nothex"',
      source: { pointer: "/audioUid" },
    });
    const mark = await proxy.fetch(request("GET", "/watermarks/ABC"));
    expect(mark.status).toBe(400);
    expect((await envelopeOf(mark)).errors[0]?.source?.pointer).toBe("/uid");
    // Wrong methods are 405s; `copy` is not an audio uid.
    const wrong = await proxy.fetch(request("GET", `/${video.uid}/audio/copy`));
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get("allow")).toBe("POST");
    expect((await proxy.fetch(request("PUT", "/clip"))).status).toBe(405);
    expect((await proxy.fetch(request("POST", "/clip/token"))).status).toBe(404);
    expect(fake.requests).toHaveLength(0);
  });

  it("still does not serve keys, the webhook subscription or usage", async () => {
    const proxy = proxyFor(fake);
    for (const path of ["/keys", "/webhook", "/usage"]) {
      const response = await proxy.fetch(request("GET", path));
      expect(response.status, path).toBe(404);
      expect((await envelopeOf(response)).errors[0]?.message).toContain("deliberately");
    }
    expect(fake.requests).toHaveLength(0);
  });
});

describe("bad bodies are 400s naming the field, never forwarded", () => {
  it.each([
    [
      "clip end not after start",
      "/clip",
      { startTimeSeconds: 5, endTimeSeconds: 5 },
      "/endTimeSeconds",
    ],
    [
      "clip seconds not whole",
      "/clip",
      { startTimeSeconds: 0.5, endTimeSeconds: 5 },
      "/startTimeSeconds",
    ],
    ["clip unknown field", "/clip", { startTimeSeconds: 0, endTimeSeconds: 5, speed: 2 }, "/speed"],
    [
      "clip without source",
      "/clip",
      { startTimeSeconds: 0, endTimeSeconds: 5, clippedFromVideoUID: undefined },
      "/clippedFromVideoUID",
    ],
    [
      "watermark position",
      "/watermarks",
      { url: "https://e.com/w.png", position: "top" },
      "/position",
    ],
    ["watermark opacity", "/watermarks", { url: "https://e.com/w.png", opacity: 1.5 }, "/opacity"],
    ["watermark without url", "/watermarks", { name: "logo" }, "/url"],
    [
      "watermark unknown field",
      "/watermarks",
      { url: "https://e.com/w.png", rotate: 90 },
      "/rotate",
    ],
    ["audio label missing", "/{uid}/audio/copy", { url: "https://e.com/a.m4a" }, "/label"],
    [
      "audio label blank",
      "/{uid}/audio/copy",
      { label: "  ", url: "https://e.com/a.m4a" },
      "/label",
    ],
    ["audio url missing", "/{uid}/audio/copy", { label: "FR" }, "/url"],
    ["audio edit empty", "/{uid}/audio/{track}", {}, "/body"],
    ["audio edit default", "/{uid}/audio/{track}", { default: "yes" }, "/default"],
    ["audio edit unknown", "/{uid}/audio/{track}", { status: "ready" }, "/status"],
  ])("%s", async (_name, template, body, pointer) => {
    const proxy = scoped({ isAdmin: () => true });
    const video = fake.addVideo({ creator: "alice" });
    const path = template.replace("{uid}", video.uid).replace("{track}", uid());
    const json = path === "/clip" ? { clippedFromVideoUID: video.uid, ...body } : (body as object);
    const method = path.includes("/audio/") && !path.endsWith("/copy") ? "PATCH" : "POST";
    const response = await proxy.fetch(request(method, path, { ...as("alice"), json }));
    expect(response.status).toBe(400);
    const error = (await envelopeOf(response)).errors[0];
    expect(error?.source?.pointer).toBe(pointer);
    expect(error?.message).toMatch(new RegExp(`^Invalid request: ${pointer.slice(1)}: `));
    expect(fake.requests).toHaveLength(0);
  });
});

describe("clips under a creator scope", () => {
  it("refuses a clip of another creator's video with the usual 404, creating nothing", async () => {
    echoUpstream();
    const proxy = scoped();
    const bobs = fake.addVideo({ creator: "bob" });
    const response = await proxy.fetch(
      request("POST", "/clip", {
        ...as("alice"),
        json: { clippedFromVideoUID: bobs.uid, startTimeSeconds: 0, endTimeSeconds: 3 },
      }),
    );
    expect(response.status).toBe(404);
    expect((await envelopeOf(response)).errors[0]?.message).toBe(`Video ${bobs.uid} not found`);
    expect(fake.requests.map((r) => `${r.method} ${r.path}`)).toEqual([`GET /${bobs.uid}`]);
  });

  it("stamps the clip with the creator, and refuses one made for another creator", async () => {
    echoUpstream();
    const proxy = scoped();
    const mine = fake.addVideo({ creator: "alice" });
    const clip = { clippedFromVideoUID: mine.uid, startTimeSeconds: 1, endTimeSeconds: 3 };
    const made = await proxy.fetch(request("POST", "/clip", { ...as("alice"), json: clip }));
    expect(made.status).toBe(200);
    const sent = JSON.parse(forwarded()[0]?.body.toString("utf8") ?? "{}") as Record<
      string,
      unknown
    >;
    expect(sent).toEqual({ ...clip, creator: "alice" });

    fake.requests.length = 0;
    const other = await proxy.fetch(
      request("POST", "/clip", { ...as("alice"), json: { ...clip, creator: "bob" } }),
    );
    expect(other.status).toBe(403);
    expect((await envelopeOf(other)).errors[0]?.source?.pointer).toBe("/creator");
    expect(fake.requests).toHaveLength(0);
    const same = await proxy.fetch(
      request("POST", "/clip", { ...as("alice"), json: { ...clip, creator: "alice" } }),
    );
    expect(same.status).toBe(200);
  });

  it("passes an unscoped clip through with the creator it names", async () => {
    echoUpstream();
    const proxy = proxyFor(fake);
    const source = uid();
    const clip = {
      clippedFromVideoUID: source,
      startTimeSeconds: 0,
      endTimeSeconds: 3,
      creator: "carol",
    };
    expect((await proxy.fetch(request("POST", "/clip", { json: clip }))).status).toBe(200);
    expect(fake.requests).toHaveLength(1);
    expect(JSON.parse(fake.requests[0]?.body.toString("utf8") ?? "")).toEqual(clip);
  });
});

describe("audio tracks under a creator scope", () => {
  it("answers another creator's video with the usual 404 on every audio operation", async () => {
    echoUpstream();
    const proxy = scoped();
    const bobs = fake.addVideo({ creator: "bob" });
    const track = uid();
    const file = multipart([
      { name: "label", value: "FR" },
      { name: "file", value: new Uint8Array(10), filename: "a.m4a" },
    ]);
    const cases: [string, string, Parameters<typeof request>[2]][] = [
      ["GET", `/${bobs.uid}/audio`, as("alice")],
      [
        "POST",
        `/${bobs.uid}/audio/copy`,
        { ...as("alice"), json: { label: "FR", url: "https://e.com/a" } },
      ],
      [
        "POST",
        `/${bobs.uid}/audio`,
        { headers: { ...as("alice").headers, ...file.headers }, body: file.body },
      ],
      ["PATCH", `/${bobs.uid}/audio/${track}`, { ...as("alice"), json: { label: "EN" } }],
      ["DELETE", `/${bobs.uid}/audio/${track}`, as("alice")],
    ];
    for (const [method, path, init] of cases) {
      const response = await proxy.fetch(request(method, path, init));
      expect(response.status, `${method} ${path}`).toBe(404);
      expect((await envelopeOf(response)).errors[0]?.message).toBe(`Video ${bobs.uid} not found`);
    }
    expect(forwarded()).toEqual([]);
  });
});

describe("admin-only operations", () => {
  const mark = uid();
  const create = () =>
    request("POST", "/watermarks", { ...as("alice"), json: { url: "https://e.com/w.png" } });
  const remove = () => request("DELETE", `/watermarks/${mark}`, as("alice"));

  it("refuses creating and deleting watermark profiles by default, but lists and gets them", async () => {
    echoUpstream();
    expect(DEFAULT_ADMIN_ONLY).toEqual(["watermarks.create", "watermarks.delete"]);
    const proxy = scoped();
    for (const make of [create, remove]) {
      const response = await proxy.fetch(make());
      expect(response.status).toBe(403);
      expect((await envelopeOf(response)).errors[0]?.message).toMatch(
        /^Forbidden: watermarks\.(create|delete) is an admin operation; see isAdmin in the proxy README$/,
      );
    }
    expect(fake.requests).toHaveLength(0);
    expect((await proxy.fetch(request("GET", "/watermarks", as("alice")))).status).toBe(200);
    expect((await proxy.fetch(request("GET", `/watermarks/${mark}`, as("alice")))).status).toBe(
      200,
    );
  });

  it("lets them through when isAdmin answers true, and only then", async () => {
    echoUpstream();
    const seen: string[] = [];
    const proxy = scoped({
      isAdmin: async (req) => {
        seen.push(new URL(req.url).pathname);
        return req.headers.get("x-admin") === "yes";
      },
    });
    expect((await proxy.fetch(create())).status).toBe(403);
    const admin = request("POST", "/watermarks", {
      headers: { "x-user": "alice", "x-admin": "yes" },
      json: { url: "https://e.com/w.png" },
    });
    expect((await proxy.fetch(admin)).status).toBe(200);
    const deleted = await proxy.fetch(
      request("DELETE", `/watermarks/${mark}`, { headers: { "x-user": "a", "x-admin": "yes" } }),
    );
    expect(deleted.status).toBe(200);
    // Asked only for admin-only operations, and after authorize (anonymous is a 401).
    await proxy.fetch(request("GET", "/watermarks", as("alice")));
    expect((await proxy.fetch(request("POST", "/watermarks", { json: {} }))).status).toBe(401);
    expect(seen).toEqual([
      "/api/stream/watermarks",
      "/api/stream/watermarks",
      `/api/stream/watermarks/${mark}`,
    ]);
  });

  it("takes its own list, [] for none, and a throwing isAdmin is a 500", async () => {
    echoUpstream();
    const video = fake.addVideo({ creator: "alice" });
    const strict = scoped({ adminOnly: ["audio.*", "clips.create"] });
    expect((await strict.fetch(request("GET", `/${video.uid}/audio`, as("alice")))).status).toBe(
      403,
    );
    expect((await strict.fetch(create())).status).toBe(200);
    const open = scoped({ adminOnly: [] });
    expect((await open.fetch(create())).status).toBe(200);
    const broken = scoped({
      isAdmin: () => {
        throw new Error("no session store");
      },
    });
    expect((await broken.fetch(create())).status).toBe(500);
  });

  it("checks the options at creation", () => {
    const base = { accountId: fake.accountId, apiToken: fake.token, basePath: "/api/stream" };
    expect(() =>
      createStreamProxy({ ...base, adminOnly: ["watermarks.nuke" as "watermarks.create"] }),
    ).toThrow(/unknown operation "watermarks\.nuke" in adminOnly/);
    expect(() =>
      createStreamProxy({ ...base, adminOnly: "watermarks.*" as unknown as ["watermarks.*"] }),
    ).toThrow(/adminOnly must be an array/);
    expect(() => createStreamProxy({ ...base, isAdmin: true as unknown as () => boolean })).toThrow(
      /isAdmin must be a function/,
    );
  });
});

describe("multipart uploads", () => {
  it("refuses an announced oversized body with 413 before reading it", async () => {
    const proxy = scoped({ limits: { audioBytes: 1000 }, isAdmin: () => true });
    const video = fake.addVideo({ creator: "alice" });
    let pulled = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += 1;
        controller.enqueue(new Uint8Array(1024));
      },
    });
    const response = await proxy.fetch(
      new Request(`http://app.test/api/stream/${video.uid}/audio`, {
        method: "POST",
        headers: {
          "x-user": "alice",
          "content-type": "multipart/form-data; boundary=x",
          "content-length": String(1000 + MULTIPART_OVERHEAD_BYTES + 1),
        },
        body,
        duplex: "half",
      } as RequestInit),
    );
    expect(response.status).toBe(413);
    expect((await envelopeOf(response)).errors[0]?.message).toContain("limits.audioBytes");
    expect(pulled).toBeLessThanOrEqual(1);
    expect(fake.requests).toHaveLength(0);
  });

  it("cuts off an unannounced oversized body at the cap with 413, without reading it all", async () => {
    const proxy = scoped({ limits: { watermarkBytes: 1000 }, isAdmin: () => true });
    let sent = 0;
    const head = new TextEncoder().encode(
      '--x\r\ncontent-disposition: form-data; name="file"; filename="w.png"\r\n\r\n',
    );
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(head);
      },
      pull(controller) {
        sent += 16 * 1024;
        controller.enqueue(new Uint8Array(16 * 1024));
      },
    });
    const response = await proxy.fetch(
      new Request("http://app.test/api/stream/watermarks", {
        method: "POST",
        headers: { "x-user": "alice", "content-type": "multipart/form-data; boundary=x" },
        body,
        duplex: "half",
      } as RequestInit),
    );
    expect(response.status).toBe(413);
    expect((await envelopeOf(response)).errors[0]?.message).toBe(
      "Request body too large: a watermark image may be at most 1000 bytes (limits.watermarkBytes)",
    );
    // The stream is endless: the proxy stopped reading shortly after the cap.
    expect(sent).toBeLessThan(1000 + MULTIPART_OVERHEAD_BYTES + 256 * 1024);
  });

  it("checks the text fields of a multipart body on the way, never completing a refused one", async () => {
    const proxy = scoped({ isAdmin: () => true });
    const video = fake.addVideo({ creator: "alice" });
    const cases: [string, ReturnType<typeof multipart>, string][] = [
      [
        "audio without label",
        multipart([{ name: "file", value: new Uint8Array(300), filename: "a.m4a" }]),
        "/label",
      ],
      ["audio without file", multipart([{ name: "label", value: "FR" }]), "/file"],
      [
        "audio with an unknown part",
        multipart([
          { name: "label", value: "FR" },
          { name: "lang", value: "fr" },
          { name: "file", value: new Uint8Array(3), filename: "a.m4a" },
        ]),
        "/lang",
      ],
      [
        "watermark opacity",
        multipart([
          { name: "opacity", value: "2" },
          { name: "file", value: new Uint8Array(300), filename: "w.png" },
        ]),
        "/opacity",
      ],
      [
        "watermark position after the file",
        multipart([
          { name: "file", value: new Uint8Array(5000), filename: "w.png" },
          { name: "position", value: "middle" },
        ]),
        "/position",
      ],
    ];
    for (const [name, form, pointer] of cases) {
      fake.requests.length = 0;
      const path = name.startsWith("audio") ? `/${video.uid}/audio` : "/watermarks";
      const response = await proxy.fetch(streamed("POST", path, form.body, form.headers));
      expect(response.status, name).toBe(400);
      expect((await envelopeOf(response)).errors[0]?.source?.pointer, name).toBe(pointer);
      // Whatever reached the upstream is cut short: the closing boundary never went out.
      for (const r of forwarded()) expect(r.body.includes("--sk-test-boundary--")).toBe(false);
    }
  });

  it("streams a valid multipart body through byte for byte, in any chunking", async () => {
    echoUpstream();
    const proxy = scoped({ isAdmin: () => true });
    const video = fake.addVideo({ creator: "alice" });
    const bytes = new Uint8Array(20_000).map((_, i) => (i * 31) % 256);
    // A file that contains the delimiter's first bytes must not confuse the parser.
    bytes.set(new TextEncoder().encode("\r\n--sk-test-boundar"), 5000);
    const form = multipart([
      { name: "label", value: "Commentaire" },
      { name: "file", value: bytes, filename: "a.m4a" },
    ]);
    for (const chunk of [1, 13, 4096, 100_000]) {
      fake.requests.length = 0;
      const response = await proxy.fetch(
        streamed("POST", `/${video.uid}/audio`, form.body, form.headers, chunk),
      );
      expect(response.status, `chunks of ${chunk}`).toBe(200);
      expect(forwarded()[0]?.body.equals(Buffer.from(form.body))).toBe(true);
    }
  });

  it("refuses a body that is neither JSON nor multipart", async () => {
    const proxy = scoped({ isAdmin: () => true });
    const video = fake.addVideo({ creator: "alice" });
    const audio = await proxy.fetch(
      request("POST", `/${video.uid}/audio`, {
        headers: { ...as("alice").headers, "content-type": "audio/mp4" },
        body: "abc",
      }),
    );
    expect(audio.status).toBe(415);
    const mark = await proxy.fetch(
      request("POST", "/watermarks", {
        headers: { ...as("alice").headers, "content-type": "image/png" },
        body: "abc",
      }),
    );
    expect(mark.status).toBe(415);
    expect(fake.requests).toHaveLength(0);
  });
});
