import { uid } from "@streamkit/test-utils/upstream";
import { describe, expect, it } from "vitest";
import { envelopeOf, proxyFor, request, visible } from "./test/helpers";
import { fake, serveFakeUpstream } from "./test/upstreamSetup";

serveFakeUpstream();

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
      // Another language: a generated caption is in progress (no VTT yet) on the fake upstream.
      ["POST", `/${video.uid}/captions/fr/generate`, 200],
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
