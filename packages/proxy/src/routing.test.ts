import { uid } from "@streamkit/test-utils/upstream";
import { describe, expect, it } from "vitest";
import { BASE, envelopeOf, proxyFor, request } from "./test/helpers";
import { fake, serveFakeUpstream } from "./test/upstreamSetup";

serveFakeUpstream();

describe("routing refusals", () => {
  it("answers unknown routes with 404 code 7003 and never forwards them", async () => {
    const proxy = proxyFor(fake);
    const video = fake.addVideo();
    for (const path of [
      "/keys",
      "/live_inputs/x/y/z",
      `/live_inputs/${video.uid}/outputs/${video.uid}/more`,
      "/webhook",
      `/${video.uid}/embed`,
      `/${video.uid}/downloads/video`,
      "/a/b/c/d/e",
    ]) {
      const response = await proxy.fetch(request("GET", path));
      expect(response.status, path).toBe(404);
      const body = await envelopeOf(response);
      expect(body.errors[0]?.code).toBe(7003);
      expect(body.errors[0]?.message).toMatch(/^No route for GET /);
    }
    const outside = await proxy.fetch(new Request("http://app.test/api/streamx"));
    expect(outside.status).toBe(404);
    expect(fake.requests).toHaveLength(0);
  });

  it("answers wrong methods with 405 and an Allow header", async () => {
    const proxy = proxyFor(fake);
    const video = fake.addVideo();
    for (const [method, path, allow] of [
      ["PATCH", `/${video.uid}`, "GET, POST, DELETE"],
      ["GET", "/copy", "POST"],
      ["PUT", "", "GET, POST"],
      ["DELETE", `/${video.uid}/token`, "POST"],
      ["HEAD", `/${video.uid}`, "GET, POST, DELETE"],
    ] as const) {
      const response = await proxy.fetch(request(method, path));
      expect(response.status, `${method} ${path}`).toBe(405);
      expect(response.headers.get("allow")).toBe(allow);
      if (method !== "HEAD") expect((await envelopeOf(response)).errors[0]?.code).toBe(7001);
    }
    expect(fake.requests).toHaveLength(0);
  });

  it("refuses a malformed uid with a 400 naming the field", async () => {
    const proxy = proxyFor(fake);
    const response = await proxy.fetch(request("GET", "/ABCDEF"));
    expect(response.status).toBe(400);
    const body = await envelopeOf(response);
    expect(body.errors[0]?.message).toBe(
      'Invalid request: uid: expected 32 lowercase hex characters, got "ABCDEF"',
    );
    expect(body.errors[0]?.source?.pointer).toBe("/uid");
  });

  it("refuses path traversal in every spelling, forwarding nothing", async () => {
    const proxy = proxyFor(fake);
    const video = fake.addVideo();
    const attempts = [
      `${BASE}/${video.uid}/%2e%2e%2fkeys`,
      `${BASE}/%2e%2e%2f%2e%2e%2fkeys`,
      `${BASE}/%252e%252e/keys`,
      `${BASE}/${video.uid}%2F..%2Fkeys`,
      `${BASE}/..%5ckeys`,
    ];
    for (const path of attempts) {
      const response = await proxy.fetch(new Request(`http://app.test${path}`));
      expect(response.status, path).toBe(400);
      expect((await envelopeOf(response)).errors[0]?.message).toMatch(/^Invalid path: /);
    }
    // The URL parser resolves plain `../` and `\` before the handler runs; what is left is refused too.
    for (const path of [
      `${BASE}/../keys`,
      `${BASE}/%2e%2e/keys`,
      `${BASE}/${video.uid}/.%2e/keys`,
      `${BASE}\\..\\keys`,
    ]) {
      const response = await proxy.fetch(new Request(`http://app.test${path}`));
      expect(response.status, path).toBeGreaterThanOrEqual(400);
      expect(response.status, path).toBeLessThan(500);
    }
    expect(fake.requests).toHaveLength(0);
  });

  it("narrows operations with allow, with wildcards, and refuses unknown names at creation", async () => {
    const proxy = proxyFor(fake, { allow: ["videos.list", "captions.*"] });
    const video = fake.addVideo();
    expect((await proxy.fetch(request("GET", ""))).status).toBe(200);
    expect((await proxy.fetch(request("GET", `/${video.uid}/captions/en`))).status).toBe(200);
    const refused = await proxy.fetch(request("DELETE", `/${video.uid}`));
    expect(refused.status).toBe(403);
    expect((await envelopeOf(refused)).errors[0]?.message).toContain(
      "videos.delete is not in this proxy's allow list",
    );
    expect(fake.videos.has(video.uid)).toBe(true);
    expect(() => proxyFor(fake, { allow: ["videos.destroy" as "videos.delete"] })).toThrow(
      /unknown operation "videos.destroy"/,
    );
  });
});

