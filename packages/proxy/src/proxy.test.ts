import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { refuse } from "./index";
import { type FakeUpstream, startFakeUpstream, uid } from "./test/fakeUpstream";
import { BASE, envelopeOf, proxyFor, request, visible } from "./test/helpers";

let fake: FakeUpstream;
beforeAll(async () => {
  fake = await startFakeUpstream();
});
afterAll(() => fake.close());
afterEach(() => {
  fake.requests.length = 0;
  fake.override = undefined;
});

describe("the proxy contract", () => {
  it("maps {basePath}{path} to /accounts/{id}/stream{path} with the token, same method and body", async () => {
    const proxy = proxyFor(fake);
    const video = fake.addVideo({ meta: { name: "a" } });
    const response = await proxy.fetch(
      request("POST", `/${video.uid}`, { json: { meta: { name: "b" } } }),
    );
    expect(response.status).toBe(200);
    const body = await envelopeOf(response);
    expect(body).toMatchObject({ success: true, result: { uid: video.uid, meta: { name: "b" } } });
    const [seen] = fake.requests;
    expect(seen?.method).toBe("POST");
    expect(seen?.path).toBe(`/${video.uid}`);
    expect(seen?.headers.authorization).toBe(`Bearer ${fake.token}`);
    expect(JSON.parse(seen?.body.toString() ?? "")).toEqual({ meta: { name: "b" } });
  });

  it("is callable directly as a (Request) => Promise<Response> handler", async () => {
    const proxy = proxyFor(fake);
    const response = await proxy(request("GET", ""));
    expect(response.status).toBe(200);
    expect(await envelopeOf(response)).toMatchObject({ success: true });
  });

  it("passes the upstream envelope, status and retry-after back as they are", async () => {
    const proxy = proxyFor(fake);
    const limited = JSON.stringify({
      result: null,
      success: false,
      errors: [{ code: 971, message: "slow down" }],
      messages: [],
    });
    fake.override = () => ({
      status: 429,
      headers: { "retry-after": "7", ratelimit: '"default";r=0;t=7' },
      body: limited,
    });
    const response = await proxy.fetch(request("GET", ""));
    expect(response.status).toBe(429);
    expect(response.headers.get("retry-after")).toBe("7");
    expect(response.headers.get("ratelimit")).toBe('"default";r=0;t=7');
    expect(await response.text()).toBe(limited);
  });

  it("keeps only known list parameters, validated, and drops unknown ones", async () => {
    const proxy = proxyFor(fake);
    const response = await proxy.fetch(
      request("GET", "?status=ready&limit=10&asc=true&evil=1&search=cats"),
    );
    expect(response.status).toBe(200);
    const query = fake.requests[0]?.query;
    expect(query?.get("status")).toBe("ready");
    expect(query?.get("limit")).toBe("10");
    expect(query?.get("asc")).toBe("true");
    expect(query?.get("search")).toBe("cats");
    expect(query?.has("evil")).toBe(false);
  });

  it("refuses invalid list parameters with a 400 that names the field", async () => {
    const proxy = proxyFor(fake);
    for (const query of [
      "?limit=5000",
      "?limit=abc",
      "?status=nope",
      "?asc=yes",
      "?after=yesterday",
    ]) {
      const response = await proxy.fetch(request("GET", query));
      expect(response.status, query).toBe(400);
      const body = await envelopeOf(response);
      expect(body.errors[0]?.code).toBe(9400);
      expect(body.errors[0]?.message).toMatch(/^Invalid request: (limit|status|asc|after): /);
    }
    expect(fake.requests).toHaveLength(0);
  });

  it("drops query parameters of operations that take none", async () => {
    const proxy = proxyFor(fake);
    const video = fake.addVideo();
    await proxy.fetch(request("GET", `/${video.uid}?include=secrets`));
    expect([...(fake.requests[0]?.query.keys() ?? [])]).toEqual([]);
  });

  it("serves captions, downloads and storage usage", async () => {
    const proxy = proxyFor(fake);
    const video = fake.addVideo();
    const cases: [string, string, number][] = [
      ["GET", `/${video.uid}/captions`, 200],
      ["GET", `/${video.uid}/captions/en`, 200],
      ["DELETE", `/${video.uid}/captions/pt-BR`, 200],
      ["POST", `/${video.uid}/captions/en/generate`, 200],
      ["GET", `/${video.uid}/captions/en/vtt`, 200],
      ["GET", `/${video.uid}/downloads`, 200],
      ["POST", `/${video.uid}/downloads`, 200],
      ["POST", `/${video.uid}/downloads/audio`, 200],
      ["DELETE", `/${video.uid}/downloads/default`, 200],
      ["DELETE", `/${video.uid}/downloads`, 200],
      ["GET", "/storage-usage?creator=alice", 200],
    ];
    for (const [method, path, status] of cases) {
      const response = await proxy.fetch(request(method, path));
      expect(response.status, `${method} ${path}`).toBe(status);
      expect(fake.requests.at(-1)?.method).toBe(method);
      expect(fake.requests.at(-1)?.path).toBe(path.split("?")[0]);
    }
    const vtt = await proxy.fetch(request("GET", `/${video.uid}/captions/en/vtt`));
    expect(vtt.headers.get("content-type")).toBe("text/vtt");
    expect(await vtt.text()).toBe("WEBVTT\n\n");
  });

  it("answers DELETE /{uid} with the API's empty 200", async () => {
    const proxy = proxyFor(fake);
    const video = fake.addVideo();
    const response = await proxy.fetch(request("DELETE", `/${video.uid}`));
    expect(response.status).toBe(200);
    expect(await response.text()).toBe("");
    expect(fake.videos.has(video.uid)).toBe(false);
  });
});

