import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseRetryAfter, readEnvelope, toCount } from "../envelope";
import { StreamApiError, StreamNetworkError } from "../errors";

describe("readEnvelope", () => {
  it("returns the envelope with extras", async () => {
    const res = new Response(
      JSON.stringify({ result: [1], success: true, errors: [], messages: [], range: 2 }),
    );
    expect(await readEnvelope(res)).toMatchObject({ result: [1], range: 2 });
  });

  it("normalises odd error entries", async () => {
    const res = new Response(
      JSON.stringify({ success: false, errors: [{ code: "7003", message: 5 }, null] }),
      { status: 404 },
    );
    const error = (await readEnvelope(res).catch((e: unknown) => e)) as StreamApiError;
    expect(error.errors).toEqual([{ code: 7003, message: "5" }]);
  });

  it("only ever throws the typed errors, whatever the body", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.string(), fc.json()),
        fc.constantFrom(200, 400, 404, 429, 500),
        async (text, status) => {
          try {
            await readEnvelope(new Response(text, { status }));
            return status === 200;
          } catch (error) {
            return error instanceof StreamApiError || error instanceof StreamNetworkError;
          }
        },
      ),
    );
  });
});

describe("parseRetryAfter", () => {
  it("reads seconds and HTTP dates", () => {
    expect(parseRetryAfter("120")).toBe(120);
    expect(parseRetryAfter(new Date(61_000).toUTCString(), 0)).toBe(61);
    expect(parseRetryAfter("soon")).toBeUndefined();
    expect(parseRetryAfter(null)).toBeUndefined();
  });
});

describe("toCount", () => {
  it("accepts numbers and numeric strings only", () => {
    expect(toCount(3)).toBe(3);
    expect(toCount("35586")).toBe(35586);
    expect(toCount("")).toBeUndefined();
    expect(toCount("x")).toBeUndefined();
    expect(toCount(null)).toBeUndefined();
  });
});