describe("body checks", () => {
  it("refuses an oversized JSON body with 413 before forwarding", async () => {
    const proxy = proxyFor(fake, { limits: { jsonBytes: 1024 } });
    const big = { input: "https://example.com/v.mp4", meta: { name: "x".repeat(2000) } };
    const response = await proxy.fetch(request("POST", "/copy", { json: big }));
    expect(response.status).toBe(413);
    const body = await envelopeOf(response);
    expect(body.errors[0]).toMatchObject({ code: 9413 });
    expect(body.errors[0]?.message).toBe(
      "Request body too large: a JSON body may be at most 1 KB (limits.jsonBytes)",
    );
    // Without a content-length the count while reading catches it.
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode(JSON.stringify(big)));
        controller.close();
      },
    });
    const chunked = await proxy.fetch(
      new Request(`http://app.test${BASE}/copy`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: stream,
        duplex: "half",
      } as RequestInit),
    );
    expect(chunked.status).toBe(413);
    expect(fake.requests).toHaveLength(0);
  });

  it("defaults the JSON cap to 64 KB", async () => {
    const proxy = proxyFor(fake);
    const response = await proxy.fetch(
      request("POST", "/copy", {
        json: { input: "https://example.com/v.mp4", meta: { name: "x".repeat(70_000) } },
      }),
    );
    expect(response.status).toBe(413);
    expect((await envelopeOf(response)).errors[0]?.message).toContain("64 KB");
  });

  it("refuses malformed JSON with a 400 that says so", async () => {
    const proxy = proxyFor(fake);
    const response = await proxy.fetch(
      request("POST", "/copy", {
        body: '{"input": "https://x.example/v.mp4",',
        headers: { "content-type": "application/json" },
      }),
    );
    expect(response.status).toBe(400);
    expect((await envelopeOf(response)).errors[0]?.message).toMatch(
      /^Malformed JSON body for videos.copy: /,
    );
    expect(fake.requests).toHaveLength(0);
  });

  it("refuses a body that is not declared as JSON with 415", async () => {
    const proxy = proxyFor(fake);
    const response = await proxy.fetch(
      request("POST", "/copy", {
        body: "input=https://x.example/v.mp4",
        headers: { "content-type": "application/x-www-form-urlencoded" },
      }),
    );
    expect(response.status).toBe(415);
    expect((await envelopeOf(response)).errors[0]?.code).toBe(9415);
  });

  it("checks each operation's shape with core's checks, naming the field", async () => {
    const proxy = proxyFor(fake);
    const video = fake.addVideo();
    const cases: [string, string, unknown, string][] = [
      ["POST", "/copy", { input: "ftp://x.example/v.mp4" }, "/input"],
      ["POST", "/copy", {}, "/input"],
      ["POST", "/copy", { input: "https://x.example/v.mp4", evil: true }, "/evil"],
      ["POST", "/copy", [1, 2], "/body"],
      ["POST", "/direct_upload", {}, "/maxDurationSeconds"],
      ["POST", "/direct_upload", { maxDurationSeconds: 99_999 }, "/maxDurationSeconds"],
      ["POST", `/${video.uid}`, { thumbnailTimestampPct: 2 }, "/thumbnailTimestampPct"],
      ["POST", `/${video.uid}`, { uid: uid() }, "/uid"],
      ["POST", `/${video.uid}`, { requireSignedURLs: "yes" }, "/requireSignedURLs"],
      ["POST", `/${video.uid}/token`, { exp: Math.floor(Date.now() / 1000) + 3 * 86_400 }, "/exp"],
      ["POST", `/${video.uid}/token`, { id: "k", pem: "p" }, "/id"],
      [
        "POST",
        `/${video.uid}/token`,
        { accessRules: [{ type: "bad", action: "allow" }] },
        "/accessRules/0/type",
      ],
    ];
    for (const [method, path, json, pointer] of cases) {
      const response = await proxy.fetch(request(method, path, { json }));
      expect(response.status, JSON.stringify(json)).toBe(400);
      const body = await envelopeOf(response);
      expect(body.errors[0]?.source?.pointer, JSON.stringify(json)).toBe(pointer);
      expect(body.errors[0]?.message).toMatch(/^Invalid request: /);
    }
    expect(fake.requests).toHaveLength(0);
  });
});