describe("the token stays on the server", () => {
  it("never appears in any response body or header, even when upstream echoes it", async () => {
    const proxy = proxyFor(fake);
    const video = fake.addVideo();
    const echo = () => ({
      status: 400,
      headers: {
        "x-debug": fake.token,
        "www-authenticate": `Bearer ${fake.token}`,
        "set-cookie": `t=${fake.token}`,
      },
      body: JSON.stringify({
        result: null,
        success: false,
        errors: [{ code: 1, message: `bad token Bearer ${fake.token}` }],
        messages: [],
      }),
    });
    const responses: Response[] = [];
    for (const [method, path] of [
      ["GET", ""],
      ["GET", `/${video.uid}`],
      ["POST", `/${video.uid}/token`],
      ["GET", `/${uid()}`],
      ["GET", "/nope/nope/nope/nope/nope"],
    ] as const) {
      responses.push(await proxy.fetch(request(method, path)));
    }
    fake.override = echo;
    responses.push(await proxy.fetch(request("GET", "")));
    fake.override = () => ({
      status: 201,
      headers: { location: `https://up.example/x?auth=${fake.token}` },
    });
    responses.push(
      await proxy.fetch(
        request("POST", "", { headers: { "tus-resumable": "1.0.0", "upload-length": "10" } }),
      ),
    );
    for (const response of responses) expect(await visible(response)).not.toContain(fake.token);
    const echoed = await responses[5]?.text();
    expect(echoed).toContain("[redacted]");
    expect(responses[5]?.headers.has("set-cookie")).toBe(false);
    expect(responses[5]?.headers.has("www-authenticate")).toBe(false);
    expect(responses[5]?.headers.has("x-debug")).toBe(false);
  });

  it("forwards only allowlisted request headers: no cookies, no app auth, no hop-by-hop", async () => {
    const proxy = proxyFor(fake);
    await proxy.fetch(
      request("GET", "", {
        headers: {
          cookie: "session=abc",
          authorization: "Bearer the-apps-own-session",
          "x-forwarded-for": "1.2.3.4",
          "x-auth-key": "global",
          "x-custom": "1",
          accept: "application/json",
        },
      }),
    );
    const headers = fake.requests[0]?.headers ?? {};
    expect(headers.cookie).toBeUndefined();
    expect(headers.authorization).toBe(`Bearer ${fake.token}`);
    expect(headers["x-forwarded-for"]).toBeUndefined();
    expect(headers["x-auth-key"]).toBeUndefined();
    expect(headers["x-custom"]).toBeUndefined();
    expect(headers.accept).toBe("application/json");
  });
});

