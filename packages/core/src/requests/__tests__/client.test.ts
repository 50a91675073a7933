import { describe, expect, it } from "vitest";
import { envelope, fakeFetch, UID_A, video } from "../../__tests__/fakeFetch";
import { createStreamClient } from "../../client";
import { StreamValidationError } from "../../errors";

function client() {
  const fake = fakeFetch(() => envelope(video(UID_A)));
  return { ...fake, client: createStreamClient({ baseUrl: "/api/stream", fetch: fake.fetch }) };
}

describe("the client checks request shapes before any request", () => {
  it("refuses a bad watermark on copy and direct upload", async () => {
    const { client: c, calls } = client();
    await expect(
      c.copyFromUrl({ input: "https://example.com/v.mp4", watermark: { uid: "logo" } }),
    ).rejects.toMatchObject({ name: "StreamValidationError", field: "watermark.uid" });
    await expect(
      c.createDirectUpload({
        maxDurationSeconds: 60,
        watermark: { uid: UID_A, opacity: 1 } as never,
      }),
    ).rejects.toMatchObject({ field: "watermark" });
    expect(calls).toEqual([]);
  });

  it("refuses bad publicDetails on update", async () => {
    const { client: c, calls } = client();
    const update = (publicDetails: unknown) =>
      c.updateVideo(UID_A, { publicDetails } as never).catch((error: unknown) => error);
    const errors = await Promise.all([update({ title: 42 }), update({ tagline: "x" }), update([])]);
    for (const error of errors) expect(error).toBeInstanceOf(StreamValidationError);
    expect(errors.map((e) => (e as StreamValidationError).field)).toEqual([
      "publicDetails.title",
      "publicDetails.tagline",
      "publicDetails",
    ]);
    expect(calls).toEqual([]);
  });

  it("refuses a bad list filter and a non-object token body", async () => {
    const { client: c, calls } = client();
    await expect(c.listVideos({ limit: 0 })).rejects.toMatchObject({ field: "limit" });
    await expect(c.createSignedToken(UID_A, "x" as never)).rejects.toMatchObject({
      field: "body",
    });
    expect(calls).toEqual([]);
  });

  it("sends valid shapes unchanged", async () => {
    const { client: c, calls } = client();
    const publicDetails = { title: "Cat", logo: null };
    await c.updateVideo(UID_A, { publicDetails: { ...publicDetails, share_link: undefined } });
    await c.copyFromUrl({ url: "https://example.com/v.mp4", watermark: { uid: UID_A } });
    expect(calls.map((call) => call.body)).toEqual([
      { publicDetails },
      { url: "https://example.com/v.mp4", watermark: { uid: UID_A } },
    ]);
  });
});
