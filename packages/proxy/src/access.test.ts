import { describe, expect, it } from "vitest";
import { refuse } from "./index";
import { BASE, envelopeOf, proxyFor, request } from "./test/helpers";
import { fake, serveFakeUpstream } from "./test/upstreamSetup";

serveFakeUpstream();

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
    // A reconnecting EventSource sends Last-Event-ID to /events.
    expect(preflight.headers.get("access-control-allow-headers")).toContain("last-event-id");
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