describe("routing refusals", () => {
  it("answers unknown routes with 404 code 7003 and never forwards them", async () => {
    const proxy = proxyFor(fake);
    const video = fake.addVideo();
    for (const path of [
      "/keys",
      "/live_inputs",
      "/webhook",
      `/${video.uid}/audio`,
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

describe("upstream failures", () => {
  it("answers 502 when the API cannot be reached", async () => {
    const proxy = proxyFor(fake, { upstream: "http://127.0.0.1:9/client/v4" });
    const response = await proxy.fetch(request("GET", ""));
    expect(response.status).toBe(502);
    const body = await envelopeOf(response);
    expect(body.errors[0]?.code).toBe(9502);
    expect(body.errors[0]?.message).toMatch(/^Bad gateway: the Stream API could not be reached/);
  });

  it("answers 504 when the API does not answer in time", async () => {
    const proxy = proxyFor(fake, { limits: { upstreamTimeoutMs: 100 } });
    fake.override = () => ({ status: 200, body: "{}", delayMs: 1000 });
    const response = await proxy.fetch(request("GET", ""));
    expect(response.status).toBe(504);
    expect((await envelopeOf(response)).errors[0]?.message).toContain("within 100 ms");
  });
});

describe("authorize", () => {
  it("runs first: false is a 401 envelope, a Response is answered as is, nothing is forwarded", async () => {
    const seen: string[] = [];
    const proxy = proxyFor(fake, {
      authorize: async (req) => {
        seen.push(new URL(req.url).pathname);
        const user = req.headers.get("x-user");
        if (user === "blocked") return new Response("nope", { status: 403 });
        return user !== null;
      },
    });
    const anonymous = await proxy.fetch(request("GET", ""));
    expect(anonymous.status).toBe(401);
    expect((await envelopeOf(anonymous)).errors[0]).toMatchObject({ code: 10000 });
    const blocked = await proxy.fetch(request("GET", "", { headers: { "x-user": "blocked" } }));
    expect(blocked.status).toBe(403);
    expect(await blocked.text()).toBe("nope");
    const events = await proxy.fetch(request("GET", "/events"));
    expect(events.status).toBe(401);
    expect(fake.requests).toHaveLength(0);
    const allowed = await proxy.fetch(request("GET", "", { headers: { "x-user": "ann" } }));
    expect(allowed.status).toBe(200);
    expect(seen).toHaveLength(4);
  });

  it("lets authorize answer with refuse(): an envelope-shaped 403", async () => {
    const proxy = proxyFor(fake, { authorize: () => refuse(403, "admins only") });
    const response = await proxy.fetch(request("GET", ""));
    expect(response.status).toBe(403);
    expect(await envelopeOf(response)).toEqual({
      result: null,
      success: false,
      errors: [{ code: 10000, message: "admins only" }],
      messages: [],
    });
  });

  it("treats a thrown Response as the answer and any other throw as a logged 500", async () => {
    const errors: unknown[] = [];
    const proxy = proxyFor(fake, {
      authorize: (req) => {
        if (req.headers.has("x-throw-response")) throw new Response(null, { status: 418 });
        throw new Error("session store down");
      },
      onError: (error) => errors.push(error),
    });
    expect(
      (await proxy.fetch(request("GET", "", { headers: { "x-throw-response": "1" } }))).status,
    ).toBe(418);
    const crashed = await proxy.fetch(request("GET", ""));
    expect(crashed.status).toBe(500);
    expect(await crashed.text()).not.toContain("session store down");
    expect(errors).toHaveLength(1);
  });

  it("refuses state-changing cross-site requests unless cors allows the origin", async () => {
    const proxy = proxyFor(fake);
    const video = fake.addVideo();
    const crossSite = { "sec-fetch-site": "cross-site", origin: "https://evil.example" };
    const response = await proxy.fetch(request("DELETE", `/${video.uid}`, { headers: crossSite }));
    expect(response.status).toBe(403);
    expect(fake.videos.has(video.uid)).toBe(true);
    const sameOrigin = await proxy.fetch(
      request("DELETE", `/${video.uid}`, { headers: { "sec-fetch-site": "same-origin" } }),
    );
    expect(sameOrigin.status).toBe(200);
  });
});

describe("cors", () => {
  it("answers preflights for allowed origins and exposes the tus headers", async () => {
    const proxy = proxyFor(fake, { cors: { origin: ["https://app.example"], credentials: true } });
    const preflight = await proxy.fetch(
      request("OPTIONS", "", {
        headers: { origin: "https://app.example", "access-control-request-method": "POST" },
      }),
    );
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("access-control-allow-origin")).toBe("https://app.example");
    expect(preflight.headers.get("access-control-allow-headers")).toContain("upload-metadata");
    expect(preflight.headers.get("access-control-allow-credentials")).toBe("true");
    const refused = await proxy.fetch(
      request("OPTIONS", "", {
        headers: { origin: "https://evil.example", "access-control-request-method": "POST" },
      }),
    );
    expect(refused.status).toBe(403);
    const tus = await proxy.fetch(
      request("POST", "", {
        headers: {
          origin: "https://app.example",
          "tus-resumable": "1.0.0",
          "upload-length": "100",
        },
      }),
    );
    expect(tus.status).toBe(201);
    expect(tus.headers.get("access-control-allow-origin")).toBe("https://app.example");
    expect(tus.headers.get("access-control-expose-headers")).toBe(
      "Location, stream-media-id, Tus-Resumable, Upload-Offset, Retry-After",
    );
  });

  it("refuses '*' with credentials at creation", () => {
    expect(() => proxyFor(fake, { cors: { origin: "*", credentials: true } })).toThrow(
      /cannot be combined/,
    );
  });
});

describe("configuration", () => {
  it("refuses missing or malformed options with clear messages", () => {
    expect(() => proxyFor(fake, { apiToken: "" })).toThrow(/apiToken is required/);
    expect(() => proxyFor(fake, { basePath: "api/stream" })).toThrow(/basePath must be a path/);
    expect(() => proxyFor(fake, { upstream: "not a url" })).toThrow(/upstream is not a URL/);
    expect(() => proxyFor(fake, { limits: { jsonBytes: -1 } })).toThrow(/limits.jsonBytes/);
    expect(() => proxyFor(fake, { accountId: "../x" })).toThrow(/accountId/);
  });

  it("tolerates a trailing slash on basePath and on the request path", async () => {
    const proxy = proxyFor(fake, { basePath: `${BASE}/` });
    expect((await proxy.fetch(new Request(`http://app.test${BASE}/`))).status).toBe(200);
    expect(proxy.basePath).toBe(BASE);
  });
});
