import { createHmac } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { constantTimeEqual, parseWebhookSignature, signWebhook, verifyWebhook } from "../webhook";

const secret = "0123456789abcdef0123456789abcdef";
const body = '{"uid":"a","status":{"state":"ready"}}\n';
const now = 1_800_000_000_000;

/** The algorithm as Cloudflare documents it, written independently with node:crypto. */
function reference(time: number, raw: string) {
  return `time=${time},sig1=${createHmac("sha256", secret).update(`${time}.${raw}`).digest("hex")}`;
}

describe("webhook signatures", () => {
  it("signs exactly as the documented algorithm", async () => {
    expect(await signWebhook(secret, body, 1_800_000_000)).toBe(reference(1_800_000_000, body));
  });

  it("accepts a good signature on the raw body", async () => {
    expect(await verifyWebhook(secret, body, reference(now / 1000, body), { now })).toEqual({
      ok: true,
      time: now / 1000,
    });
  });

  it("refuses a re-serialised body", async () => {
    const header = reference(now / 1000, body);
    const reserialised = JSON.stringify(JSON.parse(body));
    expect(await verifyWebhook(secret, reserialised, header, { now })).toEqual({
      ok: false,
      reason: "mismatch",
    });
  });

  it("refuses missing, malformed, stale and wrong-secret signatures", async () => {
    expect(await verifyWebhook(secret, body, null, { now })).toMatchObject({ reason: "missing" });
    expect(await verifyWebhook(secret, body, "sig1=abc", { now })).toMatchObject({
      reason: "malformed",
    });
    expect(
      await verifyWebhook(secret, body, reference(now / 1000 - 301, body), { now }),
    ).toMatchObject({ reason: "stale" });
    expect(
      await verifyWebhook(secret, body, reference(now / 1000 + 301, body), { now }),
    ).toMatchObject({ reason: "stale" });
    expect(await verifyWebhook("other", body, reference(now / 1000, body), { now })).toMatchObject({
      reason: "mismatch",
    });
  });

  it("honours a custom tolerance", async () => {
    const header = reference(now / 1000 - 500, body);
    expect(await verifyWebhook(secret, body, header, { now, toleranceSeconds: 600 })).toMatchObject(
      { ok: true },
    );
  });

  it("never throws and never accepts garbage headers", async () => {
    await fc.assert(
      fc.asyncProperty(fc.string(), async (header) => {
        const verdict = await verifyWebhook(secret, body, header, { now });
        return verdict.ok === false;
      }),
    );
    expect(parseWebhookSignature(`time=1,sig1=${"z".repeat(64)}`)).toBeUndefined();
  });

  it("compares in constant shape", () => {
    expect(constantTimeEqual("abc", "abc")).toBe(true);
    expect(constantTimeEqual("abc", "abd")).toBe(false);
    expect(constantTimeEqual("abc", "abcd")).toBe(false);
  });
});
