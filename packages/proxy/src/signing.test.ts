import { generateKeyPairSync } from "node:crypto";
import { type FakeUpstream, startFakeUpstream } from "@streamkit/test-utils/upstream";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { importSigningKey, MAX_TOKEN_TTL_SECONDS, signStreamToken } from "./index";
import { envelopeOf, proxyFor, request } from "./test/helpers";

const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
const pkcs1 = privateKey.export({ type: "pkcs1", format: "pem" }).toString();
const pkcs8 = privateKey.export({ type: "pkcs8", format: "pem" }).toString();
const spki = publicKey.export({ type: "spki", format: "der" });
/** What `POST /stream/keys` returns in `pem`: the PEM text, base64-encoded. */
const cloudflarePem = Buffer.from(pkcs1).toString("base64");
const KEY_ID = "8f926b2b01d383a4ee4b3d5bb8ab2f1c";
const UID = "0123456789abcdef0123456789abcdef";

function decodePart(part: string | undefined): Record<string, unknown> {
  return JSON.parse(Buffer.from(part ?? "", "base64url").toString("utf8"));
}

async function verifies(token: string): Promise<boolean> {
  const [header, payload, signature] = token.split(".");
  const key = await crypto.subtle.importKey(
    "spki",
    spki,
    { name: "RSASSA-PKCS1-v1_5", hash: "SHA-256" },
    false,
    ["verify"],
  );
  return crypto.subtle.verify(
    "RSASSA-PKCS1-v1_5",
    key,
    Buffer.from(signature ?? "", "base64url"),
    new TextEncoder().encode(`${header}.${payload}`),
  );
}

describe("signStreamToken", () => {
  it("makes an RS256 JWT that verifies with the public key, with the documented header and payload", async () => {
    const now = Date.UTC(2026, 0, 1);
    const token = await signStreamToken({ id: KEY_ID, pem: pkcs8 }, UID, { now });
    expect(token).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
    const [header, payload] = token.split(".");
    expect(decodePart(header)).toEqual({ alg: "RS256", kid: KEY_ID });
    expect(decodePart(payload)).toEqual({ sub: UID, kid: KEY_ID, exp: now / 1000 + 3600 });
    expect(await verifies(token)).toBe(true);
  });

  it("accepts PKCS#1, PKCS#8 and Cloudflare's base64-of-PEM, and a pre-imported key", async () => {
    for (const pem of [pkcs1, pkcs8, cloudflarePem, Buffer.from(pkcs8).toString("base64")]) {
      expect(await verifies(await signStreamToken({ id: KEY_ID, pem }, UID))).toBe(true);
    }
    const key = await importSigningKey(cloudflarePem);
    expect(await verifies(await signStreamToken({ id: KEY_ID, key }, UID))).toBe(true);
  });

  it("carries the optional claims", async () => {
    const now = Date.now();
    const exp = Math.floor(now / 1000) + 600;
    const nbf = Math.floor(now / 1000) - 60;
    const accessRules = [
      { type: "ip.geoip.country" as const, action: "allow" as const, country: ["US", "DE"] },
      { type: "any" as const, action: "block" as const },
    ];
    const token = await signStreamToken({ id: KEY_ID, pem: pkcs1 }, UID, {
      now,
      exp,
      nbf,
      downloadable: true,
      accessRules,
      flags: { original: true },
    });
    expect(decodePart(token.split(".")[1])).toEqual({
      sub: UID,
      kid: KEY_ID,
      exp,
      nbf,
      accessRules,
      downloadable: true,
      flags: { original: true },
    });
  });

  it("refuses an exp beyond 24 hours or in the past, a bad uid and a bad key", async () => {
    const now = Date.now();
    const nowS = Math.floor(now / 1000);
    await expect(
      signStreamToken({ id: KEY_ID, pem: pkcs1 }, UID, {
        now,
        exp: nowS + MAX_TOKEN_TTL_SECONDS + 1,
      }),
    ).rejects.toThrow(/exp: at most 24 hours ahead/);
    await expect(
      signStreamToken({ id: KEY_ID, pem: pkcs1 }, UID, { now, exp: nowS - 1 }),
    ).rejects.toThrow(/exp: must be in the future/);
    await expect(signStreamToken({ id: KEY_ID, pem: pkcs1 }, "nope")).rejects.toThrow(/uid/);
    await expect(signStreamToken({ id: KEY_ID, pem: "not a key" }, UID)).rejects.toThrow(
      /neither PEM text nor base64/,
    );
    const ec = generateKeyPairSync("ec", { namedCurve: "P-256" })
      .privateKey.export({ type: "sec1", format: "pem" })
      .toString();
    await expect(signStreamToken({ id: KEY_ID, pem: ec }, UID)).rejects.toThrow(
      /must hold an RSA private key/,
    );
  });
});

describe("POST {basePath}/{uid}/token with a signingKey", () => {
  let fake: FakeUpstream;
  beforeAll(async () => {
    fake = await startFakeUpstream();
  });
  afterAll(() => fake.close());
  afterEach(() => {
    fake.requests.length = 0;
  });

  it("signs locally, with no API call, answering the API's envelope", async () => {
    const proxy = proxyFor(fake, { signingKey: { id: KEY_ID, pem: cloudflarePem } });
    const exp = Math.floor(Date.now() / 1000) + 120;
    const response = await proxy.fetch(
      request("POST", `/${UID}/token`, { json: { exp, downloadable: true } }),
    );
    expect(response.status).toBe(200);
    const body = (await envelopeOf(response)) as { result: { token: string }; success: boolean };
    expect(body).toEqual({
      result: { token: body.result.token },
      success: true,
      errors: [],
      messages: [],
    });
    expect(await verifies(body.result.token)).toBe(true);
    expect(decodePart(body.result.token.split(".")[1])).toEqual({
      sub: UID,
      kid: KEY_ID,
      exp,
      downloadable: true,
    });
    expect(fake.requests).toHaveLength(0);
    // An empty body means the defaults.
    const plain = await proxy.fetch(request("POST", `/${UID}/token`));
    expect(plain.status).toBe(200);
  });

  it("still checks ownership first when scoped", async () => {
    const proxy = proxyFor(fake, {
      signingKey: { id: KEY_ID, pem: pkcs8 },
      creatorScope: () => "alice",
    });
    const bobs = fake.addVideo({ creator: "bob" });
    expect((await proxy.fetch(request("POST", `/${bobs.uid}/token`))).status).toBe(404);
    const mine = fake.addVideo({ creator: "alice" });
    expect((await proxy.fetch(request("POST", `/${mine.uid}/token`))).status).toBe(200);
  });

  it("refuses a malformed key at creation, and answers a clear 500 for one WebCrypto rejects", async () => {
    expect(() => proxyFor(fake, { signingKey: { id: KEY_ID, pem: "nope" } })).toThrow(
      /createStreamProxy: signingKey.pem is neither PEM text nor base64/,
    );
    const proxy = proxyFor(fake, {
      signingKey: {
        id: KEY_ID,
        pem: "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----",
      },
    });
    const response = await proxy.fetch(request("POST", `/${UID}/token`));
    expect(response.status).toBe(500);
    expect((await envelopeOf(response)).errors[0]?.message).toMatch(
      /^Proxy misconfigured: signingKey.pem could not be imported/,
    );
  });
});
