import { uid } from "@streamkit/test-utils/upstream";
import { describe, expect, it } from "vitest";
import { envelopeOf, proxyFor, request } from "./test/helpers";
import { fake, serveFakeUpstream } from "./test/upstreamSetup";

serveFakeUpstream();

/** The signed-in user comes from a header here; a real app reads its session. */
const scoped = () =>
  proxyFor(fake, {
    authorize: (req) => req.headers.has("x-user"),
    creatorScope: (req) => req.headers.get("x-user") ?? undefined,
  });
const as = (user: string) => ({ headers: { "x-user": user } });

describe("creator scope", () => {
  it("refuses cross-tenant reads, updates, deletes, tokens, captions and downloads with the same 404 as a missing video", async () => {
    const proxy = scoped();
    const bobs = fake.addVideo({ creator: "bob" });
    const cases: [string, string, unknown?][] = [
      ["GET", `/${bobs.uid}`],
      ["POST", `/${bobs.uid}`, { meta: { name: "mine now" } }],
      ["DELETE", `/${bobs.uid}`],
      ["POST", `/${bobs.uid}/token`, {}],
      ["GET", `/${bobs.uid}/captions`],
      ["GET", `/${bobs.uid}/captions/en/vtt`],
      ["DELETE", `/${bobs.uid}/captions/en`],
      ["POST", `/${bobs.uid}/captions/en/generate`],
      ["GET", `/${bobs.uid}/downloads`],
      ["POST", `/${bobs.uid}/downloads/default`],
    ];
    const missing = uid();
    const notFound = await envelopeOf(
      await proxy.fetch(request("GET", `/${missing}`, as("alice"))),
    );
    for (const [method, path, json] of cases) {
      const response = await proxy.fetch(request(method, path, { ...as("alice"), json }));
      expect(response.status, `${method} ${path}`).toBe(404);
      const body = await envelopeOf(response);
      expect(body.errors[0]?.code).toBe(notFound.errors[0]?.code);
      expect(body.errors[0]?.message).toBe(`Video ${bobs.uid} not found`);
      expect(JSON.stringify(body)).not.toContain("bob");
    }
    // Only ownership checks reached the API: nothing was changed, signed or deleted.
    expect(
      fake.requests.every(
        (r) => (r.method === "GET" && r.path === `/${bobs.uid}`) || r.path === `/${missing}`,
      ),
    ).toBe(true);
    expect(fake.videos.get(bobs.uid)?.meta).toEqual({});
  });

  it("lets the owner through, answering a get with the ownership check itself", async () => {
    const proxy = scoped();
    const mine = fake.addVideo({ creator: "alice" });
    const response = await proxy.fetch(request("GET", `/${mine.uid}`, as("alice")));
    expect(response.status).toBe(200);
    expect(fake.requests).toHaveLength(1);
    const update = await proxy.fetch(
      request("POST", `/${mine.uid}`, { ...as("alice"), json: { meta: { name: "new" } } }),
    );
    expect(update.status).toBe(200);
    const token = await proxy.fetch(request("POST", `/${mine.uid}/token`, as("alice")));
    expect(await envelopeOf(token)).toMatchObject({ result: { token: `api-signed.${mine.uid}` } });
    const deleted = await proxy.fetch(request("DELETE", `/${mine.uid}`, as("alice")));
    expect(deleted.status).toBe(200);
  });

  it("refuses to hand a video to another creator, but accepts the same creator", async () => {
    const proxy = scoped();
    const mine = fake.addVideo({ creator: "alice" });
    const handOver = await proxy.fetch(
      request("POST", `/${mine.uid}`, { ...as("alice"), json: { creator: "bob" } }),
    );
    expect(handOver.status).toBe(403);
    expect((await envelopeOf(handOver)).errors[0]).toMatchObject({
      source: { pointer: "/creator" },
    });
    expect(fake.videos.get(mine.uid)?.creator).toBe("alice");
    const same = await proxy.fetch(
      request("POST", `/${mine.uid}`, { ...as("alice"), json: { creator: "alice" } }),
    );
    expect(same.status).toBe(200);
  });

  it("forces creator= on lists, whatever the browser asked for", async () => {
    const proxy = scoped();
    fake.addVideo({ creator: "alice" });
    fake.addVideo({ creator: "bob" });
    const response = await proxy.fetch(request("GET", "?creator=bob", as("alice")));
    const body = (await envelopeOf(response)) as { result: { creator: string }[] };
    expect(fake.requests[0]?.query.get("creator")).toBe("alice");
    expect(body.result.length).toBeGreaterThan(0);
    expect(body.result.every((v) => v.creator === "alice")).toBe(true);
  });

  it("filters a list defensively should the API ignore the creator filter", async () => {
    const proxy = scoped();
    fake.override = (req) =>
      req.path === ""
        ? {
            status: 200,
            body: JSON.stringify({
              result: [
                { uid: uid(), creator: "alice" },
                { uid: uid(), creator: "bob" },
              ],
              success: true,
              errors: [],
              messages: [],
              range: 0,
            }),
          }
        : undefined;
    const body = (await envelopeOf(await proxy.fetch(request("GET", "", as("alice"))))) as {
      result: { creator: string }[];
    };
    expect(body.result.map((v) => v.creator)).toEqual(["alice"]);
  });

  it("stamps copies, direct uploads and tus creations with the creator, overriding the browser's", async () => {
    const proxy = scoped();
    const copy = await proxy.fetch(
      request("POST", "/copy", {
        headers: { "x-user": "alice", "upload-creator": "bob" },
        json: { input: "https://example.com/v.mp4", creator: "bob" },
      }),
    );
    expect(copy.status).toBe(200);
    const copyRequest = fake.requests.at(-1);
    expect(JSON.parse(copyRequest?.body.toString() ?? "{}").creator).toBe("alice");
    expect(copyRequest?.headers["upload-creator"]).toBe("alice");

    const direct = await proxy.fetch(
      request("POST", "/direct_upload", {
        ...as("alice"),
        json: { maxDurationSeconds: 60, creator: "bob" },
      }),
    );
    expect(direct.status).toBe(200);
    expect(JSON.parse(fake.requests.at(-1)?.body.toString() ?? "{}").creator).toBe("alice");

    const tus = await proxy.fetch(
      request("POST", "", {
        headers: {
          "x-user": "alice",
          "tus-resumable": "1.0.0",
          "upload-length": "1000",
          "upload-creator": "bob",
        },
      }),
    );
    expect(tus.status).toBe(201);
    expect(fake.requests.at(-1)?.headers["upload-creator"]).toBe("alice");
    expect(fake.videos.get(tus.headers.get("stream-media-id") ?? "")?.creator).toBe("alice");
  });

  it("scopes storage usage to the creator", async () => {
    const proxy = scoped();
    await proxy.fetch(request("GET", "/storage-usage?creator=bob", as("alice")));
    expect(fake.requests[0]?.query.get("creator")).toBe("alice");
  });

  it("passes an API failure of the ownership check back as is", async () => {
    const proxy = scoped();
    const mine = fake.addVideo({ creator: "alice" });
    fake.override = () => ({
      status: 429,
      headers: { "retry-after": "3" },
      body: JSON.stringify({
        result: null,
        success: false,
        errors: [{ code: 971, message: "slow" }],
        messages: [],
      }),
    });
    const response = await proxy.fetch(request("DELETE", `/${mine.uid}`, as("alice")));
    expect(response.status).toBe(429);
    expect(response.headers.get("retry-after")).toBe("3");
    expect(fake.requests).toHaveLength(1);
    expect(fake.videos.has(mine.uid)).toBe(true);
  });

  it("leaves a request unscoped when creatorScope answers undefined, and refuses a bad scope value", async () => {
    const admin = proxyFor(fake, { creatorScope: () => undefined });
    const bobs = fake.addVideo({ creator: "bob" });
    expect((await admin.fetch(request("GET", `/${bobs.uid}`))).status).toBe(200);
    const broken = proxyFor(fake, { creatorScope: () => "x".repeat(65) });
    const response = await broken.fetch(request("GET", ""));
    expect(response.status).toBe(500);
    expect((await envelopeOf(response)).errors[0]?.message).toContain("creatorScope must return");
  });
});
